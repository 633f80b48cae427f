#include "ProfileDialog.h"

#include "ProfileStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {
QLineEdit *lineEdit(QWidget *parent, const char *objectName, const QString &text)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(QLatin1String(objectName));
    return edit;
}
} // namespace

ProfileDialog::ProfileDialog(const ProfileStore &store, const std::optional<Profile> &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_original(profile.value_or(Profile{}))
    , m_originalName(profile ? profile->name : QString())
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile ? tr("Editar perfil de conexión") : tr("Nuevo perfil de conexión"));
    const Profile &p = m_original;

    m_name = lineEdit(this, "name", p.name);
    m_name->setPlaceholderText(tr("p. ej. Difusor UNAM"));
    m_host = lineEdit(this, "host", p.host);
    m_host->setPlaceholderText(tr("nombre o dirección IP"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(p.port);
    m_user = lineEdit(this, "user", p.user);
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("auth"));
    m_auth->addItem(tr("Llave privada"), authMethodToString(AuthMethod::Key));
    m_auth->addItem(tr("Agente SSH (ssh-agent)"), authMethodToString(AuthMethod::Agent));
    m_auth->addItem(tr("Contraseña"), authMethodToString(AuthMethod::Password));
    m_auth->addItem(tr("Teclado interactivo"), authMethodToString(AuthMethod::KeyboardInteractive));
    m_auth->setCurrentIndex(m_auth->findData(authMethodToString(p.auth)));
    m_keyFile = lineEdit(this, "keyFile", p.keyFile);
    m_keyFile->setPlaceholderText(tr("vacío: las llaves de ~/.ssh"));
    m_browse = new QPushButton(tr("Elegir…"), this);
    m_browse->setObjectName(QStringLiteral("browseKeyFile"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Nombre:"), m_name);
    form->addRow(tr("&Servidor:"), m_host);
    form->addRow(tr("&Puerto:"), m_port);
    form->addRow(tr("&Usuario:"), m_user);
    form->addRow(tr("&Autenticación:"), m_auth);
    form->addRow(tr("Archivo de &llave:"), keyRow);

    auto *secretsNote = new QLabel(
        tr("Las contraseñas y frases de paso nunca se guardan en el perfil; la consola las pide al "
           "conectar y solo las recuerda en el llavero del sistema si usted lo indica."),
        this);
    secretsNote->setWordWrap(true);
    secretsNote->setEnabled(false);

    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setText(tr("Avanzado"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_advanced = buildAdvanced();
    m_advanced->setVisible(false);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("Guardar"));
    m_save->setObjectName(QStringLiteral("save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancelar"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(secretsNote);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_advanced);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateAuthFields);
    connect(m_browse, &QPushButton::clicked, this, &ProfileDialog::chooseKeyFile);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_advanced->setVisible(open);
        m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        adjustSize();
    });
    updateAuthFields();
    resize(560, sizeHint().height());
}

QWidget *ProfileDialog::buildAdvanced()
{
    const Profile &p = m_original;
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("advanced"));
    m_knownHosts = lineEdit(box, "knownHostsFile", p.knownHostsFile);
    m_knownHosts->setPlaceholderText(tr("vacío: el known_hosts propio de la consola"));
    m_publicationDir = lineEdit(box, "publicationDir", p.publicationDir);
    m_publicationDir->setPlaceholderText(tr("p. ej. /srv/prep/publicacion"));
    m_accessLog = lineEdit(box, "accessLog", p.accessLog);
    m_accessLog->setPlaceholderText(tr("p. ej. /var/log/nginx/access.log"));
    m_difusorUrl = lineEdit(box, "difusorUrl", p.difusorUrl);
    m_difusorUrl->setPlaceholderText(QStringLiteral("https://"));
    m_officialUrl = lineEdit(box, "officialUrl", p.officialUrl);
    m_officialUrl->setPlaceholderText(QStringLiteral("https://"));
    m_cutInterval = new QSpinBox(box);
    m_cutInterval->setObjectName(QStringLiteral("cutInterval"));
    m_cutInterval->setRange(10, 24 * 3600);
    m_cutInterval->setSuffix(tr(" s"));
    m_cutInterval->setValue(p.cutIntervalS);
    m_compression = new QCheckBox(tr("Comprimir el enlace SSH (zlib): la bitácora en vivo ocupa unas diez veces menos del enlace"), box);
    m_compression->setObjectName(QStringLiteral("compression"));
    m_compression->setChecked(p.compression);
    m_trustedIps = new QPlainTextEdit(p.trustedIps.join(QLatin1Char('\n')), box);
    m_trustedIps->setObjectName(QStringLiteral("trustedIps"));
    m_trustedIps->setPlaceholderText(tr("una dirección o red por línea, p. ej. 192.0.2.10 o 192.0.2.0/24"));
    m_trustedIps->setFixedHeight(m_trustedIps->fontMetrics().height() * 4 + 12);

    auto *form = new QFormLayout(box);
    form->setContentsMargins(16, 0, 0, 0);
    form->addRow(tr("Archivo known_hosts:"), m_knownHosts);
    form->addRow(tr("Carpeta de publicación:"), m_publicationDir);
    form->addRow(tr("Bitácora de accesos:"), m_accessLog);
    form->addRow(tr("URL del difusor:"), m_difusorUrl);
    form->addRow(tr("URL del PREP oficial:"), m_officialUrl);
    form->addRow(tr("Intervalo entre cortes:"), m_cutInterval);
    form->addRow(tr("IP de confianza (IEPC):"), m_trustedIps);
    form->addRow(QString(), m_compression);
    return box;
}

