#include "ConnectionPage.h"

#include "ProfileDialog.h"
#include "ProfileStore.h"
#include "widgets/Modal.h"

#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace difusor::ui {

namespace {
constexpr int ProfileRole = Qt::UserRole + 1;
constexpr int FileRole = Qt::UserRole + 2;

QString authText(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Key: return ConnectionPage::tr("llave privada");
    case AuthMethod::Agent: return ConnectionPage::tr("agente SSH");
    case AuthMethod::Password: return ConnectionPage::tr("contraseña");
    case AuthMethod::KeyboardInteractive: return ConnectionPage::tr("teclado interactivo");
    }
    return {};
}
} // namespace

ConnectionPage::ConnectionPage(const ProfileStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_details(new QLabel(this))
    , m_dirNote(new QLabel(this))
    , m_remoteSystem(new QLabel(this))
    , m_new(new QPushButton(tr("&Nuevo…"), this))
    , m_edit(new QPushButton(tr("&Editar…"), this))
    , m_delete(new QPushButton(tr("E&liminar"), this))
    , m_connect(new QPushButton(tr("&Conectar"), this))
    , m_add(new QPushButton(tr("Conectar &además"), this))
    , m_disconnect(new QPushButton(tr("&Desconectar"), this))
{
    setObjectName(QStringLiteral("connectionPage"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_new->setObjectName(QStringLiteral("newProfile"));
    m_edit->setObjectName(QStringLiteral("editProfile"));
    m_delete->setObjectName(QStringLiteral("deleteProfile"));
    m_connect->setObjectName(QStringLiteral("connectProfile"));
    m_add->setObjectName(QStringLiteral("addServer"));
    m_add->setToolTip(tr("Vigila este servidor además de los ya conectados (primario y réplica, origen y CDN)."));
    m_disconnect->setObjectName(QStringLiteral("disconnectProfile"));
    m_details->setObjectName(QStringLiteral("profileDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dirNote->setWordWrap(true);
    m_dirNote->setEnabled(false);
    m_connect->setDefault(true);
    m_remoteSystem->setObjectName(QStringLiteral("remoteSystem"));
    m_remoteSystem->setWordWrap(true);
    m_remoteSystem->setTextFormat(Qt::PlainText); // the server wrote it
    m_remoteSystem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remoteSystem->setVisible(false);

    auto *title = new QLabel(tr("<h2>Conexión</h2>"), this);
    auto *intro = new QLabel(tr("Elija el perfil del servidor del difusor y conéctese por SSH. "
                                "Cada comando que la consola ejecute quedará en el panel «Comandos»."),
                             this);
    intro->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_disconnect);
    buttons->addWidget(m_add);
    buttons->addWidget(m_connect);

    auto *detailsBox = new QGroupBox(tr("Perfil"), this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_remoteSystem);
    detailsLayout->addStretch(1);

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 2);
    middle->addWidget(detailsBox, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(middle, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_dirNote);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionPage::updateDetails);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (const auto p = selectedProfile())
            Q_EMIT connectRequested(*p);
    });
    connect(m_new, &QPushButton::clicked, this, &ConnectionPage::newProfile);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionPage::editProfile);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionPage::deleteProfile);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (const auto p = selectedProfile())
            Q_EMIT connectRequested(*p);
    });
    connect(m_disconnect, &QPushButton::clicked, this, &ConnectionPage::disconnectRequested);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (const auto p = selectedProfile())
            Q_EMIT addRequested(*p);
    });
    reload();
}

