#pragma once

#include "checks/CheckResult.h"

#include <QHash>
#include <QList>
#include <QStandardItemModel>

#include <optional>

namespace difusor::ui {

// The verdicts of one run as a tree: Hardware / Software / Red y seguridad, one row per check with
// its verdict (icon, colour and text), what was found and what changed since the previous run.
class CheckTreeModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StatusColumn, ActualColumn, ChangeColumn, ColumnCount };
    enum Role { CheckIdRole = Qt::UserRole + 1, StatusRole };

    explicit CheckTreeModel(QObject *parent = nullptr);

    // previous: the verdicts of the run before (by check id); nothing when there is none.
    void setResults(const QList<checks::CheckResult> &results,
                    const std::optional<QHash<QString, checks::Status>> &previous);
    void clearResults();

    const QList<checks::CheckResult> &results() const { return m_results; }
    const checks::CheckResult *result(const QModelIndex &index) const;
    const checks::CheckResult *result(const QString &checkId) const;
    QModelIndex indexOf(const QString &checkId, int column = TitleColumn) const;
    // "NO CUMPLE → CUMPLE", "nueva" or empty.
    QString changeText(const QString &checkId) const { return m_changes.value(checkId); }

    static QString groupTitle(const QString &group);

private:
    QList<checks::CheckResult> m_results;
    QHash<QString, QString> m_changes;
};

} // namespace difusor::ui
