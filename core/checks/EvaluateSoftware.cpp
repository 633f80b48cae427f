// Verdicts of the software checks (sw.*).
#include "EvalContext.h"

#include "NetworkFacts.h"
#include "SoftwareFacts.h"

#include "common/Tr.h"

#include <cmath>

namespace difusor::checks::eval {

using namespace facts;

CheckResult os(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const QString wanted = s.strings(QStringLiteral("os_id")).value(0, QStringLiteral("ubuntu")).toLower();
    const QStringList recommended = s.strings(QStringLiteral("recommended_versions"));
    r.expected = recommended.isEmpty() ? Tr::tr("ID=%1").arg(wanted)
                                       : Tr::tr("ID=%1 (recomendada %2)").arg(wanted, recommended.join(QStringLiteral(", ")));
    r.evidence = c.evidence({QStringLiteral("os_release")});
    QString why;
    const ProbeSection *sec = c.usable(QStringLiteral("os_release"), &why);
    const OsRelease rel = sec ? parseOsRelease(sec->output) : OsRelease{};
    if (!rel.valid()) {
        verdict(r, Status::Unknown, why.isEmpty() ? Tr::tr("/etc/os-release no tiene ID") : why);
        return r;
    }
    const QString actual = Tr::tr("%1 (ID=%2, VERSION_ID=%3)")
                               .arg(rel.prettyName.isEmpty() ? rel.id : rel.prettyName, rel.id, rel.versionId);
    if (rel.id == wanted) {
        if (recommended.isEmpty() || recommended.contains(rel.versionId))
            verdict(r, Status::Pass, actual);
        else
            verdict(r, Status::Warn, actual, Tr::tr("Se recomienda %1 %2.").arg(wanted, recommended.join(QStringLiteral(", "))));
    } else if (rel.idLike.split(QLatin1Char(' ')).contains(wanted)) {
        verdict(r, Status::Warn, actual + Tr::tr("; derivado de %1").arg(wanted),
                Tr::tr("La convocatoria pide un sistema basado en %1; confirme con el instituto.").arg(wanted));
    } else {
        verdict(r, Status::Fail, actual,
                Tr::tr("Instale %1 %2 en el servidor.").arg(wanted, recommended.value(0)));
    }
    return r;
}

CheckResult docker(const Context &c, const CheckSpec &s)
{
    Q_UNUSED(s)
    CheckResult r;
    r.expected = Tr::tr("Docker instalado, servicio activo y versión legible");
    r.evidence = c.evidence({QStringLiteral("docker_version"), QStringLiteral("docker_active"),
                             QStringLiteral("docker_socket")});
    const ProbeSection *v = c.any(QStringLiteral("docker_version"));
    if (!v || !v->complete || v->timedOut()) {
        QString why;
        c.usable(QStringLiteral("docker_version"), &why);
        verdict(r, Status::Unknown, why);
        return r;
    }
    const DockerVersion d = parseDockerVersion(v->output, v->exitStatus);
    QStringList active;
    if (const ProbeSection *a = c.any(QStringLiteral("docker_active")))
        active = parseIsActive(a->output);
    const QString service = active.value(0);
    switch (d.daemon) {
    case DaemonState::Running:
        verdict(r, Status::Pass, Tr::tr("Docker %1 en ejecución (cliente %2)").arg(d.serverVersion, d.clientVersion));
        break;
    case DaemonState::ClientMissing:
        verdict(r, Status::Fail, Tr::tr("no hay orden docker en el servidor"),
                Tr::tr("Instale Docker Engine (https://docs.docker.com/engine/install/ubuntu/)."));
        break;
    case DaemonState::PermissionDenied:
        if (service == QLatin1String("active"))
            verdict(r, Status::Warn, Tr::tr("servicio activo; el usuario no puede usar el socket de Docker (cliente %1)").arg(d.clientVersion),
                    Tr::tr("Agregue el usuario de la consola al grupo docker (usermod -aG docker USUARIO) para leer la versión."));
        else
            verdict(r, Status::Unknown, Tr::tr("sin permiso sobre el socket de Docker; estado del servicio: %1")
                                            .arg(service.isEmpty() ? Tr::tr("desconocido") : service),
                    Tr::tr("Agregue el usuario de la consola al grupo docker (usermod -aG docker USUARIO)."));
        break;
    case DaemonState::NotRunning:
        verdict(r, Status::Fail, Tr::tr("cliente %1 instalado; el servicio no responde%2")
                                     .arg(d.clientVersion, service.isEmpty() ? QString() : QStringLiteral(" (") + service + QLatin1Char(')')),
                Tr::tr("Inicie Docker: sudo systemctl enable --now docker"));
        break;
    case DaemonState::Unknown:
        verdict(r, Status::Unknown, Tr::tr("no se entendió la salida de docker version (estado %1)").arg(v->exitStatus));
        break;
    }
    return r;
}

CheckResult ssh(const Context &c, const CheckSpec &s)
{
    Q_UNUSED(s)
    CheckResult r;
    r.expected = Tr::tr("acceso por SSH (contraseña o llave)");
    const ConsoleFacts &con = c.in.console;
    r.evidence = c.evidence({QStringLiteral("ssh_version")});
    if (con.local) {
        bool listening = false;
        if (const ProbeSection *l = c.usable(QStringLiteral("listen"), nullptr)) {
            for (const ListeningSocket &sock : parseSsListen(l->output))
                listening = listening || (sock.port == 22 && !sock.loopbackOnly());
        }
        verdict(r, listening ? Status::Pass : Status::Unknown,
                listening ? Tr::tr("ejecución local: sshd escucha en el puerto 22 (conexión no probada)")
                          : Tr::tr("ejecución local: no se probó una conexión SSH"));
        return r;
    }
    if (con.sshConnected) {
        verdict(r, Status::Pass, Tr::tr("la consola se conectó como %1").arg(con.sshTarget));
        return r;
    }
    verdict(r, con.sshFailureDefinite ? Status::Fail : Status::Unknown,
            Tr::tr("sin conexión a %1: %2").arg(con.sshTarget, con.sshError),
            Tr::tr("Revise el servidor, el puerto, el usuario y la llave del perfil de conexión."));
    return r;
}

CheckResult ntp(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const double warnMs = s.number(QStringLiteral("warn_offset_ms"), 1000);
    r.expected = Tr::tr("cliente NTP sincronizado; desfase con la consola < %1 ms").arg(warnMs, 0, 'f', 0);
    r.evidence = c.evidence({QStringLiteral("timedatectl"), QStringLiteral("chrony"), QStringLiteral("ntpq"),
                             QStringLiteral("time_services")});
    if (!c.in.console.clockEvidence.isEmpty())
        r.evidence += QStringLiteral("\n\n") + c.in.console.clockEvidence;

    QStringList found;       // clients seen
    QStringList synced;      // what says synchronised
    QStringList unsynced;    // clients present but not synchronised
    if (const ProbeSection *t = c.usable(QStringLiteral("timedatectl"), nullptr)) {
        const auto kv = parseKeyValues(t->output);
        const QString ntpOn = kv.value(QStringLiteral("NTP"));
        const QString sync = kv.value(QStringLiteral("NTPSynchronized"));
        if (!ntpOn.isEmpty() || !sync.isEmpty()) {
            found.append(QStringLiteral("timedatectl"));
            if (sync == QLatin1String("yes"))
                synced.append(QStringLiteral("NTPSynchronized=yes"));
            else if (ntpOn == QLatin1String("yes"))
                unsynced.append(QStringLiteral("NTP=yes, NTPSynchronized=%1").arg(sync));
        }
    }
    if (const ProbeSection *ch = c.any(QStringLiteral("chrony")); ch && ch->complete && !ch->commandMissing()) {
        const ChronyTracking t = parseChronyTracking(ch->output);
        if (t.valid) {
            found.append(QStringLiteral("chrony"));
            (t.synchronised ? synced : unsynced).append(QStringLiteral("chrony: %1, %2").arg(t.reference, t.leapStatus));
        }
    }
    if (const ProbeSection *nq = c.any(QStringLiteral("ntpq")); nq && nq->complete && !nq->commandMissing()) {
        const NtpqPeers p = parseNtpq(nq->output);
        if (p.valid) {
            found.append(QStringLiteral("ntpd"));
            if (p.synchronised)
                synced.append(QStringLiteral("ntpq: *%1").arg(p.systemPeer));
            else
                unsynced.append(Tr::tr("ntpq: ningún par elegido (pares: %1)").arg(p.peers));
        }
    }
    QString offsetText;
    bool offsetBad = false;
    if (const auto off = c.in.console.clockOffsetMs) {
        offsetText = Tr::tr("; desfase con la consola %1 ms (± %2 ms)")
                         .arg(*off, 0, 'f', 0).arg(c.in.console.clockUncertaintyMs, 0, 'f', 0);
        offsetBad = std::abs(*off) - c.in.console.clockUncertaintyMs > warnMs;
    }
    const QString remediationSync = Tr::tr("Instale y active un cliente NTP (sudo apt install chrony) y permita UDP 123 de salida.");
    if (!synced.isEmpty()) {
        const QString actual = Tr::tr("sincronizado (%1)").arg(synced.join(QStringLiteral("; "))) + offsetText;
        if (offsetBad)
            verdict(r, Status::Warn, actual, Tr::tr("El reloj del servidor difiere del de la consola; verifique ambos relojes."));
        else
            verdict(r, Status::Pass, actual);
    } else if (!unsynced.isEmpty()) {
        verdict(r, Status::Fail, Tr::tr("cliente presente sin sincronizar (%1)").arg(unsynced.join(QStringLiteral("; "))) + offsetText,
                Tr::tr("Permita UDP 123 de salida y revise los servidores NTP configurados."));
    } else {
        const QString actual = Tr::tr("no se pudo leer ningún cliente NTP (timedatectl, chronyc, ntpq)") + offsetText;
        verdict(r, offsetBad ? Status::Warn : Status::Unknown, actual, remediationSync);
    }
    return r;
}

} // namespace difusor::checks::eval
