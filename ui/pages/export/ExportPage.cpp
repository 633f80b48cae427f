#include "ExportPage.h"

#include "MainWindow.h"
#include "common/Tr.h"
#include "common/Translations.h"
#include "connection/ServerSet.h"
#include "export/Bag.h"
#include "export/BagVerifier.h"
#include "export/ExportPayload.h"
#include "export/LogCollector.h"
#include "export/Memoria.h"
#include "export/MemoriaDocument.h"
#include "remote/RemoteHost.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

namespace difusor::ui {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

// Runs `job` on a thread of its own, then `then` in `owner`'s thread (never the window's blocking I/O).
void runInWorker(QObject *owner, std::function<void()> job, std::function<void()> then)
{
    QThread *thread = QThread::create(std::move(job));
    thread->setParent(owner);
    QObject::connect(thread, &QThread::finished, owner, [thread, then = std::move(then)] {
        thread->deleteLater();
        then();
    });
    thread->start();
}

QDateEdit *dateEdit(const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

// The preview's data, built on a worker thread. Only data crosses threads: a QTextDocument laid out
// on the worker keeps font engines of that thread's font cache, which go with the thread (a crash
// once shown), so the document itself is made on the window's thread from this html.
struct PreviewResult
{
    exporting::MemoriaDocument parts;
    QStringList errors; // what the report could not read (translated)
    int incidents = 0;
};

} // namespace

ExportPage::ExportPage(ServerSet *servers, QString storePath, QWidget *parent)
    : QWidget(parent)
    , m_servers(servers)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("exportPage"));
    const exporting::ExportDates defaults;
    m_from = dateEdit(defaults.from, this);
    m_to = dateEdit(defaults.to, this);
    m_baselineFrom = dateEdit(defaults.effectiveBaselineFrom(), this);
    m_baselineTo = dateEdit(defaults.effectiveBaselineTo(), this);
    m_serverList = new QListWidget(this);
    m_serverList->setObjectName(QStringLiteral("exportServers"));
    m_serverList->setMaximumHeight(70);
    m_comments = new QPlainTextEdit(this);
    m_comments->setObjectName(QStringLiteral("exportComments"));
    m_comments->setPlaceholderText(tr("Comentarios y sugerencias para la memoria técnica (punto 4 de la convocatoria)."));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setPlaceholderText(tr("Carpeta nueva o vacía (o un paquete interrumpido, para continuarlo)"));
    auto *choose = new QPushButton(tr("Elegir…"), this);
    m_export = new QPushButton(tr("Exportar"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_cancel = new QPushButton(tr("Cancelar"), this);
    m_cancel->setEnabled(false);
    m_verify = new QPushButton(tr("Verificar paquete…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status = new QLabel(tr("Listo para exportar."), this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("exportLog"));
    m_previewButton = new QPushButton(tr("Vista previa"), this);
    m_previewButton->setObjectName(QStringLiteral("exportPreviewButton"));
    m_previewButton->setToolTip(tr("La memoria técnica con los datos de la consola para el periodo, sin bitácoras"));
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setOpenLinks(false);
    m_preview->setPlaceholderText(tr("«Vista previa» muestra aquí la memoria técnica del periodo."));
    // The log and the preview share the page's lower part: at 1280x800 both side by side would be
    // too narrow for the report's tables.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("exportTabs"));
    m_tabs->addTab(m_log, tr("Registro"));
    m_tabs->addTab(m_preview, tr("Vista previa"));

    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("a"), this));
    period->addWidget(m_to);
    period->addWidget(new QLabel(tr("(hora del centro de México, UTC-6)"), this));
    period->addStretch();
    auto *baseline = new QHBoxLayout;
    baseline->addWidget(m_baselineFrom);
    baseline->addWidget(new QLabel(tr("a"), this));
    baseline->addWidget(m_baselineTo);
    baseline->addStretch();
    auto *folder = new QHBoxLayout;
    folder->addWidget(m_folder, 1);
    folder->addWidget(choose);
    auto *form = new QFormLayout;
    form->addRow(tr("Periodo:"), period);
    form->addRow(tr("Línea base:"), baseline);
    form->addRow(tr("Servidores:"), m_serverList);
    form->addRow(tr("Comentarios:"), m_comments);
    form->addRow(tr("Paquete:"), folder);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_previewButton);
    // The fields above, the log and the preview below, the border between them draggable: the
    // report wants height, and at 1280x800 the comments editor would otherwise take most of it.
    auto *fields = new QWidget(this);
    auto *top = new QVBoxLayout(fields);
    top->setContentsMargins(0, 0, 0, 0);
    top->addLayout(form);
    top->addLayout(buttons);
    top->addWidget(m_status);
    m_comments->setMinimumHeight(60);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("exportSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(fields);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_from, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        // The baseline follows the period until the technician sets it: the 14 days before.
        m_baselineFrom->setDate(d.addDays(-14));
        m_baselineTo->setDate(d.addDays(-1));
    });
    connect(choose, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Carpeta del paquete"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &f) { m_folder->setText(f); });
        dialog->open();
    });
    connect(m_export, &QPushButton::clicked, this, &ExportPage::startExport);
    connect(m_previewButton, &QPushButton::clicked, this, &ExportPage::startPreview);
    connect(m_cancel, &QPushButton::clicked, this, &ExportPage::cancelExport);
    connect(m_verify, &QPushButton::clicked, this, [this] {
        if (!m_folder->text().trimmed().isEmpty()) {
            verifyFolder(m_folder->text().trimmed());
            return;
        }
        auto *dialog = new QFileDialog(this, tr("Paquete a verificar"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &ExportPage::verifyFolder);
        dialog->open();
    });
    if (m_servers) {
        connect(m_servers, &ServerSet::entryAdded, this, [this](ServerEntry *entry) {
            connect(entry, &ServerEntry::hostChanged, this, &ExportPage::refreshServers);
            refreshServers();
        });
        connect(m_servers, &ServerSet::entryRemoved, this, [this] { QTimer::singleShot(0, this, &ExportPage::refreshServers); });
        for (ServerEntry *entry : m_servers->entries())
            connect(entry, &ServerEntry::hostChanged, this, &ExportPage::refreshServers);
    }
    refreshServers();
}

