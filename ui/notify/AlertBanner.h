#pragma once

#include "notify/Alert.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace difusor::ui {

// The in-window banner (issue 11: "always an in-window banner"), whatever the desktop offers: the
// most severe alert not yet acknowledged, as severity word + icon + colour (never colour alone), its
// title and text, "y N más" when others are pending, and the buttons "Reconocer" and "Ver". Hidden
// when nothing is pending. It takes the same calls as DesktopNotifier, so the owner feeds both.
//
// Among alerts of the same severity the one shown first stays on the banner (it has waited longest;
// the banner does not jump when a new one of the same severity arrives): the counter grows instead.
// Screen readers hear it: accessibleName "<SEVERIDAD>: <title>", accessibleDescription the text and
// the count, and an Alert event when a different alert takes the banner.
class AlertBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit AlertBanner(QWidget *parent = nullptr);

    using QWidget::show; // show(const Alert &) below would hide it

    // Adds the alert, or updates it when its key is known (an acknowledged one stays acknowledged).
    void show(const Alert &alert);
    // No longer pending: the next one takes the banner (or it hides). Unknown keys are ignored.
    void acknowledged(const QString &key);
    // Forgets it.
    void withdraw(const QString &key);

    // The key on the banner, empty when hidden.
    QString currentKey() const { return m_current; }
    // Alerts not acknowledged (the one shown included).
    int pendingCount() const;

    // The parts, for tests and screenshots.
    QString severityText() const; // "CRÍTICO", …
    QString titleText() const;
    QString moreText() const; // "y 2 más", empty when it is the only one
    QPushButton *acknowledgeButton() const { return m_ack; }
    QPushButton *viewButton() const { return m_view; }

Q_SIGNALS:
    // The same meanings as DesktopNotifier's: the owner records the acknowledgement (then calls
    // acknowledged(key)) or opens the alert.
    void acknowledgeRequested(const QString &key);
    void viewRequested(const QString &key);

private:
    struct Entry
    {
        Alert alert;
        bool acknowledged = false;
        quint64 order = 0; // when it was first shown
    };

    void refresh();

    QHash<QString, Entry> m_entries;
    quint64 m_nextOrder = 0;
    QString m_current;
    QLabel *m_icon = nullptr;
    QLabel *m_word = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_more = nullptr;
    QPushButton *m_ack = nullptr;
    QPushButton *m_view = nullptr;
};

} // namespace difusor::ui
