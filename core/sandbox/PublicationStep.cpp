#include "PublicationStep.h"

#include "GroundTruth.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

namespace difusor::sandbox {

namespace {

constexpr int ScanIntervalMs = 200;
constexpr qint64 MaxCsvBytes = 64 * 1024 * 1024;

bool saveAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

PublicationStep::PublicationStep(const QString &publicationDir, const QString &siteDir, int publishDelayMs,
                                 GroundTruth *truth, QObject *parent)
    : QObject(parent)
    , m_publicationDir(publicationDir)
    , m_siteDir(siteDir)
    , m_publishDelayMs(publishDelayMs)
    , m_truth(truth)
    , m_scanTimer(new QTimer(this))
    , m_publishTimer(new QTimer(this))
    , m_holdTimer(new QTimer(this))
{
    connect(m_scanTimer, &QTimer::timeout, this, &PublicationStep::scan);
    m_publishTimer->setSingleShot(true);
    connect(m_publishTimer, &QTimer::timeout, this, &PublicationStep::publishNewest);
    m_holdTimer->setSingleShot(true);
    connect(m_holdTimer, &QTimer::timeout, this, [this] {
        Q_EMIT holdEnded();
        publishNewest();
    });
}

void PublicationStep::start()
{
    m_running = true;
    m_scanTimer->start(ScanIntervalMs);
}

void PublicationStep::stop()
{
    m_running = false;
    m_scanTimer->stop();
    m_publishTimer->stop();
    m_holdTimer->stop();
}

void PublicationStep::holdFor(int ms)
{
    m_holdTimer->start(ms);
}

void PublicationStep::endHold()
{
    if (!m_holdTimer->isActive())
        return;
    m_holdTimer->stop();
    Q_EMIT holdEnded();
    publishNewest();
}

void PublicationStep::setSkew(int offsetS)
{
    m_skewS = offsetS;
    if (!m_shownPath.isEmpty() && !m_holdTimer->isActive())
        publish(m_shownPath, m_shownKey);
}

void PublicationStep::scan()
{
    static const QRegularExpression packageRe(QStringLiteral("^\\d{8}_\\d{4}_PREP_DIP_LOC_DGO$"));
    const QFileInfoList entries = QDir(m_publicationDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!packageRe.match(entry.fileName()).hasMatch())
            continue;
        // rsync renames the finished file into place: until then there is only a hidden temporary.
        const QFileInfo csv(entry.filePath() + QLatin1Char('/') + PrepElection::csvFileName());
        if (!csv.exists())
            continue;
        const QString stamp = QString::number(csv.lastModified().toMSecsSinceEpoch()) + QLatin1Char(' ')
                              + QString::number(csv.size());
        auto it = m_seen.find(entry.fileName());
        if (it != m_seen.end() && it.value() == stamp)
            continue;
        m_seen.insert(entry.fileName(), stamp);
        m_newest = csv.filePath();
        m_newestKey = entry.fileName() + QLatin1Char(' ') + stamp;
        if (!m_publishTimer->isActive())
            m_publishTimer->start(m_publishDelayMs);
    }
}

void PublicationStep::publishNewest()
{
    if (!m_running || m_newest.isEmpty() || m_holdTimer->isActive())
        return;
    if (m_newestKey == m_shownKey)
        return;
    publish(m_newest, m_newestKey);
}

void PublicationStep::publish(const QString &csvPath, const QString &key)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxCsvBytes)
        return;
    const auto preamble = PrepElection::readPreamble(file.read(8192));
    if (!preamble) {
        m_truth->record(QStringLiteral("cut_unreadable"), {{QStringLiteral("path"), csvPath}});
        return;
    }
    const QDateTime shown = preamble->cutTime.addSecs(m_skewS);
    const QDir site(m_siteDir);
    const bool ok = saveAtomically(site.filePath(QStringLiteral("avance.json")), PrepElection::avanceJson(preamble->summary, shown))
                    && saveAtomically(site.filePath(QStringLiteral("index.html")),
                                      PrepElection::indexHtml(preamble->summary, shown, QStringLiteral("Difusor (simulado)")));
    if (!ok)
        return;
    const QString shownIso = PrepElection::isoCut(shown);
    const bool changed = m_shownKey != key || m_shownIso != shownIso;
    m_shownPath = csvPath;
    m_shownKey = key;
    m_shownIso = shownIso;
    m_shownCut = preamble->cutTime;
    if (!changed)
        return;
    QJsonObject fields{{QStringLiteral("cut"), PrepElection::isoCut(preamble->cutTime)}};
    if (m_skewS != 0)
        fields.insert(QStringLiteral("shown_cut"), shownIso);
    m_truth->record(QStringLiteral("cut_difusor_visible"), fields);
}

} // namespace difusor::sandbox
