#include "AlertBanner.h"

#include "notify/AlertSeverity.h"

#include <QAccessible>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace difusor::ui {

AlertBanner::AlertBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_word(new QLabel(this))
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_more(new QLabel(this))
    , m_ack(new QPushButton(tr("Reconocer"), this))
    , m_view(new QPushButton(tr("Ver"), this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setAttribute(Qt::WA_StyledBackground); // the tint below is a style sheet background
    m_icon->setObjectName(QStringLiteral("alertIcon"));
    m_word->setObjectName(QStringLiteral("alertSeverity"));
    m_title->setObjectName(QStringLiteral("alertTitle"));
    m_body->setObjectName(QStringLiteral("alertBody"));
    m_more->setObjectName(QStringLiteral("alertMore"));
    m_ack->setObjectName(QStringLiteral("alertAcknowledge"));
    m_view->setObjectName(QStringLiteral("alertView"));
    m_title->setTextFormat(Qt::PlainText); // server names and HTTP answers are text, never markup
    m_body->setTextFormat(Qt::PlainText);
    m_body->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_word->font();
    bold.setBold(true);
    m_word->setFont(bold);
    m_title->setFont(bold);

    // One row: icon, word, title, "y N más", buttons; the text under the title. Never taller than it
    // needs: the banner sits above the pages and must not eat their space.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_icon, 0, 0);
    layout->addWidget(m_word, 0, 1);
    layout->addWidget(m_title, 0, 2);
    layout->addWidget(m_more, 0, 3);
    layout->addWidget(m_ack, 0, 4);
    layout->addWidget(m_view, 0, 5);
    layout->addWidget(m_body, 1, 2, 1, 2);
    layout->setColumnStretch(2, 1);

    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (!m_current.isEmpty())
            Q_EMIT acknowledgeRequested(m_current);
    });
    connect(m_view, &QPushButton::clicked, this, [this] {
        if (!m_current.isEmpty())
            Q_EMIT viewRequested(m_current);
    });
    refresh();
}

void AlertBanner::show(const Alert &alert)
{
    if (alert.key.isEmpty()) {
        qWarning("AlertBanner::show: an alert without a key is ignored (%s)", qPrintable(alert.title));
        return;
    }
    auto it = m_entries.find(alert.key);
    if (it == m_entries.end())
        m_entries.insert(alert.key, Entry{alert, false, m_nextOrder++});
    else
        it->alert = alert;
    refresh();
}

void AlertBanner::acknowledged(const QString &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    it->acknowledged = true;
    refresh();
}

void AlertBanner::withdraw(const QString &key)
{
    if (m_entries.remove(key))
        refresh();
}

int AlertBanner::pendingCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.acknowledged ? 0 : 1;
    return count;
}

QString AlertBanner::severityText() const
{
    return m_word->text();
}

QString AlertBanner::titleText() const
{
    return m_title->text();
}

QString AlertBanner::moreText() const
{
    return m_more->text();
}

void AlertBanner::refresh()
{
    const Entry *best = nullptr;
    QString bestKey;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->acknowledged)
            continue;
        const int rank = severityRank(it->alert.severity);
        const int bestRank = best ? severityRank(best->alert.severity) : 0;
        if (!best || rank > bestRank || (rank == bestRank && it->order < best->order)) {
            best = &it.value();
            bestKey = it.key();
        }
    }
    const QString previous = m_current;
    m_current = bestKey;
    if (!best) {
        m_word->clear();
        m_title->clear();
        m_body->clear();
        m_more->clear();
        setAccessibleName(QString());
        setAccessibleDescription(QString());
        setVisible(false);
        return;
    }
    const Alert &alert = best->alert;
    const QString word = severityWord(alert.severity);
    const QColor color = severityColor(alert.severity);
    // Dark text on a light tint of the severity colour, a thick bar of the colour itself: readable
    // in light and dark desktop themes alike.
    setStyleSheet(QStringLiteral("#alertBanner { background-color: %1; border-left: 6px solid %2; }"
                                 "#alertBanner QLabel { color: #1a1a1a; }"
                                 "#alertBanner QLabel#alertSeverity { color: %2; }")
                      .arg(severityTint(alert.severity).name(), color.name()));
    m_icon->setPixmap(severityIcon(alert.severity, 20));
    m_icon->setAccessibleName(word);
    m_word->setText(word);
    m_title->setText(alert.title);
    m_body->setText(alert.body);
    m_body->setVisible(!alert.body.isEmpty());
    const int others = pendingCount() - 1;
    m_more->setText(others > 0 ? tr("y %1 más").arg(others) : QString());
    m_more->setVisible(others > 0);

    setAccessibleName(tr("%1: %2").arg(word, alert.title));
    QString description = alert.body;
    if (others > 0)
        description = description.isEmpty() ? m_more->text() : tr("%1 (%2)").arg(description, m_more->text());
    setAccessibleDescription(description);
    m_ack->setAccessibleDescription(tr("Reconocer el aviso «%1»").arg(alert.title));
    m_view->setAccessibleDescription(tr("Ver el aviso «%1»").arg(alert.title));
    setVisible(true);
    if (m_current != previous) {
        QAccessibleEvent event(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

} // namespace difusor::ui
