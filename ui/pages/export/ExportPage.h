#pragma once

#include "common/Profile.h"
#include "pages/PageContext.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QDate;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTextDocument;

namespace difusor::exporting {
class Bag;
class LogCollector;
struct CollectProgress;
}

namespace difusor::ui {

class ServerSet;

// "Exportar": the memoria técnica as a BagIt package, from one button. The period and the baseline
// (Central Mexico days), the connected servers to collect from, the comments, the package's folder;
// "Exportar" collects (core/export/LogCollector: progress with bytes, files and time left; "Cancelar"
// keeps what is done, and exporting again into the same folder goes on from there), then writes the
// store's data and seals the bag; "Verificar paquete…" checks any package. "Vista previa" shows the
// report (the PDF's text and charts) from the store for the fields as they are, without the logs,
// which only the export collects. Nothing blocks the window: the bag's reading, hashing and writing
// and the preview's store reading run on worker threads.
class ExportPage final : public QWidget
{
    Q_OBJECT
public:
    ExportPage(ServerSet *servers, QString storePath, QWidget *parent = nullptr);
    ~ExportPage() override;

    // For tests: the folder field and the button actions.
    void setOutputFolder(const QString &folder);
    void setPeriod(const QDate &from, const QDate &to); // the baseline follows: the 14 days before
    void startExport();
    void cancelExport();
    void verifyFolder(const QString &folder);
    void startPreview(); // "Vista previa": again refreshes it; never waits for nor blocks an export
    bool isPreviewing() const { return m_previewing; }
    QString previewText() const; // the preview's plain text (empty before the first one)
    bool isBusy() const { return m_busy; }
    QString statusText() const;

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);
    void verifyFinished(bool valid, const QString &message);
    void previewFinished(bool ok, const QString &message);

private:
    void refreshServers();
    void setBusy(bool busy);
    void log(const QString &text);
    void onProgress(const exporting::CollectProgress &p);
    void onCollected(bool ok, const QString &error);
    void finishExport(bool ok, const QString &message);
    QList<Profile> checkedProfiles() const;

    ServerSet *m_servers;
    QString m_storePath;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QDateEdit *m_baselineFrom;
    QDateEdit *m_baselineTo;
    QListWidget *m_serverList;
    QPlainTextEdit *m_comments;
    QLineEdit *m_folder;
    QPushButton *m_export;
    QPushButton *m_cancel;
    QPushButton *m_verify;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPlainTextEdit *m_log;
    QPushButton *m_previewButton;
    QTabWidget *m_tabs;
    QTextBrowser *m_preview;
    QTextDocument *m_previewDocument = nullptr; // the shown preview's (ours, a child of m_preview)
    bool m_busy = false;
    bool m_previewing = false;
    std::shared_ptr<exporting::Bag> m_bag;
    QPointer<exporting::LogCollector> m_collector;
};

void installExportPage(const PageContext &context);

} // namespace difusor::ui