void ConnectionPage::reload(const QString &selectName)
{
    const QString keep = selectName.isEmpty() && selectedProfile() ? selectedProfile()->name : selectName;
    m_list->clear();
    for (const ProfileStore::Entry &entry : m_store.list()) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(FileRole, entry.fileName);
        if (entry.profile) {
            item->setText(entry.profile->name);
            item->setData(ProfileRole, QVariant::fromValue(entry.profile->toJson()));
            item->setToolTip(entry.fileName);
        } else {
            item->setText(tr("%1 (no se pudo leer)").arg(entry.fileName));
            item->setToolTip(entry.error);
            item->setForeground(QColor(0xc0, 0x1c, 0x28));
        }
        if (entry.profile && entry.profile->name == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_dirNote->setText(tr("Perfiles guardados en %1").arg(QDir::toNativeSeparators(m_store.directory())));
    updateDetails();
}

std::optional<Profile> ConnectionPage::selectedProfile() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const QVariant data = item->data(ProfileRole);
    if (!data.isValid())
        return std::nullopt;
    return Profile::fromJson(data.toJsonObject());
}

void ConnectionPage::setConnected(bool connected, const QString &profileName)
{
    m_connected = connected;
    Q_UNUSED(profileName)
    updateDetails();
}

void ConnectionPage::showRemoteSystem(const QString &text)
{
    m_remoteSystem->setText(tr("Sistema del servidor conectado: %1").arg(text));
    m_remoteSystem->setVisible(!text.isEmpty());
}

void ConnectionPage::updateDetails()
{
    const auto p = selectedProfile();
    m_edit->setEnabled(p.has_value());
    m_delete->setEnabled(m_list->currentItem() != nullptr);
    m_connect->setEnabled(p.has_value());
    m_add->setEnabled(p.has_value() && m_connected);
    m_disconnect->setEnabled(m_connected);
    if (!p) {
        m_details->setText(m_list->count() == 0
                               ? tr("Aún no hay perfiles. Cree uno con «Nuevo…».")
                               : tr("Este archivo de perfil no se pudo leer: %1")
                                     .arg(m_list->currentItem() ? m_list->currentItem()->toolTip() : QString()));
        return;
    }
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    html += row(tr("Servidor"), QStringLiteral("%1@%2:%3").arg(p->user, p->host).arg(p->port));
    html += row(tr("Autenticación"), authText(p->auth));
    if (p->auth == AuthMethod::Key)
        html += row(tr("Llave"), p->keyFile.isEmpty() ? tr("las de ~/.ssh") : p->keyFile);
    html += row(tr("Carpeta de publicación"), p->publicationDir);
    html += row(tr("Bitácora de accesos"), p->accessLog);
    html += row(tr("URL del difusor"), p->difusorUrl);
    html += row(tr("URL del PREP oficial"), p->officialUrl);
    html += row(tr("Intervalo entre cortes"), tr("%1 s").arg(p->cutIntervalS));
    html += row(tr("IP de confianza"), p->trustedIps.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");
    m_details->setText(html);
}

void ConnectionPage::newProfile()
{
    auto *dialog = new ProfileDialog(m_store, std::nullopt, this);
    Modal::openDialog(dialog, [this, dialog](int result) {
        if (result == QDialog::Accepted)
            reload(dialog->savedName());
    });
}

void ConnectionPage::editProfile()
{
    const auto p = selectedProfile();
    if (!p)
        return;
    auto *dialog = new ProfileDialog(m_store, p, this);
    Modal::openDialog(dialog, [this, dialog](int result) {
        if (result == QDialog::Accepted)
            reload(dialog->savedName());
    });
}

void ConnectionPage::deleteProfile()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const auto p = selectedProfile();
    const QString name = p ? p->name : item->text();
    const QString fileName = item->data(FileRole).toString();
    Modal::question(this, tr("Eliminar perfil"),
                    tr("¿Eliminar el perfil «%1»? Las contraseñas recordadas para él también se olvidan.").arg(name),
                    [this, p, fileName](bool yes) {
                        if (!yes)
                            return;
                        QString error;
                        if (!m_store.removeFile(fileName, &error)) {
                            Modal::error(this, tr("Eliminar perfil"), error);
                            return;
                        }
                        if (p)
                            Q_EMIT profileDeleted(*p);
                        reload();
                    });
}

} // namespace difusor::ui
