#include "MemoriaFixture.h"

#include "checks/CheckResult.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <zlib.h>

namespace difusor::test {

namespace {

constexpr qint64 kMexicoOffsetS = -6 * 3600;

struct Rng
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

struct Line
{
    qint64 utc;
    int order; // generation order: keeps same-second lines as generated
    QByteArray text;
};

QByteArray stamp(qint64 utc)
{
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = QDateTime::fromSecsSinceEpoch(utc, Qt::UTC);
    return QByteArray::number(t.date().day()).rightJustified(2, '0') + '/' + months[t.date().month() - 1] + '/'
        + QByteArray::number(t.date().year()) + ':' + t.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

int visitorsOn(const QDate &d)
{
    if (d == QDate(2024, 5, 19) || d == QDate(2024, 5, 26))
        return 300; // simulacros: not the usual traffic, left out of the baseline
    if (d == QDate(2024, 6, 2))
        return 1100;
    if (d == QDate(2024, 6, 3))
        return 650;
    if (d > QDate(2024, 6, 3) && d <= QDate(2024, 6, 9))
        return 320 - 30 * int(QDate(2024, 6, 4).daysTo(d));
    return 60 + int((d.toJulianDay() * 37) % 41);
}

int sessionHour(const QDate &d, Rng &rng)
{
    if (d == QDate(2024, 6, 2))
        return rng.below(10) < 7 ? 18 + rng.below(6) : 8 + rng.below(10);
    if (d == QDate(2024, 6, 3) && rng.below(10) < 3)
        return rng.below(6);
    return 7 + rng.below(17);
}

void dayLines(const QDate &d, Rng &rng, QList<Line> &out)
{
    static const char *pages[] = {"/", "/index.html", "/diputaciones.html", "/ayuntamientos.html", "/casilla/0345.html",
                                  "/json/avanceNacional.json", "/distritos.html?d=3"};
    static const char *assets[] = {"/css/app.css", "/js/app.js", "/img/logo.png", "/fonts/roboto.woff2"};
    static const char *agents[] = {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
                                   "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
                                   "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"};
    const qint64 dayStartUtc = QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - kMexicoOffsetS;
    int order = int(out.size());
    const auto add = [&](qint64 t, const QByteArray &host, const char *request, int status, int bytes, const char *agent) {
        out.append({t, order++, host + " - - [" + stamp(t) + "] \"" + request + "\" " + QByteArray::number(status) + ' '
                                    + QByteArray::number(bytes) + " \"-\" \"" + agent + "\""});
    };
    const int visitors = visitorsOn(d);
    for (int v = 0; v < visitors; ++v) {
        const int k = rng.below(4000);
        const QByteArray host = k % 7 == 0 ? QByteArray("2001:db8::" + QByteArray::number(k, 16))
                                           : QByteArray("10." + QByteArray::number(k / 256 % 256) + '.' + QByteArray::number(k % 256) + ".7");
        const char *agent = agents[rng.below(3)];
        qint64 t = dayStartUtc + sessionHour(d, rng) * 3600 + rng.below(3600);
        const int sessions = rng.below(5) == 0 ? 2 : 1;
        for (int s = 0; s < sessions; ++s) {
            const int pageCount = 1 + rng.below(5);
            for (int p = 0; p < pageCount; ++p) {
                const QByteArray req = QByteArray(QByteArray("GET ") + pages[rng.below(7)] + " HTTP/1.1");
                const int roll = rng.below(40);
                if (roll == 0)
                    add(t, host, "GET /no-existe.html HTTP/1.1", 404, 153, agent);
                else
                    add(t, host, req.constData(), roll < 4 ? 304 : 200, roll < 4 ? 0 : 2000 + rng.below(30000), agent);
                for (int a = rng.below(4); a > 0; --a)
                    add(t + rng.below(2), host, QByteArray(QByteArray("GET ") + assets[rng.below(4)] + " HTTP/1.1").constData(), 200,
                        500 + rng.below(90000), agent);
                t += 5 + rng.below(600);
            }
            t += 3700 + rng.below(7200); // a new visit: more than an hour later
        }
    }
    for (int r = 0; r < 15; ++r) // crawlers: never hits, pages or visits
        add(dayStartUtc + rng.below(86400), "66.249.66." + QByteArray::number(1 + rng.below(200)), "GET /index.html HTTP/1.1",
            200, 4000, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    add(dayStartUtc + rng.below(86400), "66.249.66.9", "GET /robots.txt HTTP/1.1", 200, 60, "Mozilla/5.0 (compatible; Googlebot/2.1)");
}

bool writePlain(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Gzip in two members when `split` (what `cat a.gz b.gz` or some log shippers leave).
bool writeGzip(const QString &path, const QByteArray &bytes, bool split)
{
    const qsizetype half = split ? bytes.size() / 2 : bytes.size();
    for (int part = 0; part < (split ? 2 : 1); ++part) {
        gzFile f = gzopen(QFile::encodeName(path).constData(), part == 0 ? "wb" : "ab");
        if (!f)
            return false;
        const QByteArray chunk = part == 0 ? bytes.left(half) : bytes.mid(half);
        const bool ok = chunk.isEmpty() || gzwrite(f, chunk.constData(), unsigned(chunk.size())) == int(chunk.size());
        gzclose(f);
        if (!ok)
            return false;
    }
    return true;
}

QDateTime utc(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

QJsonObject check(const char *id, const char *title, const char *status, const char *expected, const char *actual)
{
    return {{QStringLiteral("id"), QLatin1String(id)},           {QStringLiteral("title"), QString::fromUtf8(title)},
            {QStringLiteral("group"), QStringLiteral("hw")},     {QStringLiteral("status"), QLatin1String(status)},
            {QStringLiteral("expected"), QString::fromUtf8(expected)}, {QStringLiteral("actual"), QString::fromUtf8(actual)},
            {QStringLiteral("evidence"), QString()},            {QStringLiteral("remediation"), QString()}};
}

} // namespace

QList<exporting::MemoriaLogSource> writeMemoriaLogs(const QString &dir, const MemoriaLogPlan &plan)
{
    Rng rng{plan.seed};
    QList<Line> lines;
    for (QDate d = plan.firstDay; d <= plan.lastDay; d = d.addDays(1)) {
        Rng dayRng{rng.next()}; // each day its own stream, so skipping days leaves the others as they were
        if (plan.zeroDays.contains(d) || (plan.skipBefore.isValid() && d < plan.skipBefore))
            continue;
        dayLines(d, dayRng, lines);
    }
    // A zero day has no line at all: drop what ran into it from the day before (late sessions).
    lines.removeIf([&plan](const Line &l) {
        return plan.zeroDays.contains(QDateTime::fromSecsSinceEpoch(l.utc + kMexicoOffsetS, Qt::UTC).date());
    });
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.utc < b.utc; });

    // logrotate at the server's midnight (UTC): each file ends at a UTC day, not at a Mexico one.
    struct Rotation
    {
        const char *name;
        QDateTime before;
        int kind; // 0 gzip, 1 gzip in two members, 2 plain
    };
    const QList<Rotation> rotations{{"access.log.4.gz", utc(2024, 5, 25, 0, 0), 0},
                                    {"access.log.3.gz", utc(2024, 6, 1, 0, 0), 0},
                                    {"access.log.2.gz", utc(2024, 6, 5, 0, 0), 1},
                                    {"access.log.1", utc(2024, 6, 8, 0, 0), 2},
                                    {"access.log", utc(2100, 1, 1, 0, 0), 2}};
    QList<exporting::MemoriaLogSource> sources;
    qsizetype next = 0;
    for (const Rotation &r : rotations) {
        QByteArray bytes;
        const qint64 limit = r.before.toSecsSinceEpoch();
        while (next < lines.size() && lines.at(next).utc < limit)
            bytes += lines.at(next++).text + '\n';
        if (bytes.isEmpty() && QLatin1String(r.name) != QLatin1String("access.log"))
            continue; // logrotate's notifempty
        const QString path = QDir(dir).filePath(QLatin1String(r.name));
        const bool ok = r.kind == 2 ? writePlain(path, bytes) : writeGzip(path, bytes, r.kind == 1);
        if (!ok)
            return {};
        sources.append({plan.server, plan.server + QLatin1Char('/') + QLatin1String(r.name), path});
    }
    return sources;
}

qint64 fillMemoriaStore(store::Store &s)
{
    const auto id = s.registerServer({QStringLiteral("norte"), QStringLiteral("SHA256:2u6Vb1kq3xZc0m9R4yTq8pWlE7nA5sD1fG6hJ2kL0oI"),
                                      QStringLiteral("norte"), QStringLiteral("prep@203.0.113.10:22")},
                                     utc(2024, 6, 1, 18, 0));
    if (!id)
        return 0;
    s.setServer(*id);

    store::CheckRunRecord run;
    run.profileName = QStringLiteral("norte");
    run.host = QStringLiteral("prep@203.0.113.10:22");
    run.startedUtc = utc(2024, 6, 1, 18, 0);
    run.durationMs = 4200;
    run.requirementsId = QStringLiteral("prep2024");
    run.results = QJsonArray{check("hw.cpu.cores", "8 núcleos", "pass", "≥ 8", "16"),
                             check("hw.ram", "16 GB de RAM", "pass", "≥ 15.0 GiB", "31.2 GiB"),
                             check("hw.disk.ssd", "Almacenamiento de estado sólido", "unknown", "rotational = 0", "virtio: no se sabe"),
                             check("net.fw.restricted", "22, 873 y 2873 solo desde IP confiables", "warn", "IEPC", "22 abierto a todos")};
    s.addCheckRun(run);

    // Cuts every 15 min from 20:00 UTC-6 for ten hours; lag 8 to 40 s, one of 95 s.
    const QDateTime first = utc(2024, 6, 3, 2, 0);
    for (int i = 0; i < 40; ++i) {
        store::CutRecord c;
        c.cutTimeUtc = first.addSecs(i * 900);
        c.package = c.cutTimeUtc.addSecs(kMexicoOffsetS).toString(QStringLiteral("yyyyMMdd_HHmm")) + QStringLiteral("_PREP_DIP_LOC_DGO");
        c.arrivedServerUtc = c.cutTimeUtc.addSecs(30);
        c.arrivedConsoleUtc = c.arrivedServerUtc;
        c.detectedUtc = c.arrivedServerUtc.addSecs(1);
        c.officialSeenUtc = c.cutTimeUtc.addSecs(60);
        c.difusorSeenUtc = c.officialSeenUtc.addMSecs(i == 5 ? 95000 : 8000 + (i * 7919) % 32000);
        c.size = 1200000 + i * 1000;
        c.sha256 = QString(64, QLatin1Char('a'));
        if (!s.insertCut(c))
            return 0;
    }

    store::IncidentRecord down;
    down.kind = QStringLiteral("site_unreachable");
    down.subject = QStringLiteral("difusor");
    down.title = QStringLiteral("El sitio del difusor no responde");
    down.detail = QStringLiteral("https://prep2024.difusor.example/ no respondió en 10 s (3 intentos).");
    down.openedUtc = utc(2024, 6, 3, 3, 10);
    down.detectedUtc = utc(2024, 6, 3, 3, 10, 40);
    const auto d = s.raiseIncident(down);
    if (!d)
        return 0;
    const qint64 downId = d->incident.id;
    s.actOnIncident(downId, store::IncidentAction::Acknowledge, QStringLiteral("Ana López"), QStringLiteral("Reviso el contenedor."), utc(2024, 6, 3, 3, 13));
    s.actOnIncident(downId, store::IncidentAction::SetRootCause, QStringLiteral("Ana López"),
                    QStringLiteral("El contenedor de nginx se quedó sin descriptores de archivo (límite 1024) con la carga de las 21:00."),
                    utc(2024, 6, 3, 3, 30));
    s.actOnIncident(downId, store::IncidentAction::SetActions, QStringLiteral("Ana López"),
                    QStringLiteral("Subir worker_rlimit_nofile a 65536 y ensayarlo en el simulacro."), utc(2024, 6, 3, 3, 36));
    s.actOnIncident(downId, store::IncidentAction::Resolve, QStringLiteral("Ana López"), QStringLiteral("Contenedor reiniciado con el límite nuevo."),
                    utc(2024, 6, 3, 3, 37));

    store::IncidentRecord lag;
    lag.kind = QStringLiteral("lag");
    lag.subject = QStringLiteral("difusor");
    lag.title = QStringLiteral("Retraso de publicación mayor a un minuto");
    lag.detail = QStringLiteral("El corte de las 21:15 apareció 95 s después que en el PREP oficial.");
    lag.openedUtc = utc(2024, 6, 3, 3, 16);
    lag.detectedUtc = utc(2024, 6, 3, 3, 17, 35);
    if (!s.raiseIncident(lag))
        return 0;
    s.clearIncident(QStringLiteral("lag"), QStringLiteral("difusor"), utc(2024, 6, 3, 3, 31), QStringLiteral("El corte siguiente llegó a tiempo."));

    store::IncidentRecord skew;
    skew.kind = QStringLiteral("clock_skew");
    skew.subject = QStringLiteral("norte");
    skew.title = QStringLiteral("Reloj del servidor desfasado");
    skew.detail = QStringLiteral("El reloj del servidor va 2.4 s adelantado.");
    skew.openedUtc = utc(2024, 6, 4, 15, 0);
    skew.detectedUtc = skew.openedUtc;
    if (!s.raiseIncident(skew))
        return 0;
    s.clearIncident(QStringLiteral("clock_skew"), QStringLiteral("norte"), utc(2024, 6, 4, 15, 20));

    store::IncidentRecord ssh;
    ssh.kind = QStringLiteral("connection_lost");
    ssh.subject = QStringLiteral("ssh");
    ssh.title = QStringLiteral("Se perdió la conexión SSH");
    ssh.detail = QStringLiteral("Sin respuesta del servidor por SSH durante 90 s.");
    ssh.openedUtc = utc(2024, 6, 3, 9, 0);
    ssh.detectedUtc = utc(2024, 6, 3, 9, 1, 30);
    if (!s.raiseIncident(ssh))
        return 0;
    s.clearIncident(QStringLiteral("connection_lost"), QStringLiteral("ssh"), utc(2024, 6, 3, 9, 4));

    store::DrillRecord drill;
    drill.scenario = QStringLiteral("site_down");
    drill.title = QStringLiteral("Sitio caído durante la publicación");
    drill.target = QStringLiteral("observe");
    drill.operatorName = QStringLiteral("Ana López");
    drill.startedUtc = utc(2024, 5, 26, 16, 0);
    drill.status = QStringLiteral("running");
    const auto drillId = s.startDrill(drill);
    if (!drillId || !s.finishDrill(*drillId, QStringLiteral("completed"), 0.83, QJsonObject(), utc(2024, 5, 26, 18, 0)))
        return 0;
    return *id;
}

exporting::MemoriaRequest memoriaRequest(const QList<exporting::MemoriaLogSource> &logs)
{
    exporting::MemoriaRequest r;
    r.organisation = QStringLiteral("Universidad Juárez del Estado de Durango");
    r.difusorUrl = QStringLiteral("https://prep2024.difusor.example/");
    r.staff = {{QStringLiteral("Ana López Muñoz"), QStringLiteral("Responsable técnica"), QStringLiteral("618 555 0101"),
                QStringLiteral("02/06 17:00 a 03/06 09:00")},
               {QStringLiteral("José Íñiguez"), QStringLiteral("Administrador de servidores"), QStringLiteral("618 555 0102"),
                QStringLiteral("02/06 19:00 a 03/06 07:00")}};
    r.logs = logs;
    r.comments = QStringLiteral("La jornada transcurrió sin caídas largas; el pico de las 21:00 exigió reiniciar nginx.\n\n"
                                "Sugerimos que el IEPC comparta el calendario de cortes con una semana de anticipación.");
    r.capacityRps = 150;
    return r;
}

} // namespace difusor::test