ExportPage::~ExportPage()
{
    if (m_collector)
        m_collector->cancel();
    delete m_collector; // waits for its worker step
    for (QThread *t : findChildren<QThread *>())
        t->wait();
}

void ExportPage::setOutputFolder(const QString &folder)
{
    m_folder->setText(folder);
}

void ExportPage::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

QString ExportPage::statusText() const
{
    return m_status->text();
}

void ExportPage::refreshServers()
{
    if (m_busy)
        return; // the list stays as it was chosen while exporting
    QStringList checked;
    for (int i = 0; i < m_serverList->count(); ++i) {
        if (m_serverList->item(i)->checkState() == Qt::Checked)
            checked << m_serverList->item(i)->data(Qt::UserRole).toString();
    }
    const bool first = m_serverList->count() == 0;
    m_serverList->clear();
    if (!m_servers)
        return;
    for (ServerEntry *entry : m_servers->entries()) {
        const QString id = entry->profile().identityId();
        const bool connected = entry->host() != nullptr;
        auto *item = new QListWidgetItem(connected ? entry->title() : tr("%1 (sin conexión)").arg(entry->title()), m_serverList);
        item->setData(Qt::UserRole, id);
        item->setFlags(connected ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable);
        item->setCheckState(connected && (first || checked.contains(id) || checked.isEmpty()) ? Qt::Checked : Qt::Unchecked);
    }
}

QList<Profile> ExportPage::checkedProfiles() const
{
    QList<Profile> profiles;
    if (!m_servers)
        return profiles;
    for (int i = 0; i < m_serverList->count(); ++i) {
        if (m_serverList->item(i)->checkState() != Qt::Checked)
            continue;
        for (ServerEntry *entry : m_servers->entries()) {
            if (entry->profile().identityId() == m_serverList->item(i)->data(Qt::UserRole).toString())
                profiles << entry->profile();
        }
    }
    return profiles;
}

QString ExportPage::previewText() const
{
    return m_previewDocument ? m_previewDocument->toPlainText() : QString();
}

