#include "IncidentNoteEditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace difusor::ui {

IncidentNoteEditor::IncidentNoteEditor(QWidget *parent)
    : QFrame(parent)
    , m_prompt(new QLabel(this))
    , m_text(new QLineEdit(this))
    , m_save(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancelar"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("incidentNoteEditor"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("incidentNoteText"));
    m_save->setObjectName(QStringLiteral("incidentNoteSave"));
    m_cancel->setObjectName(QStringLiteral("incidentNoteCancel"));
    m_message->setObjectName(QStringLiteral("incidentNoteMessage"));
    m_prompt->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_text->setMaxLength(4000);
    m_cancel->setToolTip(tr("Cancelar sin guardar (Esc)"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_save);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_prompt);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_text, &QLineEdit::returnPressed, this, &IncidentNoteEditor::submit);
    connect(m_save, &QPushButton::clicked, this, &IncidentNoteEditor::submit);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        finish();
        Q_EMIT cancelled();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, m_cancel, &QPushButton::click);
    hide();
}

QString IncidentNoteEditor::actionWord(Mode mode)
{
    switch (mode) {
    case Mode::Acknowledge: return tr("Reconocer");
    case Mode::Note: return tr("Guardar nota");
    case Mode::Silence: return tr("Silenciar");
    case Mode::Resolve: return tr("Resolver");
    }
    return {};
}

void IncidentNoteEditor::begin(Mode mode, qint64 id, const QString &what)
{
    m_mode = mode;
    m_id = id;
    switch (mode) {
    case Mode::Acknowledge:
        m_prompt->setText(tr("<b>Reconocer</b> %1. Nota (obligatoria): qué se vio o qué se hará.").arg(what.toHtmlEscaped()));
        m_text->setPlaceholderText(tr("p. ej. «Reviso el rsync del servidor»"));
        break;
    case Mode::Note:
        m_prompt->setText(tr("<b>Nota</b> para %1:").arg(what.toHtmlEscaped()));
        m_text->setPlaceholderText(tr("Lo que se vio o se hizo"));
        break;
    case Mode::Silence:
        m_prompt->setText(tr("<b>Silenciar</b> %1: no más avisos hasta que la condición termine. Motivo (obligatorio):")
                              .arg(what.toHtmlEscaped()));
        m_text->setPlaceholderText(tr("p. ej. «Mantenimiento anunciado del sitio oficial»"));
        break;
    case Mode::Resolve:
        m_prompt->setText(tr("<b>Resolver a mano</b> %1. Nota (obligatoria): qué se hizo.").arg(what.toHtmlEscaped()));
        m_text->setPlaceholderText(tr("p. ej. «Se reinició nginx; el sitio responde»"));
        break;
    }
    m_save->setText(actionWord(mode));
    m_text->clear();
    m_message->clear();
    m_message->hide();
    setBusy(false);
    show();
    m_text->setFocus(Qt::OtherFocusReason);
}

void IncidentNoteEditor::setBusy(bool busy)
{
    m_text->setReadOnly(busy);
    m_save->setEnabled(!busy);
    if (busy) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Guardando…"));
        m_message->show();
    }
}

void IncidentNoteEditor::showError(const QString &message)
{
    setBusy(false);
    m_message->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_message->setText(tr("✖ No se guardó: %1").arg(message));
    m_message->show();
    m_text->setFocus(Qt::OtherFocusReason);
}

void IncidentNoteEditor::finish()
{
    m_id = 0;
    m_text->clear();
    m_message->clear();
    setBusy(false);
    hide();
}

void IncidentNoteEditor::submit()
{
    if (!isActive() || !m_save->isEnabled())
        return;
    const QString text = m_text->text().trimmed();
    if (text.isEmpty()) {
        // The store refuses it too; saying it here is quicker and names what is missing.
        showError(m_mode == Mode::Silence ? tr("silenciar necesita un motivo. Escríbalo y vuelva a intentarlo.")
                                          : tr("hace falta una nota: escriba qué se vio o qué se hizo."));
        return;
    }
    setBusy(true);
    Q_EMIT submitted(m_mode, m_id, text);
}

} // namespace difusor::ui
