#include "GroundTruth.h"

#include "common/Tr.h"

#include <QDateTime>
#include <QJsonDocument>

namespace difusor::sandbox {

GroundTruth::GroundTruth(QObject *parent)
    : QObject(parent)
{
}

bool GroundTruth::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = Tr::tr("No se pudo abrir el registro de eventos %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

QString GroundTruth::path() const
{
    return m_file.fileName();
}

void GroundTruth::record(const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("t"), QDateTime::currentMSecsSinceEpoch());
    fields.insert(QStringLiteral("event"), event);
    if (m_file.isOpen()) {
        m_file.write(QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n');
        m_file.flush();
    }
    Q_EMIT recorded(fields);
}

} // namespace difusor::sandbox