void ExportPage::startPreview()
{
    if (m_previewing)
        return; // the one running shows the fields as they were when it was asked
    exporting::PayloadRequest request;
    request.profiles = checkedProfiles(); // none: every server of the store
    request.dates.from = m_from->date();
    request.dates.to = m_to->date();
    request.dates.baselineFrom = m_baselineFrom->date();
    request.dates.baselineTo = m_baselineTo->date();
    if (request.dates.to < request.dates.from || request.dates.baselineTo < request.dates.baselineFrom) {
        m_status->setText(tr("Revise las fechas: el final va después del principio."));
        return;
    }
    request.storePath = m_storePath;
    request.commentsText = m_comments->toPlainText();
    request.language = chooseLanguage(QCoreApplication::arguments()) == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("es");
    // request.servers stays empty: no log is read (they are on the servers until the export collects them).
    m_previewing = true;
    m_previewButton->setEnabled(false);
    m_previewButton->setText(tr("Preparando la vista previa…"));
    const QString notice = tr("Vista previa sin bitácoras: las secciones 1 y 3 se llenan al exportar, con las bitácoras recolectadas de los servidores.");
    auto result = std::make_shared<PreviewResult>();
    runInWorker(this, [request, result, notice] {
        const exporting::MemoriaInput input = exporting::memoriaInputFor(request, QString());
        result->errors = input.errors;
        result->incidents = int(input.affecting.size() + input.others.size());
        const QLocale locale = input.language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                                       : QLocale(QLocale::Spanish, QLocale::Mexico);
        const exporting::MemoriaDocument parts = exporting::memoriaDocument(input, locale);
        QString html = QStringLiteral("<p style=\"color: #9c0006;\"><b>") + notice.toHtmlEscaped() + QStringLiteral("</b></p>");
        for (const QString &e : std::as_const(input.errors))
            html += QStringLiteral("<p style=\"color: #9c0006;\">") + e.toHtmlEscaped() + QStringLiteral("</p>");
        html += parts.html;
        result->parts = parts;
        result->parts.html = html;
    }, [this, result] {
        m_previewing = false;
        m_previewButton->setEnabled(true);
        m_previewButton->setText(tr("Vista previa"));
        // The report's text is rich text of a few hundred KB at most; laying it out is the one step
        // here, on the window's thread (see PreviewResult).
        auto *document = new QTextDocument(m_preview);
        document->setDefaultStyleSheet(QStringLiteral("h1 { font-size: 15pt; color: #1f4e79; } h2 { font-size: 12pt; color: #1f4e79; } "
                                                      "h3 { font-size: 10pt; } th { font-weight: bold; }"));
        document->setHtml(result->parts.html);
        // The charts as the PDF draws them (MemoriaChartObject, QPainter in the flow of the text) where
        // their markers are: vectors at the browser's width rather than images.
        auto *charts = new exporting::MemoriaChartObject(document);
        for (const auto &[marker, chart] : std::as_const(result->parts.charts))
            charts->insertAt(marker, chart);
        QTextDocument *old = m_previewDocument;
        m_previewDocument = document;
        m_preview->setDocument(document);
        if (old)
            old->deleteLater();
        m_tabs->setCurrentWidget(m_preview);
        const QString message = result->errors.isEmpty()
            ? tr("Vista previa lista, sin bitácoras; incidentes del periodo: %1.").arg(result->incidents)
            : tr("Vista previa con avisos: %1").arg(result->errors.join(QStringLiteral(" ")));
        if (!m_busy) // an export's progress keeps the status line while it runs
            m_status->setText(message);
        log(message);
        Q_EMIT previewFinished(result->errors.isEmpty(), message);
    });
}

void ExportPage::setBusy(bool busy)
{
    m_busy = busy;
    m_export->setEnabled(!busy);
    m_verify->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_baselineFrom, m_baselineTo, m_serverList, m_folder})
        w->setEnabled(!busy);
}

void ExportPage::log(const QString &text)
{
    m_log->appendPlainText(text);
}

