#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Pure parsers over the raw outputs of the hardware sections of probe.sh. Untrusted input: every
// parser is bounded and returns nothing (std::nullopt / empty) on output it does not understand.
namespace difusor::checks::facts {

std::optional<int> parseNproc(const QByteArray &out);

struct Lscpu
{
    std::optional<int> cpus;
    std::optional<int> coresPerSocket;
    std::optional<int> sockets;
    std::optional<int> threadsPerCore;
    std::optional<double> maxMhz;     // "CPU max MHz" (absent on most VMs)
    std::optional<double> currentMhz; // "CPU MHz" (older lscpu)
    QString modelName;
    QString hypervisor;               // "Hypervisor vendor"
    std::optional<int> physicalCores() const;
};
Lscpu parseLscpu(const QByteArray &out);

struct CpuInfo
{
    int processors = 0;
    std::optional<double> maxCurrentMhz; // highest "cpu MHz" seen (a current, not a maximum)
    QString modelName;
    int physicalCores = 0;               // distinct (physical id, core id) pairs; 0 when not listed
};
CpuInfo parseCpuInfo(const QByteArray &out);

// cpuinfo_max_freq is in kHz; returns MHz.
std::optional<double> parseCpufreqMaxKhz(const QByteArray &out);

// "2.40GHz" in a model name such as "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz"; returns MHz.
std::optional<double> mhzFromModelName(const QString &model);

// The probe's cgroup line: "v2 max 100000", "v2 200000 100000", "v1 -1 100000", "v1 150000 100000",
// "none". Returns the CPU limit (quota / period) or nothing when unlimited or unreadable.
std::optional<double> parseCgroupCpuLimit(const QByteArray &out);

struct MemInfo
{
    std::optional<qint64> memTotalKib;
    std::optional<qint64> memAvailableKib;
};
MemInfo parseMemInfo(const QByteArray &out);

struct DfRow
{
    QString device;
    qint64 sizeKib = 0;
    qint64 availableKib = 0;
    QString mountPoint;
};
std::optional<DfRow> parseDf(const QByteArray &out); // `df -P -k DIR`

struct BlockDevice
{
    QString name;
    std::optional<bool> rotational;
    QString type;       // "disk", "part", "lvm", "crypt", "rom", "loop"
    QString driver;     // "virtio_blk", "sd", "nvme" (from the blockdev section)
    QString vendor;     // "QEMU", "0x1af4"
    bool virtualDisk() const; // a paravirtual disk whose rotational flag says nothing about the medium
};
// `lsblk -d -o NAME,ROTA,TYPE` (with header) or `lsblk -s -n -o NAME,ROTA,TYPE DEV` (tree, no header).
QList<BlockDevice> parseLsblk(const QByteArray &out);
// The probe's blockdev lines: "vda rota=1 driver=virtio_blk vendor=0x1af4".
QList<BlockDevice> parseBlockdev(const QByteArray &out);

} // namespace difusor::checks::facts
