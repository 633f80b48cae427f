#include "HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace difusor::ui {

using remote::HostKeyInfo;

QString HostKeyDialog::fingerprintLine(const HostKeyInfo &info)
{
    return QStringLiteral("%1 %2 (%3)").arg(QString::number(info.keyBits), info.fingerprint, info.keyType);
}

QString HostKeyDialog::removeCommand(const HostKeyInfo &info)
{
    // known_hosts writes non-default ports as "[host]:port"; ssh-keygen -R expects the same form.
    const QString entry = info.port == 22 ? info.host : QStringLiteral("[%1]:%2").arg(info.host).arg(info.port);
    QString command = QStringLiteral("ssh-keygen -R '%1'").arg(entry);
    if (!info.knownHostsFile.isEmpty())
        command += QStringLiteral(" -f '%1'").arg(info.knownHostsFile);
    return command;
}

static QLabel *monoLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

HostKeyDialog::HostKeyDialog(Case which, const HostKeyInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_case(which)
{
    setObjectName(which == Case::Unknown ? QStringLiteral("hostKeyUnknownDialog")
                                         : QStringLiteral("hostKeyChangedDialog"));
    const QString server = info.port == 22 ? info.host : QStringLiteral("%1:%2").arg(info.host).arg(info.port);
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("title"));
    title->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(title, 1);
    layout->addLayout(header);
    auto *buttons = new QDialogButtonBox(this);

    if (which == Case::Unknown) {
        setWindowTitle(tr("Llave de servidor desconocida"));
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(32, 32));
        title->setText(tr("<b>Esta consola no conoce la llave del servidor %1.</b>").arg(server.toHtmlEscaped()));
        auto *explain = new QLabel(
            tr("Antes de confiar, compare esta huella con la que le dé el administrador del servidor "
               "(en el servidor: <code>ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub</code>).")
                .arg(info.keyType.toLower().toHtmlEscaped()),
            this);
        explain->setWordWrap(true);
        layout->addWidget(explain);
        auto *fingerprint = monoLabel(fingerprintLine(info), this);
        fingerprint->setObjectName(QStringLiteral("fingerprint"));
        layout->addWidget(fingerprint);
        auto *question = new QLabel(tr("¿Confiar y recordar?"), this);
        question->setObjectName(QStringLiteral("question"));
        layout->addWidget(question);
        m_trust = buttons->addButton(tr("Confiar y recordar"), QDialogButtonBox::AcceptRole);
        m_trust->setObjectName(QStringLiteral("trust"));
        m_trust->setAutoDefault(false);
        QPushButton *cancel = buttons->addButton(tr("No conectar"), QDialogButtonBox::RejectRole);
        cancel->setObjectName(QStringLiteral("reject"));
        cancel->setDefault(true); // Enter must never trust a key by accident
    } else {
        setWindowTitle(tr("¡La llave del servidor cambió!"));
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
        title->setText(tr("<span style=\"color:#c01c28\"><b>¡La llave del servidor %1 cambió! "
                          "La conexión se rechazó.</b></span>")
                           .arg(server.toHtmlEscaped()));
        auto *explain = new QLabel(
            tr("<span style=\"color:#c01c28\">Alguien podría estar interceptando la conexión (ataque de intermediario), "
               "o el servidor se reinstaló. No se envió ninguna contraseña.</span>"),
            this);
        explain->setWordWrap(true);
        layout->addWidget(explain);
        auto *oldLabel = monoLabel(tr("Llave registrada: %1").arg(info.oldFingerprint), this);
        oldLabel->setObjectName(QStringLiteral("oldFingerprint"));
        auto *newLabel = monoLabel(tr("Llave presentada: %1").arg(fingerprintLine(info)), this);
        newLabel->setObjectName(QStringLiteral("newFingerprint"));
        layout->addWidget(oldLabel);
        layout->addWidget(newLabel);
        auto *howTo = new QLabel(
            tr("Si el administrador confirma que la llave nueva es legítima, borre la entrada anterior "
               "y vuelva a conectar; la consola le preguntará entonces por la llave nueva:"),
            this);
        howTo->setWordWrap(true);
        layout->addWidget(howTo);
        auto *command = monoLabel(removeCommand(info), this);
        command->setObjectName(QStringLiteral("removeCommand"));
        layout->addWidget(command);
        QPushButton *close = buttons->addButton(tr("Cerrar"), QDialogButtonBox::RejectRole);
        close->setObjectName(QStringLiteral("close"));
        close->setDefault(true);
        setStyleSheet(QStringLiteral("QDialog#hostKeyChangedDialog { border: 3px solid #c01c28; }"));
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(520);
}

} // namespace difusor::ui