void ExportPage::startExport()
{
    if (m_busy)
        return;
    const QString folder = m_folder->text().trimmed();
    if (folder.isEmpty()) {
        m_status->setText(tr("Elija la carpeta del paquete."));
        return;
    }
    exporting::ExportDates dates;
    dates.from = m_from->date();
    dates.to = m_to->date();
    dates.baselineFrom = m_baselineFrom->date();
    dates.baselineTo = m_baselineTo->date();
    if (dates.to < dates.from || dates.baselineTo < dates.baselineFrom) {
        m_status->setText(tr("Revise las fechas: el final va después del principio."));
        return;
    }
    QList<Profile> profiles;
    QList<remote::RemoteHost *> hosts;
    for (int i = 0; i < m_serverList->count(); ++i) {
        if (m_serverList->item(i)->checkState() != Qt::Checked)
            continue;
        for (ServerEntry *entry : m_servers->entries()) {
            if (entry->profile().identityId() == m_serverList->item(i)->data(Qt::UserRole).toString() && entry->host()) {
                profiles << entry->profile();
                hosts << entry->host();
                // The host goes (disconnect, another profile): the export stops; exporting again goes on.
                connect(entry, &ServerEntry::hostChanged, this, [this] {
                    if (m_collector && m_collector->isRunning()) {
                        log(tr("La conexión con un servidor terminó: la exportación se detiene."));
                        cancelExport();
                    }
                }, Qt::SingleShotConnection);
            }
        }
    }
    if (profiles.isEmpty()) {
        m_status->setText(tr("Conecte y marque al menos un servidor."));
        return;
    }
    setBusy(true);
    m_log->clear();
    m_progress->setValue(0);
    const QString root = QDir(folder).absolutePath();
    log(tr("Memoria técnica en %1: periodo %2, línea base %3 (hora del centro de México, UTC-6).")
            .arg(root, dates.periodText(), dates.baselineText()));
    m_status->setText(tr("Abriendo el paquete…"));
    auto bag = std::make_shared<exporting::Bag>(root);
    auto error = std::make_shared<QString>();
    runInWorker(this, [bag, error] { bag->open(error.get()); }, [this, bag, error, dates, profiles, hosts] {
        if (!error->isEmpty()) {
            finishExport(false, *error);
            return;
        }
        m_bag = bag;
        auto *collector = new exporting::LogCollector(bag.get(), dates, this);
        m_collector = collector;
        for (int i = 0; i < profiles.size(); ++i)
            collector->addServer(profiles.at(i), hosts.at(i));
        connect(collector, &exporting::LogCollector::message, this, &ExportPage::log);
        connect(collector, &exporting::LogCollector::progress, this, &ExportPage::onProgress);
        connect(collector, &exporting::LogCollector::finished, this,
                [this](bool ok, const QString &why, bool) { onCollected(ok, why); });
        m_status->setText(tr("Recolectando las bitácoras…"));
        collector->start();
    });
}

void ExportPage::cancelExport()
{
    if (m_collector && m_collector->isRunning()) {
        m_status->setText(tr("Cancelando…"));
        m_collector->cancel();
    }
}

void ExportPage::onProgress(const exporting::CollectProgress &p)
{
    m_progress->setValue(p.bytesTotal > 0 ? int(1000.0 * double(p.bytesDone) / double(p.bytesTotal)) : 0);
    const QString left = p.secondsLeft < 0 ? QStringLiteral("—")
                                           : tr("%1 min %2 s").arg(qint64(p.secondsLeft) / 60).arg(qint64(p.secondsLeft) % 60, 2, 10, QLatin1Char('0'));
    m_status->setText(tr("%1 de %2, archivos %3 de %4, por la red %5, falta %6. %7")
                          .arg(sizeText(p.bytesDone), sizeText(p.bytesTotal))
                          .arg(p.filesDone)
                          .arg(p.filesTotal)
                          .arg(sizeText(p.wireBytes), left, p.current));
}

void ExportPage::onCollected(bool ok, const QString &error)
{
    exporting::LogCollector *collector = m_collector;
    if (!ok) {
        finishExport(false, error + QLatin1Char(' ') + tr("Exportar de nuevo en la misma carpeta continúa donde se quedó."));
        return;
    }
    m_status->setText(tr("Escribiendo incidentes, cortes, simulacros y el manifiesto…"));
    exporting::PayloadRequest request;
    for (const exporting::CollectedServer &s : collector->servers())
        request.profiles << s.profile;
    request.servers = collector->servers();
    request.dates.from = m_from->date();
    request.dates.to = m_to->date();
    request.dates.baselineFrom = m_baselineFrom->date();
    request.dates.baselineTo = m_baselineTo->date();
    request.storePath = m_storePath;
    request.commentsText = m_comments->toPlainText();
    request.language = chooseLanguage(QCoreApplication::arguments()) == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("es");
    auto bag = m_bag;
    auto result = std::make_shared<exporting::PayloadResult>();
    const QString version = QCoreApplication::applicationVersion();
    runInWorker(this, [bag, request, result, version] {
        *result = exporting::addPayload(*bag, request);
        if (!result->error.isEmpty())
            return;
        if (!exporting::addMemoriaPdf(*bag, request, &result->warnings, &result->error))
            return;
        bag->setInfo(exporting::bagInfo(request.profiles, request.dates, version));
        bag->finish(&result->error);
    }, [this, bag, result] {
        for (const QString &w : std::as_const(result->warnings))
            log(tr("Aviso: %1").arg(w));
        if (!result->error.isEmpty()) {
            finishExport(false, result->error);
            return;
        }
        m_progress->setValue(1000);
        finishExport(true, tr("Paquete listo: %1 (%2 archivos de datos, %3). Verifíquelo con «Verificar paquete…».")
                               .arg(bag->root())
                               .arg(bag->payloads().size())
                               .arg(sizeText(bag->payloadBytes())));
    });
}

