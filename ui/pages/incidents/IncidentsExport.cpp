// IncidentsPage's export: the list as shown, to CSV or JSON, through a save dialog opened with open().

#include "IncidentsPage.h"

#include "IncidentsTableModel.h"
#include "common/MexicoTime.h"
#include "common/PrivateFile.h"
#include "incidents/IncidentJson.h"
#include "store/StoreThread.h"

#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

namespace difusor::ui {

using store::IncidentRecord;

void IncidentsPage::exportList(ExportFormat format)
{
    const bool csv = format == ExportFormat::Csv;
    auto *dialog = new QFileDialog(this, csv ? tr("Exportar incidentes (CSV)") : tr("Exportar incidentes (JSON)"));
    dialog->setObjectName(QStringLiteral("incidentsExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(csv ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QString stamp = QDateTime::currentDateTimeUtc().toTimeZone(mexicoCentralZone()).toString(QStringLiteral("yyyyMMdd-HHmm"));
    dialog->selectFile(QStringLiteral("incidentes-%1.%2").arg(stamp, csv ? QStringLiteral("csv") : QStringLiteral("json")));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) { exportTo(path, format); });
    dialog->open(); // no exec(): the list keeps refreshing behind it
}

void IncidentsPage::exportTo(const QString &path, ExportFormat format)
{
    const QList<IncidentRecord> shown = m_model->incidents(); // as shown now: filters and order
    if (format == ExportFormat::Csv) {
        writeExport(path, incidents::incidentsToCsv(shown), int(shown.size()));
        return;
    }
    if (!m_store) {
        showMessage(tr("No se exportó: sin base de datos."), true);
        Q_EMIT exported(path, false, tr("sin base de datos"));
        return;
    }
    // The timelines are read on the store's thread; the document is built and written off this one.
    QList<qint64> ids;
    for (const IncidentRecord &i : shown)
        ids.append(i.id);
    using Timelines = QHash<qint64, QList<store::IncidentEvent>>;
    m_store->call<Timelines>(
        this,
        [ids](store::Store &s) {
            Timelines t;
            if (s.isOpen()) {
                for (qint64 id : ids)
                    t.insert(id, s.incidentEvents(id));
            }
            return t;
        },
        [this, path, shown](const Timelines &timelines) {
            QJsonArray list;
            for (const IncidentRecord &i : shown) {
                const QList<store::IncidentEvent> events = timelines.value(i.id);
                list.append(incidents::incidentToJson(i, &events));
            }
            const QJsonObject doc{{QStringLiteral("incidents"), list},
                                  {QStringLiteral("summary"), incidents::incidentSummary(shown)},
                                  {QStringLiteral("exported_at"), isoUtc(QDateTime::currentDateTimeUtc())}};
            writeExport(path, QJsonDocument(doc).toJson(QJsonDocument::Indented), int(shown.size()));
        });
}

void IncidentsPage::writeExport(const QString &path, const QByteArray &bytes, int rows)
{
    // A file of ours: 0600 before anything is in it (PrivateFile), renamed into place when complete
    // (QSaveFile). Its fsync may take a moment on a busy disk: done on a pool thread, never on this one.
    QPointer<IncidentsPage> guard(this);
    QThreadPool::globalInstance()->start([guard, path, bytes, rows] {
        QString error;
        QSaveFile file(path);
        bool ok = file.open(QIODevice::WriteOnly);
        if (!ok)
            error = file.errorString();
        if (ok && !restrictToOwner(file, &error))
            ok = false;
        if (ok && file.write(bytes) != bytes.size()) {
            ok = false;
            error = file.errorString();
        }
        if (ok && !file.commit()) {
            ok = false;
            error = file.errorString();
        }
        if (!ok)
            file.cancelWriting();
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, path, ok, error, rows] {
                if (!guard)
                    return;
                const QString message = ok ? IncidentsPage::tr("%1 incidentes exportados a %2.").arg(rows).arg(path)
                                           : IncidentsPage::tr("No se exportó a %1: %2").arg(path, error);
                guard->showMessage(message, !ok);
                Q_EMIT guard->exported(path, ok, message);
            },
            Qt::QueuedConnection);
    });
}

} // namespace difusor::ui
