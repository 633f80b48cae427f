#include "HardwareFacts.h"

#include "FactText.h"

#include <QRegularExpression>
#include <QSet>

namespace difusor::checks::facts {

std::optional<int> parseNproc(const QByteArray &out)
{
    const QList<QByteArray> lines = boundedLines(out, 4);
    if (lines.isEmpty())
        return std::nullopt;
    return boundedInt(lines.first().trimmed(), 1, 1 << 20);
}

std::optional<int> Lscpu::physicalCores() const
{
    if (coresPerSocket && sockets)
        return *coresPerSocket * *sockets;
    return std::nullopt;
}

Lscpu parseLscpu(const QByteArray &out)
{
    Lscpu l;
    for (const QByteArray &line : boundedLines(out, 400)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "CPU(s)")
            l.cpus = boundedInt(value, 1, 1 << 20);
        else if (key == "Core(s) per socket" || key == "Core(s) per cluster")
            l.coresPerSocket = boundedInt(value, 1, 1 << 16);
        else if (key == "Socket(s)" || key == "Cluster(s)")
            l.sockets = boundedInt(value, 1, 1 << 12);
        else if (key == "Thread(s) per core")
            l.threadsPerCore = boundedInt(value, 1, 64);
        else if (key == "CPU max MHz")
            l.maxMhz = boundedDouble(value, 1, 1e6);
        else if (key == "CPU MHz")
            l.currentMhz = boundedDouble(value, 1, 1e6);
        else if (key == "Model name" && l.modelName.isEmpty())
            l.modelName = QString::fromUtf8(value.left(200));
        else if (key == "Hypervisor vendor")
            l.hypervisor = QString::fromUtf8(value.left(100));
    }
    return l;
}

CpuInfo parseCpuInfo(const QByteArray &out)
{
    CpuInfo info;
    QSet<QByteArray> cores;
    QByteArray physicalId;
    for (const QByteArray &line : boundedLines(out, 20000)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "processor") {
            ++info.processors;
        } else if (key == "cpu MHz") {
            if (const auto mhz = boundedDouble(value, 1, 1e6))
                info.maxCurrentMhz = std::max(info.maxCurrentMhz.value_or(0), *mhz);
        } else if (key == "model name" && info.modelName.isEmpty()) {
            info.modelName = QString::fromUtf8(value.left(200));
        } else if (key == "physical id") {
            physicalId = value.left(16);
        } else if (key == "core id" && cores.size() < 100000) {
            cores.insert(physicalId + ':' + value.left(16));
        }
    }
    info.physicalCores = int(cores.size());
    return info;
}

std::optional<double> parseCpufreqMaxKhz(const QByteArray &out)
{
    const QList<QByteArray> lines = boundedLines(out, 2);
    if (lines.isEmpty())
        return std::nullopt;
    const auto khz = boundedDouble(lines.first().trimmed(), 1000, 1e9);
    if (!khz)
        return std::nullopt;
    return *khz / 1000.0;
}

std::optional<double> mhzFromModelName(const QString &model)
{
    static const QRegularExpression re(QStringLiteral("@\\s*([0-9]+(?:\\.[0-9]+)?)\\s*GHz"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(model.left(200));
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double ghz = m.captured(1).toDouble(&ok);
    if (!ok || ghz <= 0 || ghz > 100)
        return std::nullopt;
    return ghz * 1000.0;
}

std::optional<double> parseCgroupCpuLimit(const QByteArray &out)
{
    const QList<QByteArray> lines = boundedLines(out, 2);
    if (lines.isEmpty())
        return std::nullopt;
    const QList<QByteArray> f = lines.first().simplified().split(' ');
    if (f.size() != 3 || (f[0] != "v1" && f[0] != "v2"))
        return std::nullopt;
    const auto quota = boundedDouble(f[1], 1, 1e15);
    const auto period = boundedDouble(f[2], 1, 1e15);
    if (!quota || !period) // "max" or "-1": no limit
        return std::nullopt;
    return *quota / *period;
}

MemInfo parseMemInfo(const QByteArray &out)
{
    MemInfo m;
    for (const QByteArray &line : boundedLines(out, 100)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 2)
            continue;
        if (f[0] == "MemTotal:")
            m.memTotalKib = boundedInt64(f[1], 1, qint64(1) << 40);
        else if (f[0] == "MemAvailable:")
            m.memAvailableKib = boundedInt64(f[1], 0, qint64(1) << 40);
    }
    return m;
}

std::optional<DfRow> parseDf(const QByteArray &out)
{
    const QList<QByteArray> lines = boundedLines(out, 10);
    for (const QByteArray &line : lines) {
        // "/dev/vda 264212084 17723152 82614036 18% /": the mount point may hold spaces.
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 6 || f[0] == "Filesystem")
            continue;
        const auto size = boundedInt64(f[1], 0, qint64(1) << 50);
        const auto avail = boundedInt64(f[3], 0, qint64(1) << 50);
        if (!size || !avail || !f[4].endsWith('%'))
            continue;
        DfRow row;
        row.device = QString::fromUtf8(f[0].left(200));
        row.sizeKib = *size;
        row.availableKib = *avail;
        row.mountPoint = QString::fromUtf8(f.mid(5).join(' ').left(400));
        return row;
    }
    return std::nullopt;
}

bool BlockDevice::virtualDisk() const
{
    return name.startsWith(QLatin1String("vd")) || name.startsWith(QLatin1String("xvd"))
        || driver.startsWith(QLatin1String("virtio")) || driver == QLatin1String("vbd")
        || vendor == QLatin1String("0x1af4") || vendor.startsWith(QLatin1String("QEMU"))
        || vendor.startsWith(QLatin1String("VMware")) || vendor.startsWith(QLatin1String("Msft"))
        || vendor.startsWith(QLatin1String("Xen"));
}

QList<BlockDevice> parseLsblk(const QByteArray &out)
{
    QList<BlockDevice> list;
    for (const QByteArray &line : boundedLines(out, 1000)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() != 3 || f[0] == "NAME")
            continue;
        BlockDevice d;
        // Tree output prefixes names with "└─" / "`-": keep the name only.
        QString name = QString::fromUtf8(f[0].left(64));
        while (!name.isEmpty() && !name.at(0).isLetterOrNumber())
            name.remove(0, 1);
        d.name = name;
        if (f[1] == "0" || f[1] == "1")
            d.rotational = f[1] == "1";
        d.type = QString::fromUtf8(f[2].left(16));
        if (!d.name.isEmpty())
            list.append(d);
    }
    return list;
}

QList<BlockDevice> parseBlockdev(const QByteArray &out)
{
    QList<BlockDevice> list;
    for (const QByteArray &line : boundedLines(out, 1000)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.isEmpty() || f[0].isEmpty())
            continue;
        BlockDevice d;
        d.name = QString::fromUtf8(f[0].left(64));
        d.type = QStringLiteral("disk");
        for (const QByteArray &field : f.mid(1)) {
            if (field.startsWith("rota=") && (field.mid(5) == "0" || field.mid(5) == "1"))
                d.rotational = field.mid(5) == "1";
            else if (field.startsWith("driver="))
                d.driver = QString::fromUtf8(field.mid(7).left(64));
            else if (field.startsWith("vendor=") && d.vendor.isEmpty())
                d.vendor = QString::fromUtf8(field.mid(7).left(64));
        }
        list.append(d);
    }
    return list;
}

} // namespace difusor::checks::facts