void ExportPage::finishExport(bool ok, const QString &message)
{
    if (m_collector)
        m_collector->deleteLater();
    m_collector = nullptr;
    m_bag.reset();
    setBusy(false);
    m_status->setText(message);
    log(message);
    refreshServers();
    Q_EMIT exportFinished(ok, message);
}

void ExportPage::verifyFolder(const QString &folder)
{
    if (m_busy || folder.isEmpty())
        return;
    setBusy(true);
    m_cancel->setEnabled(false);
    m_status->setText(tr("Verificando %1…").arg(folder));
    auto result = std::make_shared<exporting::BagVerification>();
    runInWorker(this, [folder, result] { *result = exporting::verifyBag(folder); }, [this, folder, result] {
        setBusy(false);
        for (const exporting::BagProblem &p : std::as_const(result->problems))
            log(exporting::problemLine(p));
        const QString message = result->notABag ? tr("%1 no es un paquete BagIt.").arg(folder)
                                : result->valid() ? tr("El paquete %1 es válido: %2 archivos de datos, cada suma correcta, nada de más.")
                                                        .arg(folder)
                                                        .arg(result->payloadFiles)
                                                  : tr("El paquete %1 NO es válido: %2 problemas (arriba, cada uno con su archivo).")
                                                        .arg(folder)
                                                        .arg(result->errorCount());
        m_status->setText(message);
        log(message);
        Q_EMIT verifyFinished(result->valid(), message);
    });
}

void installExportPage(const PageContext &context)
{
    if (!context.window)
        return;
    auto *page = new ExportPage(context.window->servers(), context.storePath);
    context.window->setPage(MainWindow::Page::Export, page);
    if (qEnvironmentVariable("DIFUSOR_PAGE") == QLatin1String("export"))
        QTimer::singleShot(0, context.window, [window = context.window] { window->showPage(MainWindow::Page::Export); });
    // For packaging/screenshots/export.png (README): DIFUSOR_EXPORT_TO=folder exports today (UTC-6) there,
    // DIFUSOR_EXPORT_AT seconds (default 20) after start, once the demo's server is connected.
    const QString exportTo = qEnvironmentVariable("DIFUSOR_EXPORT_TO");
    if (!exportTo.isEmpty()) {
        bool atOk = false;
        const int atS = qEnvironmentVariableIntValue("DIFUSOR_EXPORT_AT", &atOk);
        QTimer::singleShot((atOk ? atS : 20) * 1000, page, [page, exportTo] {
            const QDate today = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600).date();
            page->setOutputFolder(exportTo);
            page->setPeriod(today, today);
            page->startExport();
        });
    }
    // For packaging/screenshots/export-preview.png (README): DIFUSOR_EXPORT_PREVIEW=1 clicks "Vista
    // previa" for today (UTC-6, the demo's data) DIFUSOR_EXPORT_PREVIEW_AT seconds (default 5) after start.
    if (qEnvironmentVariable("DIFUSOR_EXPORT_PREVIEW") == QLatin1String("1")) {
        bool atOk = false;
        const int atS = qEnvironmentVariableIntValue("DIFUSOR_EXPORT_PREVIEW_AT", &atOk);
        QTimer::singleShot((atOk ? atS : 5) * 1000, page, [page] {
            const QDate today = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600).date();
            page->setPeriod(today, today);
            // Scrolled to section 2, the incidents, for the picture (the top is the cover's table).
            QObject::connect(page, &ExportPage::previewFinished, page, [page] {
                auto *browser = page->findChild<QTextBrowser *>(QStringLiteral("exportPreview"));
                // The second time the title is written: the first is the table of contents.
                const QString title = Tr::tr("2. Incidentes que afectaron la publicación");
                const QTextCursor found = browser->document()->find(title, browser->document()->find(title));
                if (!found.isNull()) {
                    const QRectF block = browser->document()->documentLayout()->blockBoundingRect(found.block());
                    browser->verticalScrollBar()->setValue(int(block.top()));
                }
            }, Qt::SingleShotConnection);
            page->startPreview();
        });
    }
}

} // namespace difusor::ui
