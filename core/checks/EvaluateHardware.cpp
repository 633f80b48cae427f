// Verdicts of the hardware checks (hw.*).
#include "EvalContext.h"

#include "FactText.h"
#include "HardwareFacts.h"

#include "common/Tr.h"

#include <cmath>

namespace difusor::checks::eval {

using namespace facts;

CheckResult cpuCores(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const int min = int(s.number(QStringLiteral("min_cores"), 8));
    r.expected = Tr::tr("≥ %1 núcleos (CPU lógicas)").arg(min);
    r.evidence = c.evidence({QStringLiteral("nproc"), QStringLiteral("lscpu"), QStringLiteral("cgroup_cpu")});
    QString why;
    std::optional<int> logical;
    if (const ProbeSection *n = c.usable(QStringLiteral("nproc"), &why))
        logical = parseNproc(n->output);
    Lscpu lscpu;
    if (const ProbeSection *l = c.usable(QStringLiteral("lscpu"), nullptr))
        lscpu = parseLscpu(l->output);
    if (!logical && lscpu.cpus) {
        logical = lscpu.cpus;
        r.estimated = true;
    }
    if (!logical) {
        verdict(r, Status::Unknown, Tr::tr("no se pudo leer el número de CPU: %1").arg(why),
                Tr::tr("Verifique que el servidor tenga coreutils (nproc) y util-linux (lscpu)."));
        return r;
    }
    int effective = *logical;
    QString detail;
    if (const ProbeSection *g = c.usable(QStringLiteral("cgroup_cpu"), nullptr)) {
        if (const auto limit = parseCgroupCpuLimit(g->output); limit && *limit < effective) {
            effective = std::max(1, int(std::floor(*limit)));
            detail = Tr::tr(", limitadas a %1 por el cgroup (cpu.max)").arg(*limit, 0, 'f', 2);
        }
    }
    QString actual = Tr::tr("CPU lógicas: %1").arg(effective);
    if (const auto physical = lscpu.physicalCores())
        actual += Tr::tr(" (núcleos físicos: %1)").arg(*physical);
    actual += detail;
    if (effective >= min)
        verdict(r, Status::Pass, actual);
    else
        verdict(r, Status::Fail, actual,
                Tr::tr("Asigne al menos %1 núcleos al servidor (plan del proveedor o configuración de la VM).").arg(min));
    return r;
}

CheckResult cpuFreq(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const double min = s.number(QStringLiteral("min_mhz"), 2000);
    r.expected = Tr::tr("≥ %1 MHz").arg(min, 0, 'f', 0);
    r.evidence = c.evidence({QStringLiteral("cpufreq"), QStringLiteral("lscpu"), QStringLiteral("cpuinfo")});
    Lscpu lscpu;
    if (const ProbeSection *l = c.usable(QStringLiteral("lscpu"), nullptr))
        lscpu = parseLscpu(l->output);
    CpuInfo cpuinfo;
    if (const ProbeSection *i = c.usable(QStringLiteral("cpuinfo"), nullptr))
        cpuinfo = parseCpuInfo(i->output);
    const QString model = lscpu.modelName.isEmpty() ? cpuinfo.modelName : lscpu.modelName;

    std::optional<double> mhz;
    QString source;
    bool current = false;
    if (const ProbeSection *f = c.usable(QStringLiteral("cpufreq"), nullptr)) {
        mhz = parseCpufreqMaxKhz(f->output);
        source = QStringLiteral("cpuinfo_max_freq");
    }
    if (!mhz && lscpu.maxMhz) {
        mhz = lscpu.maxMhz;
        source = QStringLiteral("lscpu (CPU max MHz)");
    }
    if (!mhz) {
        // VMs usually hide cpufreq: the nominal clock in the model name, else the current MHz.
        r.estimated = true;
        if ((mhz = mhzFromModelName(model))) {
            source = Tr::tr("nombre del modelo");
        } else if ((mhz = lscpu.currentMhz ? lscpu.currentMhz : cpuinfo.maxCurrentMhz)) {
            source = Tr::tr("frecuencia actual (/proc/cpuinfo)");
            current = true;
        }
    }
    if (!mhz) {
        verdict(r, Status::Unknown, Tr::tr("el servidor no informa la frecuencia (común en VMs)"),
                Tr::tr("Consulte la frecuencia de los vCPU con su proveedor."));
        return r;
    }
    QString actual = Tr::tr("%1 MHz según %2").arg(*mhz, 0, 'f', 0).arg(source);
    if (r.estimated)
        actual += Tr::tr(" (estimado)");
    if (!model.isEmpty())
        actual += QStringLiteral("; ") + model;
    if (*mhz >= min)
        verdict(r, Status::Pass, actual);
    else if (current) // an idle CPU may report a low current clock
        verdict(r, Status::Warn, actual, Tr::tr("La frecuencia actual es baja; confirme la frecuencia máxima con su proveedor."));
    else
        verdict(r, Status::Fail, actual, Tr::tr("Use procesadores de %1 MHz o más.").arg(min, 0, 'f', 0));
    return r;
}

CheckResult ram(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const double minGib = s.number(QStringLiteral("min_gib"), 15.0);
    const double nominal = s.number(QStringLiteral("nominal_gb"), 16);
    r.expected = Tr::tr("%1 GB (MemTotal ≥ %2)").arg(nominal).arg(formatGib(minGib));
    r.evidence = c.evidence({QStringLiteral("meminfo")});
    QString why;
    const ProbeSection *m = c.usable(QStringLiteral("meminfo"), &why);
    const auto total = m ? parseMemInfo(m->output).memTotalKib : std::nullopt;
    if (!total) {
        verdict(r, Status::Unknown, why.isEmpty() ? Tr::tr("MemTotal no aparece en /proc/meminfo") : why);
        return r;
    }
    const double gib = double(*total) / 1048576.0;
    const QString actual = Tr::tr("%1 (MemTotal %2 kB)").arg(formatGib(gib)).arg(*total);
    if (gib >= minGib)
        verdict(r, Status::Pass, actual);
    else
        verdict(r, Status::Fail, actual, Tr::tr("Amplíe la memoria del servidor a %1 GB o más.").arg(nominal));
    return r;
}

CheckResult diskSize(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const double minGib = s.number(QStringLiteral("min_gib"), 90.0);
    const double nominal = s.number(QStringLiteral("nominal_gb"), 100);
    r.expected = Tr::tr("%1 GB para los datos de Docker (sistema de archivos ≥ %2)").arg(nominal).arg(formatGib(minGib));
    r.evidence = c.evidence({QStringLiteral("docker_root"), QStringLiteral("df")});
    QString why;
    const ProbeSection *d = c.usable(QStringLiteral("df"), &why);
    const auto row = d ? parseDf(d->output) : std::nullopt;
    if (!row) {
        verdict(r, Status::Unknown, why.isEmpty() ? Tr::tr("no se entendió la salida de df") : why);
        return r;
    }
    const double gib = double(row->sizeKib) / 1048576.0;
    const QString actual = Tr::tr("%1 en %2 (%3), %4 libres")
                               .arg(formatGib(gib), row->mountPoint, row->device,
                                    formatGib(double(row->availableKib) / 1048576.0));
    if (gib >= minGib)
        verdict(r, Status::Pass, actual);
    else
        verdict(r, Status::Fail, actual,
                Tr::tr("Amplíe el disco que guarda los datos de Docker a %1 GB o más.").arg(nominal));
    return r;
}

CheckResult diskSsd(const Context &c, const CheckSpec &s)
{
    Q_UNUSED(s)
    CheckResult r;
    r.expected = Tr::tr("disco de estado sólido (ROTA = 0)");
    r.evidence = c.evidence({QStringLiteral("df"), QStringLiteral("lsblk_fs"), QStringLiteral("lsblk"),
                             QStringLiteral("blockdev")});
    QList<BlockDevice> disks;
    bool backing = false;
    if (const ProbeSection *fs = c.usable(QStringLiteral("lsblk_fs"), nullptr)) {
        for (const BlockDevice &d : parseLsblk(fs->output)) {
            if (d.type == QLatin1String("disk"))
                disks.append(d);
        }
        backing = !disks.isEmpty();
    }
    QString why;
    if (disks.isEmpty()) {
        if (const ProbeSection *all = c.usable(QStringLiteral("lsblk"), &why)) {
            for (const BlockDevice &d : parseLsblk(all->output)) {
                if (d.type == QLatin1String("disk") && !d.name.startsWith(QLatin1String("zram"))
                    && !d.name.startsWith(QLatin1String("loop")))
                    disks.append(d);
            }
        }
    }
    if (disks.isEmpty()) {
        verdict(r, Status::Unknown, why.isEmpty() ? Tr::tr("no se encontró el disco") : why);
        return r;
    }
    QList<BlockDevice> details;
    if (const ProbeSection *b = c.usable(QStringLiteral("blockdev"), nullptr))
        details = parseBlockdev(b->output);
    QStringList parts;
    bool rotating = false;
    bool virtualRotating = false;
    bool unknownFlag = false;
    for (BlockDevice &d : disks) {
        for (const BlockDevice &x : details) {
            if (x.name == d.name) {
                d.driver = x.driver;
                d.vendor = x.vendor;
            }
        }
        QString part = d.name + QStringLiteral(" ROTA=")
            + (d.rotational ? QString::number(int(*d.rotational)) : QStringLiteral("?"));
        if (!d.driver.isEmpty())
            part += QStringLiteral(" (") + d.driver + QLatin1Char(')');
        parts.append(part);
        if (!d.rotational)
            unknownFlag = true;
        else if (*d.rotational && d.virtualDisk())
            virtualRotating = true;
        else if (*d.rotational)
            rotating = true;
    }
    QString actual = parts.join(QStringLiteral(", "));
    if (!backing)
        actual += Tr::tr(" (todos los discos: no se pudo ubicar el que guarda los datos)");
    const auto attested = c.attestation(QStringLiteral("hw.disk.ssd"));
    if (rotating) {
        verdict(r, Status::Fail, actual, Tr::tr("Mueva los datos de Docker a un disco de estado sólido."));
    } else if (virtualRotating || unknownFlag) {
        if (attested && attested->affirmed) {
            verdict(r, Status::Pass, actual + QStringLiteral("; ") + attestationText(*attested));
            return r;
        }
        verdict(r, Status::Unknown,
                actual + Tr::tr("; un disco virtual (virtio) informa ROTA=1 aunque esté en SSD"),
                Tr::tr("Confirme con su proveedor que el almacenamiento es SSD y registre una atestación."));
    } else {
        verdict(r, Status::Pass, actual);
    }
    return r;
}

CheckResult redundancy(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    r.expected = Tr::tr("opcional: redundancia de energía y climatización (atestación)");
    const auto a = c.attestation(s.id);
    if (!a) {
        verdict(r, Status::Skipped, Tr::tr("sin atestación registrada"),
                Tr::tr("Si el centro de datos cuenta con energía y climatización redundantes, registre una atestación."));
        return r;
    }
    r.evidence = attestationText(*a);
    if (a->affirmed)
        verdict(r, Status::Pass, attestationText(*a));
    else
        verdict(r, Status::Fail, attestationText(*a),
                Tr::tr("Opcional: considere UPS/planta de energía y climatización redundantes."));
    return r;
}

} // namespace difusor::checks::eval
