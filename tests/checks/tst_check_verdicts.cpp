// Unit: whole-server verdicts from recorded probe outputs (this machine, and servers written from the
// tools' documented formats), and hostile or broken output: always UNKNOWN with a reason, bounded.
#include "CheckTestData.h"
#include "checks/Evaluator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace difusor::checks;
using namespace difusor::checks::testdata;

namespace {

EvaluationInput inputFor(const QString &probeFile)
{
    EvaluationInput in;
    in.profile = *RequirementProfile::loadDefault();
    in.probe = probe(probeFile);
    in.console.sshConnected = true;
    in.console.sshTarget = QStringLiteral("difusor@server:22");
    return in;
}

Status statusOf(const QList<CheckResult> &results, const char *id)
{
    const CheckResult *r = find(results, QString::fromLatin1(id));
    if (!r)
        qFatal("no result for %s", id);
    return r->status;
}

QString dump(const QList<CheckResult> &results)
{
    QString text;
    for (const CheckResult &r : results)
        text += r.id + QLatin1Char(' ') + statusId(r.status) + QStringLiteral(": ") + r.actual + QLatin1Char('\n');
    return text;
}

} // namespace

class TestCheckVerdicts final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ubuntuBareMetal()
    {
        EvaluationInput in = inputFor(QStringLiteral("ubuntu2204-baremetal.probe"));
        QVERIFY(in.profile.setTrustedIps({QStringLiteral("203.0.113.10"), QStringLiteral("203.0.113.0/28")}));
        in.console.url.url = QStringLiteral("https://prep2024.difusor.com.mx/");
        in.console.urlChecked = true;
        in.console.url.answered = true;
        in.console.url.httpStatus = 200;
        in.console.url.tlsUsed = true;
        in.console.url.tlsValid = true;
        in.console.url.subject = QStringLiteral("prep2024.difusor.com.mx");
        in.console.url.issuer = QStringLiteral("Let's Encrypt");
        in.console.url.expiryUtc = QDateTime::currentDateTimeUtc().addDays(20);
        const QList<CheckResult> r = evaluate(in);
        QCOMPARE(r.size(), 17 + profileCheckIds().size()); // and the connection profile's own
        const QString all = dump(r);
        if (qEnvironmentVariableIsSet("DUMP"))
            qInfo("%s", qPrintable(all));
        QVERIFY2(statusOf(r, "hw.cpu.cores") == Status::Pass, qPrintable(all));
        QVERIFY(find(r, QStringLiteral("hw.cpu.cores"))->actual.contains(QStringLiteral("núcleos físicos: 8")));
        QCOMPARE(statusOf(r, "hw.cpu.freq"), Status::Pass);
        QVERIFY(find(r, QStringLiteral("hw.cpu.freq"))->actual.startsWith(QStringLiteral("5100 MHz")));
        QVERIFY(!find(r, QStringLiteral("hw.cpu.freq"))->estimated);
        QCOMPARE(statusOf(r, "hw.ram"), Status::Pass);
        QCOMPARE(statusOf(r, "hw.disk.size"), Status::Pass);
        QVERIFY2(statusOf(r, "hw.disk.ssd") == Status::Pass, qPrintable(all)); // the NVMe holds the data, not sda
        QCOMPARE(statusOf(r, "hw.redundancy"), Status::Skipped);
        QCOMPARE(statusOf(r, "sw.os"), Status::Pass);
        QCOMPARE(statusOf(r, "sw.docker"), Status::Pass);
        QVERIFY(find(r, QStringLiteral("sw.docker"))->actual.contains(QStringLiteral("24.0.7")));
        QCOMPARE(statusOf(r, "sw.ssh"), Status::Pass);
        QCOMPARE(statusOf(r, "sw.ntp"), Status::Pass);
        // A 1000 Mb/s card and nothing measured: the uplink behind the card is not known.
        QCOMPARE(statusOf(r, "net.bandwidth"), Status::Warn);
        QVERIFY(find(r, QStringLiteral("net.bandwidth"))->actual.contains(QStringLiteral("solo la velocidad negociada de la tarjeta")));
        QCOMPARE(statusOf(r, "net.public_ip"), Status::Pass);
        QVERIFY2(statusOf(r, "net.fw.open") == Status::Pass, qPrintable(all));
        // 22 and 873 only from trusted sources, but Docker publishes 2873 and bypasses ufw.
        QVERIFY2(statusOf(r, "net.fw.restricted") == Status::Fail, qPrintable(all));
        QVERIFY(find(r, QStringLiteral("net.fw.restricted"))->actual.contains(QStringLiteral("2873: publicado por Docker")));
        QCOMPARE(statusOf(r, "net.rsync"), Status::Pass);
        QCOMPARE(statusOf(r, "net.protection"), Status::Warn); // recommended, not detected
        QCOMPARE(statusOf(r, "net.url"), Status::Warn);        // expires in 20 days (< 30)
        for (const CheckResult &c : r) {
            if (c.status == Status::Pass)
                QVERIFY2(c.remediation.isEmpty(), qPrintable(c.id));
            else if (c.status != Status::Skipped)
                QVERIFY2(!c.remediation.isEmpty(), qPrintable(c.id));
        }
    }

    void ubuntuKvmVm()
    {
        EvaluationInput in = inputFor(QStringLiteral("ubuntu2204-kvm.probe"));
        in.console.dialledAddress = QStringLiteral("187.141.20.50");
        in.console.reach.insert(80, PortReach{PortReach::Result::Open, {}, 3});
        in.console.reach.insert(443, PortReach{PortReach::Result::Open, {}, 3});
        const QList<CheckResult> r = evaluate(in);
        const QString all = dump(r);
        QCOMPARE(statusOf(r, "hw.cpu.cores"), Status::Pass);
        QCOMPARE(statusOf(r, "hw.cpu.freq"), Status::Pass);
        QVERIFY(find(r, QStringLiteral("hw.cpu.freq"))->estimated); // cpufreq hidden: current MHz
        QCOMPARE(statusOf(r, "hw.ram"), Status::Pass);              // 16 GB shows as 15.6 GiB
        QCOMPARE(statusOf(r, "hw.disk.size"), Status::Pass);
        QCOMPARE(statusOf(r, "hw.disk.ssd"), Status::Unknown);      // virtio says ROTA=1 regardless
        QCOMPARE(statusOf(r, "sw.docker"), Status::Warn);           // active, socket not permitted
        QCOMPARE(statusOf(r, "sw.ntp"), Status::Pass);              // chrony
        QCOMPARE(statusOf(r, "net.bandwidth"), Status::Unknown);    // link speed -1, nothing measured
        QVERIFY2(statusOf(r, "net.public_ip") == Status::Pass, qPrintable(all)); // 1:1 NAT
        QCOMPARE(statusOf(r, "net.fw.open"), Status::Pass);         // rules unreadable, reached from the console
        QCOMPARE(statusOf(r, "net.fw.restricted"), Status::Unknown);// sudo refused: never "no firewall"
        QVERIFY(find(r, QStringLiteral("net.fw.restricted"))->actual.contains(QStringLiteral("requiere root")));
        QCOMPARE(statusOf(r, "net.rsync"), Status::Warn);           // 127.0.0.1:873 only

        // The throughput measured from the console decides when the link speed is unknown.
        in.console.uploadMbps = 310;
        in.console.downloadMbps = 290;
        QCOMPARE(statusOf(evaluate(in), "net.bandwidth"), Status::Pass);
        // An attestation settles the virtio disk.
        Attestation a;
        a.checkId = QStringLiteral("hw.disk.ssd");
        a.by = QStringLiteral("Ing. Pérez (proveedor: volumen NVMe)");
        QVERIFY(in.attestations.record(a));
        QCOMPARE(statusOf(evaluate(in), "hw.disk.ssd"), Status::Pass);
    }

    // Only a measured throughput passes net.bandwidth; the card's negotiated speed alone never does.
    void bandwidthPassesOnlyOnMeasuredThroughput_data()
    {
        QTest::addColumn<QString>("probeFile");
        QTest::addColumn<double>("upMbps"); // < 0: nothing measured
        QTest::addColumn<double>("downMbps");
        QTest::addColumn<Status>("expected");
        QTest::addColumn<QString>("says");
        const QString gigabit = QStringLiteral("ubuntu2204-baremetal.probe"); // eno1 1000 Mb/s, default route
        const QString unknownCard = QStringLiteral("ubuntu2204-kvm.probe");   // virtio: speed -1
        const QString slowCard = QStringLiteral("too-small-vm.probe");        // 10 Mb/s
        QTest::newRow("1 Gb card, nothing measured") << gigabit << -1.0 << -1.0 << Status::Warn
                                                     << QStringLiteral("no se midió el caudal");
        QTest::newRow("1 Gb card behind a slow uplink") << gigabit << 20.0 << 18.0 << Status::Warn
                                                        << QStringLiteral("↑ 20 Mb/s, ↓ 18 Mb/s");
        QTest::newRow("1 Gb card, upload slow") << gigabit << 40.0 << 300.0 << Status::Warn << QStringLiteral("↑ 40 Mb/s");
        QTest::newRow("1 Gb card, measured enough") << gigabit << 310.0 << 290.0 << Status::Pass << QStringLiteral("enlace eno1 1000 Mb/s");
        QTest::newRow("unknown card, measured enough") << unknownCard << 150.0 << 120.0 << Status::Pass
                                                       << QStringLiteral("↑ 150 Mb/s, ↓ 120 Mb/s");
        QTest::newRow("unknown card, nothing measured") << unknownCard << -1.0 << -1.0 << Status::Unknown
                                                        << QStringLiteral("desconocida");
        QTest::newRow("10 Mb card, whatever is measured") << slowCard << 500.0 << 500.0 << Status::Fail
                                                          << QStringLiteral("10 Mb/s");
    }
    void bandwidthPassesOnlyOnMeasuredThroughput()
    {
        QFETCH(QString, probeFile);
        QFETCH(double, upMbps);
        QFETCH(double, downMbps);
        QFETCH(Status, expected);
        QFETCH(QString, says);
        EvaluationInput in = inputFor(probeFile);
        if (upMbps >= 0) {
            in.console.uploadMbps = upMbps;
            in.console.downloadMbps = downMbps;
        }
        // The list is kept: find() points into it (a temporary here made this test fail at random).
        const QList<CheckResult> results = evaluate(in);
        const CheckResult *r = find(results, QStringLiteral("net.bandwidth"));
        QVERIFY(r);
        QVERIFY2(r->status == expected, qPrintable(statusId(r->status) + QStringLiteral(": ") + r->actual));
        QVERIFY2(r->actual.contains(says), qPrintable(r->actual));
        QCOMPARE(r->remediation.isEmpty(), expected == Status::Pass);
        QCOMPARE(r->estimated, expected == Status::Pass); // a pass always rests on the console's measurement
    }

    void tooSmallVmFails()
    {
        EvaluationInput in = inputFor(QStringLiteral("too-small-vm.probe"));
        QVERIFY(in.profile.setTrustedIps({QStringLiteral("203.0.113.10")}));
        const QList<CheckResult> r = evaluate(in);
        const QString all = dump(r);
        if (qEnvironmentVariableIsSet("DUMP"))
            qInfo("%s", qPrintable(all));
        QCOMPARE(statusOf(r, "hw.cpu.cores"), Status::Fail);
        QCOMPARE(find(r, QStringLiteral("hw.cpu.cores"))->actual.section(QLatin1Char(' '), 0, 2), QStringLiteral("CPU lógicas: 4"));
        QCOMPARE(statusOf(r, "hw.ram"), Status::Fail);
        QCOMPARE(statusOf(r, "hw.disk.size"), Status::Fail);
        QCOMPARE(statusOf(r, "hw.disk.ssd"), Status::Fail);         // a SATA disk, rotational
        QCOMPARE(statusOf(r, "hw.cpu.freq"), Status::Pass);         // "@ 2.60GHz" in the model name
        QCOMPARE(statusOf(r, "sw.os"), Status::Warn);               // Ubuntu 20.04
        QCOMPARE(statusOf(r, "sw.docker"), Status::Fail);           // installed, stopped
        QCOMPARE(statusOf(r, "sw.ntp"), Status::Fail);              // ntpd without a system peer
        QCOMPARE(statusOf(r, "net.bandwidth"), Status::Fail);       // 10 Mb/s link
        QCOMPARE(statusOf(r, "net.public_ip"), Status::Pass);
        QVERIFY2(statusOf(r, "net.fw.open") == Status::Warn, qPrintable(all)); // iptables allows, nothing listens
        QVERIFY2(statusOf(r, "net.fw.restricted") == Status::Fail, qPrintable(all)); // 873/2873 from 198.51.100.7
        QVERIFY(find(r, QStringLiteral("net.fw.restricted"))->actual.contains(QStringLiteral("198.51.100.7")));
        QCOMPARE(statusOf(r, "net.rsync"), Status::Fail);
        QCOMPARE(exitCodeFor(r, false), 1);
    }

    void thisMachineRecorded()
    {
        // Debian 12 KVM guest running the tests as root, no systemd, no Docker daemon, no firewall tools.
        const QList<CheckResult> r = evaluate(inputFor(QStringLiteral("debian12-kvm-container.probe")));
        const QString all = dump(r);
        QCOMPARE(statusOf(r, "hw.cpu.cores"), Status::Fail);
        QVERIFY(find(r, QStringLiteral("hw.cpu.cores"))->actual.startsWith(QStringLiteral("CPU lógicas: 2")));
        QCOMPARE(statusOf(r, "hw.ram"), Status::Pass);
        QVERIFY(find(r, QStringLiteral("hw.ram"))->actual.contains(QStringLiteral("MemTotal 24684084 kB")));
        QCOMPARE(statusOf(r, "hw.disk.ssd"), Status::Unknown);
        QCOMPARE(statusOf(r, "sw.os"), Status::Fail);
        QVERIFY(find(r, QStringLiteral("sw.os"))->actual.contains(QStringLiteral("Debian GNU/Linux 12")));
        QCOMPARE(statusOf(r, "sw.docker"), Status::Fail);
        QVERIFY2(statusOf(r, "sw.ntp") == Status::Unknown, qPrintable(all));
        QCOMPARE(statusOf(r, "net.public_ip"), Status::Unknown);    // 192.0.2.2 is a documentation range
        QCOMPARE(statusOf(r, "net.fw.restricted"), Status::Unknown);// no tool to read rules with
        QCOMPARE(statusOf(r, "net.fw.open"), Status::Unknown);
    }

    void brokenOutputIsUnknownNeverNo_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QByteArray binary(1 << 20, '\0');
        for (char &c : binary)
            c = char(QRandomGenerator::global()->bounded(256));
        QTest::newRow("binary") << binary;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong nonce") << read(QStringLiteral("ubuntu2204-baremetal.probe")).replace("REC", "XYZ");
        QByteArray missing;
        for (const char *name : {"nproc", "lscpu", "meminfo", "df", "lsblk", "os_release", "docker_version", "timedatectl",
                                 "ip_addr", "listen", "ufw", "iptables", "nft"})
            missing += "==>REC " + QByteArray(name) + "\n$ " + name + "\nsh: 1: " + name + ": not found\n\n<==REC exit 127\n";
        QTest::newRow("missing commands") << missing;
        QByteArray huge = "==>REC nproc\n$ nproc\n" + QByteArray(20 * 1024 * 1024, 'x') + "\n<==REC exit 0\n";
        QTest::newRow("huge") << huge;
        QTest::newRow("cut mid-section") << read(QStringLiteral("ubuntu2204-baremetal.probe")).left(3000);
    }

    void brokenOutputIsUnknownNeverNo()
    {
        QFETCH(QByteArray, raw);
        EvaluationInput in;
        in.profile = *RequirementProfile::loadDefault();
        in.probe = parseProbeOutput(raw, "REC", 65536);
        for (const ProbeSection &s : std::as_const(in.probe.sections))
            QVERIFY(s.output.size() <= MaxSectionBytes + 1);
        in.console.sshConnected = true;
        const QList<CheckResult> r = evaluate(in);
        QCOMPARE(r.size(), 17 + profileCheckIds().size()); // and the connection profile's own
        for (const char *id : {"hw.cpu.cores", "hw.ram", "hw.disk.size", "sw.os", "net.fw.restricted"}) {
            const CheckResult *c = find(r, QString::fromLatin1(id));
            if (in.probe.section(QStringLiteral("nproc")) && QByteArray(id) == "hw.cpu.cores"
                && in.probe.section(QStringLiteral("nproc"))->ok())
                continue; // the cut output still holds a good nproc
            if (QTest::currentDataTag() == QByteArray("cut mid-section") && QByteArray(id).startsWith("hw.cpu"))
                continue;
            QVERIFY2(c->status == Status::Unknown, qPrintable(QString::fromLatin1(id) + QLatin1Char(' ') + c->actual));
            QVERIFY2(!c->actual.isEmpty(), id); // the reason
        }
        for (const CheckResult &c : r)
            QVERIFY(c.evidence.size() <= 20000);
    }

    void mutatedOutputsNeverCrash()
    {
        const QList<QByteArray> seeds = {read(QStringLiteral("ubuntu2204-baremetal.probe")),
                                         read(QStringLiteral("ubuntu2204-kvm.probe")),
                                         read(QStringLiteral("too-small-vm.probe"))};
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 300; ++i) {
            QByteArray raw = seeds.at(i % seeds.size());
            const int edits = 1 + int(rng->bounded(40));
            for (int e = 0; e < edits && !raw.isEmpty(); ++e) {
                const qsizetype pos = qsizetype(rng->bounded(quint32(raw.size())));
                switch (rng->bounded(3)) {
                case 0: raw[pos] = char(rng->bounded(256)); break;
                case 1: raw.remove(pos, qsizetype(rng->bounded(200))); break;
                default: raw.insert(pos, QByteArray(qsizetype(rng->bounded(100)), char(rng->bounded(256)))); break;
                }
            }
            EvaluationInput in;
            in.profile = *RequirementProfile::loadDefault();
            in.probe = parseProbeOutput(raw, "REC", 65536);
            QCOMPARE(evaluate(in).size(), 17 + profileCheckIds().size());
        }
    }
};

QTEST_GUILESS_MAIN(TestCheckVerdicts)
#include "tst_check_verdicts.moc"