void ProfileDialog::updateAuthFields()
{
    const bool key = m_auth->currentData().toString() == authMethodToString(AuthMethod::Key);
    m_keyFile->setEnabled(key);
    m_browse->setEnabled(key);
}

void ProfileDialog::chooseKeyFile()
{
    // A QFileDialog object with open(): no nested event loop as getOpenFileName() would run.
    auto *picker = new QFileDialog(this, tr("Elegir llave privada"),
                                   m_keyFile->text().isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh"))
                                                               : m_keyFile->text());
    picker->setObjectName(QStringLiteral("keyFilePicker"));
    picker->setFileMode(QFileDialog::ExistingFile);
    picker->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QFileDialog::fileSelected, this, [this](const QString &file) { m_keyFile->setText(file); });
    picker->open();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original; // keeps ground truth and unknown keys
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.user = m_user->text().trimmed();
    p.auth = authMethodFromString(m_auth->currentData().toString()).value_or(AuthMethod::Key);
    p.keyFile = m_keyFile->text().trimmed();
    p.knownHostsFile = m_knownHosts->text().trimmed();
    p.publicationDir = m_publicationDir->text().trimmed();
    p.accessLog = m_accessLog->text().trimmed();
    p.difusorUrl = m_difusorUrl->text().trimmed();
    p.officialUrl = m_officialUrl->text().trimmed();
    p.cutIntervalS = m_cutInterval->value();
    p.compression = m_compression->isChecked();
    p.trustedIps.clear();
    const QStringList ips = m_trustedIps->toPlainText().split(QRegularExpression(QStringLiteral("[\\s,;]+")),
                                                              Qt::SkipEmptyParts);
    for (const QString &ip : ips)
        p.trustedIps.append(ip);
    return p;
}

QString ProfileDialog::validate(const Profile &p) const
{
    if (p.name.isEmpty())
        return tr("Escriba un nombre para el perfil.");
    if (ProfileStore::fileNameFor(p.name).isEmpty())
        return tr("El nombre no puede empezar con un punto.");
    if (p.host.isEmpty())
        return tr("Escriba el servidor (nombre o dirección IP).");
    if (p.host.contains(QLatin1Char(' ')) || p.host.startsWith(QLatin1Char('-')))
        return tr("El servidor «%1» no es un nombre ni una dirección válidos.").arg(p.host);
    if (p.user.startsWith(QLatin1Char('-')) || p.user.contains(QLatin1Char(' ')))
        return tr("El usuario «%1» no es válido.").arg(p.user);
    for (const QString &url : {p.difusorUrl, p.officialUrl}) {
        if (url.isEmpty())
            continue;
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
            || parsed.host().isEmpty())
            return tr("«%1» no es una URL http(s) válida.").arg(url);
    }
    for (const QString &ip : p.trustedIps) {
        const bool subnet = ip.contains(QLatin1Char('/'));
        const bool valid = subnet ? QHostAddress::parseSubnet(ip).first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol
                                  : !QHostAddress(ip).isNull();
        if (!valid)
            return tr("«%1» no es una dirección IP ni una red válida.").arg(ip);
    }
    return {};
}

void ProfileDialog::accept()
{
    const Profile p = profile();
    QString error = validate(p);
    if (error.isEmpty() && !m_store.save(p, m_originalName, &error) && error.isEmpty())
        error = tr("No se pudo guardar el perfil.");
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->setVisible(true);
        return;
    }
    m_savedName = p.name;
    QDialog::accept();
}

} // namespace difusor::ui
