#pragma once

#include <QFile>
#include <QJsonObject>
#include <QObject>

namespace difusor::sandbox {

// The ground-truth log: one JSON object per line, {"t": <epoch ms>, "event": "…", …}, flushed at once so
// a test or benchmark reading it alongside sees every event the sandbox has already caused.
class GroundTruth final : public QObject
{
    Q_OBJECT
public:
    explicit GroundTruth(QObject *parent = nullptr);

    bool open(const QString &path, QString *error);
    QString path() const;
    void record(const QString &event, QJsonObject fields = {});

Q_SIGNALS:
    void recorded(const QJsonObject &record);

private:
    QFile m_file;
};

} // namespace difusor::sandbox
