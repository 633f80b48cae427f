#pragma once

#include "PrepData.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

class QTimer;

namespace difusor::sandbox {

class GroundTruth;

// Stands in for the IEPC's publication container on the difusor: watches the publication folder and,
// shortly after a cut package lands, rebuilds the difusor site's index.html and avance.json from the
// newest arrival. Faults: hold the page on the old cut (stale site), and skew the published times.
class PublicationStep final : public QObject
{
    Q_OBJECT
public:
    PublicationStep(const QString &publicationDir, const QString &siteDir, int publishDelayMs, GroundTruth *truth,
                    QObject *parent = nullptr);

    void start();
    void stop();

    void holdFor(int ms);            // stale site: nothing new is shown until the hold ends
    void endHold();                  // the hold ends now (a drill's rollback); nothing if none
    void setSkew(int offsetS);       // shown times are off by offsetS (0: correct); republishes now
    QDateTime shownCut() const { return m_shownCut; } // the data cut on the page now (UTC)

Q_SIGNALS:
    void holdEnded();

private:
    void scan();
    void publishNewest();
    void publish(const QString &csvPath, const QString &key);

    QString m_publicationDir;
    QString m_siteDir;
    int m_publishDelayMs;
    GroundTruth *m_truth;
    QTimer *m_scanTimer;
    QTimer *m_publishTimer;
    QTimer *m_holdTimer;
    QHash<QString, QString> m_seen; // package -> "mtime size" of its CSV when last seen
    QString m_newest;               // CSV path of the latest arrival
    QString m_newestKey;            // its package and stamp
    QString m_shownPath;
    QString m_shownKey;
    QString m_shownIso;             // the time on the page now, as written
    QDateTime m_shownCut;
    int m_skewS = 0;
    bool m_running = false;
};

} // namespace difusor::sandbox
