#include "CheckTreeModel.h"

#include "StatusIcon.h"

#include <QFont>

namespace difusor::ui {

using checks::CheckResult;
using checks::Status;

namespace {
const QStringList &groupOrder()
{
    static const QStringList order = {QStringLiteral("hardware"), QStringLiteral("software"), QStringLiteral("network"),
                                      QStringLiteral("profile")};
    return order;
}
} // namespace

CheckTreeModel::CheckTreeModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Verificación"), tr("Estado"), tr("Resultado"), tr("Cambio")});
}

QString CheckTreeModel::groupTitle(const QString &group)
{
    if (group == QLatin1String("hardware"))
        return tr("Hardware");
    if (group == QLatin1String("software"))
        return tr("Software");
    if (group == QLatin1String("network"))
        return tr("Red y seguridad");
    if (group == QLatin1String("profile"))
        return tr("Rutas y URL del perfil");
    return group;
}

void CheckTreeModel::clearResults()
{
    removeRows(0, rowCount());
    m_results.clear();
    m_changes.clear();
}

void CheckTreeModel::setResults(const QList<CheckResult> &results,
                                const std::optional<QHash<QString, Status>> &previous)
{
    clearResults();
    m_results = results;
    QStringList groups = groupOrder();
    for (const CheckResult &r : results) {
        if (!groups.contains(r.group))
            groups.append(r.group);
    }
    for (const QString &group : groups) {
        QList<const CheckResult *> members;
        for (const CheckResult &r : m_results) {
            if (r.group == group)
                members.append(&r);
        }
        if (members.isEmpty())
            continue;
        int passed = 0, failed = 0;
        for (const CheckResult *r : members) {
            passed += r->status == Status::Pass;
            failed += r->status == Status::Fail;
        }
        auto *groupItem = new QStandardItem(groupTitle(group));
        QFont bold = groupItem->font();
        bold.setBold(true);
        groupItem->setFont(bold);
        groupItem->setData(group, CheckIdRole);
        QString summary = tr("%1 de %2 cumplen").arg(passed).arg(members.size());
        if (failed == 1)
            summary = tr("1 no cumple");
        else if (failed > 1)
            summary = tr("%1 no cumplen").arg(failed);
        auto *groupSummary = new QStandardItem(summary);
        QList<QStandardItem *> groupRow{groupItem, groupSummary, new QStandardItem, new QStandardItem};
        for (QStandardItem *item : groupRow)
            item->setEditable(false);
        for (const CheckResult *r : members) {
            auto *title = new QStandardItem(r->title.isEmpty() ? r->id : r->title);
            title->setData(r->id, CheckIdRole);
            title->setToolTip(r->id);
            auto *status = new QStandardItem(QIcon(checkStatusIcon(r->status)), checks::statusText(r->status));
            status->setForeground(checkStatusColor(r->status));
            status->setData(int(r->status), StatusRole);
            status->setData(r->id, CheckIdRole);
            QFont sf = status->font();
            sf.setBold(true);
            status->setFont(sf);
            auto *actual = new QStandardItem(r->actual.section(QLatin1Char('\n'), 0, 0));
            actual->setToolTip(r->actual);
            QString change;
            if (previous) {
                const auto it = previous->constFind(r->id);
                if (it == previous->constEnd())
                    change = tr("nueva");
                else if (*it != r->status)
                    change = tr("%1 → %2").arg(checks::statusText(*it), checks::statusText(r->status));
            }
            if (!change.isEmpty())
                m_changes.insert(r->id, change);
            auto *changeItem = new QStandardItem(change);
            if (!change.isEmpty()) {
                changeItem->setIcon(QIcon(checkStatusIcon(r->status, 12)));
                changeItem->setToolTip(tr("Cambió desde la verificación anterior"));
            }
            QList<QStandardItem *> row{title, status, actual, changeItem};
            for (QStandardItem *item : row)
                item->setEditable(false);
            groupItem->appendRow(row);
        }
        appendRow(groupRow);
    }
}

const CheckResult *CheckTreeModel::result(const QString &checkId) const
{
    for (const CheckResult &r : m_results) {
        if (r.id == checkId)
            return &r;
    }
    return nullptr;
}

const CheckResult *CheckTreeModel::result(const QModelIndex &index) const
{
    if (!index.isValid() || !index.parent().isValid())
        return nullptr;
    return result(index.siblingAtColumn(TitleColumn).data(CheckIdRole).toString());
}

QModelIndex CheckTreeModel::indexOf(const QString &checkId, int column) const
{
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        for (int r = 0; r < rowCount(group); ++r) {
            const QModelIndex i = index(r, TitleColumn, group);
            if (i.data(CheckIdRole).toString() == checkId)
                return index(r, column, group);
        }
    }
    return {};
}

} // namespace difusor::ui
