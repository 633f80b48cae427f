// Unit: each fact parser on recorded / documented tool outputs (tests/checks/data/*.txt) and on small
// hand-written cases, including the pitfalls of DOMAIN.md (VMs without cpufreq, virtio disks, ~15.4 GiB).
#include "CheckTestData.h"
#include "checks/FirewallFacts.h"
#include "checks/HardwareFacts.h"
#include "checks/NetworkFacts.h"
#include "checks/SoftwareFacts.h"

#include <QTest>

using namespace difusor::checks;
using namespace difusor::checks::facts;
using namespace difusor::checks::testdata;

class TestCheckParsers final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ufwStatusVerbose()
    {
        const Firewall fw = parseUfwStatus(read(QStringLiteral("ufw-status-verbose.txt")), 0);
        QCOMPARE(fw.read, Firewall::Read::Ok);
        QVERIFY(fw.active);
        QVERIFY(fw.defaultDrop);
        QCOMPARE(exposureOf(fw, 443).kind, Exposure::Kind::Any);
        const Exposure ssh = exposureOf(fw, 22);
        QCOMPARE(ssh.kind, Exposure::Kind::Sources);
        QCOMPARE(ssh.sources, QStringList{QStringLiteral("203.0.113.10")});
        QCOMPARE(exposureOf(fw, 2873).sources, QStringList{QStringLiteral("203.0.113.0/28")});
        QCOMPARE(exposureOf(fw, 3306).kind, Exposure::Kind::Closed);
    }

    void ufwNeedsRoot()
    {
        const Firewall fw = parseUfwStatus("ERROR: You need to be root to run this script\n", 1);
        QCOMPARE(fw.read, Firewall::Read::NeedsRoot);
        QVERIFY(!fw.reason.isEmpty());
        QCOMPARE(parseUfwStatus({}, 127).read, Firewall::Read::Missing);
    }

    void iptablesSave()
    {
        const Firewall fw = parseIptablesSave(read(QStringLiteral("iptables-save.txt")), 0);
        QCOMPARE(fw.read, Firewall::Read::Ok);
        QVERIFY(fw.defaultDrop);
        QCOMPARE(exposureOf(fw, 80).kind, Exposure::Kind::Any);
        QCOMPARE(exposureOf(fw, 22).kind, Exposure::Kind::Sources);
        QCOMPARE(exposureOf(fw, 873).sources, QStringList{QStringLiteral("198.51.100.7/32")});
        QCOMPARE(exposureOf(fw, 5432).kind, Exposure::Kind::Closed);
    }

    void nftRuleset()
    {
        const Firewall fw = parseNftRuleset(read(QStringLiteral("nft-ruleset.txt")), 0);
        QCOMPARE(fw.read, Firewall::Read::Ok);
        QVERIFY(fw.defaultDrop);
        QCOMPARE(exposureOf(fw, 443).kind, Exposure::Kind::Any);
        const Exposure ssh = exposureOf(fw, 22);
        QCOMPARE(ssh.kind, Exposure::Kind::Sources);
        QVERIFY(ssh.sources.contains(QStringLiteral("203.0.113.10")));
        QCOMPARE(exposureOf(fw, 8080).kind, Exposure::Kind::Closed);
    }

    void trustedSources()
    {
        QStringList untrusted;
        QVERIFY(sourcesTrusted({QStringLiteral("203.0.113.10")}, {QStringLiteral("203.0.113.0/24")}));
        QVERIFY(!sourcesTrusted({QStringLiteral("203.0.113.10"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("203.0.113.0/24")}, &untrusted));
        QCOMPARE(untrusted, QStringList{QStringLiteral("0.0.0.0/0")});
    }

    void dockerPublishedPorts()
    {
        const QList<int> ports = parseDockerPublishedPorts(
            "web 0.0.0.0:8080->80/tcp, :::8080->80/tcp\ndb 127.0.0.1:5432->5432/tcp\nworker \n");
        QVERIFY(ports.contains(8080));
    }

    void dockerVersion()
    {
        const DockerVersion denied = parseDockerVersion(read(QStringLiteral("docker-version-denied.txt")), 1);
        QCOMPARE(denied.daemon, DaemonState::PermissionDenied);
        QCOMPARE(denied.clientVersion, QStringLiteral("24.0.7"));
        QCOMPARE(parseDockerVersion(read(QStringLiteral("docker-version-down.txt")), 1).daemon, DaemonState::NotRunning);
        const DockerVersion running = parseDockerVersion(read(QStringLiteral("docker-version-running.txt")), 0);
        QCOMPARE(running.daemon, DaemonState::Running);
        QVERIFY(!running.serverVersion.isEmpty());
        QCOMPARE(parseDockerVersion("sh: 1: docker: not found\n", 127).daemon, DaemonState::ClientMissing);
    }

    void timeSync()
    {
        const ChronyTracking chrony = parseChronyTracking(read(QStringLiteral("chrony-tracking.txt")));
        QVERIFY(chrony.valid);
        QVERIFY(chrony.synchronised);
        QCOMPARE(chrony.stratum, std::optional<int>(4));
        QVERIFY(chrony.systemOffsetMs && qAbs(*chrony.systemOffsetMs + 0.01247) < 1e-6); // slow: negative

        const NtpqPeers ntpq = parseNtpq(read(QStringLiteral("ntpq-pn-unsync.txt")));
        QVERIFY(ntpq.valid);
        QVERIFY(!ntpq.synchronised);
        QCOMPARE(ntpq.peers, 3);

        const auto kv = parseKeyValues(read(QStringLiteral("timedatectl-show.txt")));
        QVERIFY(kv.contains(QStringLiteral("NTPSynchronized")));
        QCOMPARE(parseIsActive("active\ninactive\n"), (QStringList{QStringLiteral("active"), QStringLiteral("inactive")}));
        QVERIFY(parseEpochSeconds("1716049000.123456789\n").has_value());
        QVERIFY(!parseEpochSeconds("\x01\x02garbage").has_value());
    }

    void osRelease()
    {
        const OsRelease os = parseOsRelease("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                                            "VERSION_ID=\"12\"\nID=debian\nVERSION_CODENAME=bookworm\n");
        QVERIFY(os.valid());
        QCOMPARE(os.id, QStringLiteral("debian"));
        QCOMPARE(os.versionId, QStringLiteral("12"));
        QCOMPARE(os.prettyName, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QVERIFY(!parseOsRelease("\xff\xfe not an os-release").valid());
    }

    void cpu()
    {
        QCOMPARE(parseNproc("8\n"), std::optional<int>(8));
        QVERIFY(!parseNproc("lots\n").has_value());
        const Lscpu vm = parseLscpu("CPU(s):              4\nThread(s) per core:  1\nCore(s) per socket:  4\n"
                                    "Socket(s):           1\nModel name:          Intel Xeon Processor (Skylake) @ 2.10GHz\n"
                                    "Hypervisor vendor:   KVM\n");
        QCOMPARE(vm.cpus, std::optional<int>(4));
        QCOMPARE(vm.physicalCores(), std::optional<int>(4));
        QVERIFY(!vm.maxMhz.has_value()); // VMs hide cpufreq: no max MHz
        QCOMPARE(vm.hypervisor, QStringLiteral("KVM"));
        QCOMPARE(mhzFromModelName(vm.modelName), std::optional<double>(2100));
        QCOMPARE(parseCpufreqMaxKhz("3400000\n"), std::optional<double>(3400));
        QCOMPARE(parseCgroupCpuLimit("v2 200000 100000\n"), std::optional<double>(2));
        QVERIFY(!parseCgroupCpuLimit("v2 max 100000\n").has_value());
    }

    void memoryAndDisk()
    {
        // 16 GB of RAM shows as ~15.4 GiB after the kernel's reservations.
        const MemInfo mem = parseMemInfo("MemTotal:       16153424 kB\nMemFree:  1000 kB\nMemAvailable:   14000000 kB\n");
        QCOMPARE(mem.memTotalKib, std::optional<qint64>(16153424));
        QCOMPARE(mem.memAvailableKib, std::optional<qint64>(14000000));
        const auto df = parseDf("Filesystem     1024-blocks     Used Available Capacity Mounted on\n"
                                "/dev/vda1        101445540 20000000  81445540      20% /\n");
        QVERIFY(df);
        QCOMPARE(df->sizeKib, 101445540);
        QCOMPARE(df->mountPoint, QStringLiteral("/"));
        const QList<BlockDevice> devs = parseBlockdev("vda rota=1 driver=virtio_blk vendor=0x1af4\n");
        QCOMPARE(devs.size(), 1);
        QVERIFY(devs.first().virtualDisk()); // virtio says "rotational" about any medium
        const QList<BlockDevice> lsblk = parseLsblk("NAME ROTA TYPE\nnvme0n1    0 disk\nsda        1 disk\n");
        QCOMPARE(lsblk.size(), 2);
        QCOMPARE(lsblk.at(0).rotational, std::optional<bool>(false));
        QCOMPARE(lsblk.at(1).rotational, std::optional<bool>(true));
    }

    void network()
    {
        const auto addrs = parseIpAddr("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n"
                                       "2: eth0    inet 203.0.113.20/24 brd 203.0.113.255 scope global eth0\\ x\n"
                                       "2: eth0    inet 10.0.0.5/24 scope global eth0\n");
        QCOMPARE(addrs.size(), 3);
        QCOMPARE(addrs.at(1).address, QHostAddress(QStringLiteral("203.0.113.20")));
        QVERIFY(isPublicAddress(QHostAddress(QStringLiteral("8.8.8.8"))));
        QVERIFY(!isPublicAddress(QHostAddress(QStringLiteral("10.0.0.5"))));
        QVERIFY(!isPublicAddress(QHostAddress(QStringLiteral("100.64.1.1")))); // CGNAT
        QCOMPARE(parseDefaultRouteInterface("default via 10.0.0.1 dev eth0 proto dhcp metric 100\n"),
                 QStringLiteral("eth0"));
        const auto speeds = parseLinkSpeeds("eth0 1000 up\nens3 -1 up\n");
        QCOMPARE(speeds.size(), 2);
        QCOMPARE(speeds.at(0).mbps, 1000);
        QCOMPARE(speeds.at(1).mbps, -1);
        const auto socks = parseSsListen("LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:((\"nginx\",pid=1,fd=6))\n"
                                         "LISTEN 0 128 127.0.0.1:5432 0.0.0.0:*\n");
        QCOMPARE(socks.size(), 2);
        QVERIFY(socks.at(0).anyAddress());
        QCOMPARE(socks.at(0).port, 80);
        QCOMPARE(socks.at(0).process, QStringLiteral("nginx"));
        QVERIFY(socks.at(1).loopbackOnly());
    }

    void hostileInputIsBounded()
    {
        const QByteArray junk = QByteArray(3 * 1024 * 1024, '\xff') + QByteArray("\n\0\n", 3);
        QVERIFY(!parseNproc(junk).has_value());
        QVERIFY(parseLsblk(junk).isEmpty());
        QVERIFY(parseSsListen(junk).isEmpty());
        QCOMPARE(parseUfwStatus(junk, 0).rules.size(), 0);
        QVERIFY(!parseOsRelease(junk).valid());
    }
};

QTEST_GUILESS_MAIN(TestCheckParsers)
#include "tst_check_parsers.moc"
