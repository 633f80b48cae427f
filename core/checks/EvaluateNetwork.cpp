// Verdicts of the network and security checks (net.*).
#include "EvalContext.h"

#include "FirewallFacts.h"
#include "NetworkFacts.h"

#include "common/MexicoTime.h"
#include "common/Tr.h"

namespace difusor::checks::eval {

using namespace facts;

namespace {

// The host firewall as far as it could be read: the first active of ufw, iptables, nft.
struct FirewallView
{
    bool readable = false;
    std::optional<Firewall> active; // readable and none active: nothing filters on the host
    QString reason;                 // unreadable: why
};

FirewallView firewallView(const Context &c)
{
    FirewallView view;
    QStringList reasons;
    bool anyRead = false;
    for (const auto &[name, parse] : {std::pair{QStringLiteral("ufw"), parseUfwStatus},
                                      std::pair{QStringLiteral("iptables"), parseIptablesSave},
                                      std::pair{QStringLiteral("nft"), parseNftRuleset}}) {
        const ProbeSection *s = c.any(name);
        if (!s || !s->complete) {
            reasons.append(Tr::tr("%1: sin respuesta").arg(name));
            continue;
        }
        const Firewall fw = parse(s->output, s->exitStatus);
        switch (fw.read) {
        case Firewall::Read::Ok:
            anyRead = true;
            if (fw.active && !view.active)
                view.active = fw;
            break;
        case Firewall::Read::NeedsRoot:
            reasons.append(Tr::tr("%1 requiere root (%2)").arg(name, fw.reason));
            break;
        case Firewall::Read::Missing:
            reasons.append(Tr::tr("%1 no está instalado").arg(name));
            break;
        case Firewall::Read::Failed:
            reasons.append(Tr::tr("%1 falló (%2)").arg(name, fw.reason));
            break;
        }
    }
    // Without any readable tool, or with one refused for lack of root, "nothing active" is not known.
    bool refused = false;
    for (const QString &r : reasons)
        refused = refused || r.contains(QLatin1String("root"));
    view.readable = view.active.has_value() || (anyRead && !refused);
    view.reason = reasons.join(QStringLiteral("; "));
    return view;
}

QList<ListeningSocket> listening(const Context &c, bool *ok)
{
    const ProbeSection *l = c.usable(QStringLiteral("listen"), nullptr);
    *ok = l != nullptr;
    return l ? parseSsListen(l->output) : QList<ListeningSocket>{};
}

bool listensOutside(const QList<ListeningSocket> &sockets, int port)
{
    for (const ListeningSocket &s : sockets) {
        if (s.port == port && !s.loopbackOnly())
            return true;
    }
    return false;
}

QString reachText(const ConsoleFacts &con, int port)
{
    const auto it = con.reach.constFind(port);
    if (it == con.reach.constEnd())
        return {};
    switch (it->result) {
    case PortReach::Result::Open: return Tr::tr("%1 acepta conexiones desde la consola").arg(port);
    case PortReach::Result::Refused: return Tr::tr("%1 rechaza la conexión (nada escucha)").arg(port);
    case PortReach::Result::Timeout: return Tr::tr("%1 no responde (filtrado)").arg(port);
    case PortReach::Result::Error: return Tr::tr("%1: %2").arg(port).arg(it->text);
    }
    return {};
}

QString exposureText(const Exposure &e)
{
    switch (e.kind) {
    case Exposure::Kind::Any: return Tr::tr("cualquier origen");
    case Exposure::Kind::Sources: return e.sources.join(QStringLiteral(", "));
    case Exposure::Kind::Closed: return Tr::tr("cerrado");
    }
    return {};
}

Status worst(Status a, Status b)
{
    auto rank = [](Status s) {
        switch (s) {
        case Status::Fail: return 4;
        case Status::Unknown: return 3;
        case Status::Warn: return 2;
        case Status::Pass: return 1;
        case Status::Skipped: return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}

const QStringList firewallSections = {QStringLiteral("ufw"), QStringLiteral("iptables"), QStringLiteral("nft"),
                                      QStringLiteral("listen")};

} // namespace

CheckResult bandwidth(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const double min = s.number(QStringLiteral("min_mbps"), 100);
    r.expected = Tr::tr("≥ %1 Mb/s simétricos").arg(min, 0, 'f', 0);
    r.evidence = c.evidence({QStringLiteral("ip_route"), QStringLiteral("link_speed")});
    const ConsoleFacts &con = c.in.console;
    if (!con.throughputEvidence.isEmpty())
        r.evidence += QStringLiteral("\n\n") + con.throughputEvidence;
    QString iface;
    if (const ProbeSection *route = c.usable(QStringLiteral("ip_route"), nullptr))
        iface = parseDefaultRouteInterface(route->output);
    int link = -1;
    if (const ProbeSection *l = c.usable(QStringLiteral("link_speed"), nullptr)) {
        for (const LinkSpeed &ls : parseLinkSpeeds(l->output)) {
            if (ls.interface == iface || (iface.isEmpty() && ls.operstate == QLatin1String("up")))
                link = std::max(link, ls.mbps);
        }
    }
    QStringList parts;
    parts.append(link > 0 ? Tr::tr("enlace %1 %2 Mb/s").arg(iface).arg(link)
                          : Tr::tr("velocidad del enlace %1 desconocida (-1)").arg(iface));
    const bool measured = con.uploadMbps && con.downloadMbps;
    if (measured)
        parts.append(Tr::tr("medido desde la consola: ↑ %1 Mb/s, ↓ %2 Mb/s (indicativo)")
                         .arg(*con.uploadMbps, 0, 'f', 0).arg(*con.downloadMbps, 0, 'f', 0));
    const QString actual = parts.join(QStringLiteral("; "));
    const QString minText = QString::number(min, 'f', 0);
    // Only a measured throughput passes: the card's negotiated speed says nothing of the uplink behind
    // it (a 1 Gb/s card on a 20 Mb/s contract negotiates 1000). A card slower than the minimum fails.
    if (link > 0 && link < min) {
        verdict(r, Status::Fail, actual, Tr::tr("Contrate un enlace de %1 Mb/s simétricos o más.").arg(minText));
    } else if (measured && *con.uploadMbps >= min && *con.downloadMbps >= min) {
        r.estimated = true; // measured over the console's own network
        verdict(r, Status::Pass, actual);
    } else if (measured) {
        verdict(r, Status::Warn, actual + Tr::tr("; la red de la consola puede limitar la medición"),
                Tr::tr("Confirme con el proveedor que el servidor tiene %1 Mb/s simétricos.").arg(minText));
    } else if (link >= min) {
        verdict(r, Status::Warn,
                actual + Tr::tr("; solo la velocidad negociada de la tarjeta, no se midió el caudal: un enlace de "
                                "subida más lento detrás de ella no se ve aquí"),
                Tr::tr("Revise de nuevo para medir el caudal desde la consola, o confirme con el proveedor que el "
                       "servidor tiene %1 Mb/s simétricos.").arg(minText));
    } else {
        verdict(r, Status::Unknown, actual, Tr::tr("Confirme con el proveedor el ancho de banda contratado."));
    }
    return r;
}

CheckResult publicIp(const Context &c, const CheckSpec &s)
{
    Q_UNUSED(s)
    CheckResult r;
    r.expected = Tr::tr("una dirección IP pública");
    r.evidence = c.evidence({QStringLiteral("ip_addr")});
    QStringList publicOnes;
    QStringList others;
    QString why;
    if (const ProbeSection *a = c.usable(QStringLiteral("ip_addr"), &why)) {
        for (const InterfaceAddress &ia : parseIpAddr(a->output)) {
            if (ia.address.isLoopback())
                continue;
            (isPublicAddress(ia.address) ? publicOnes : others).append(ia.address.toString());
        }
    }
    const QHostAddress dialled(c.in.console.dialledAddress);
    if (!publicOnes.isEmpty()) {
        verdict(r, Status::Pass, Tr::tr("pública en el servidor: %1").arg(publicOnes.join(QStringLiteral(", "))));
    } else if (!dialled.isNull() && isPublicAddress(dialled)) {
        verdict(r, Status::Pass, Tr::tr("la consola llegó por %1 (pública); el servidor solo tiene %2 (NAT 1:1)")
                                     .arg(dialled.toString(), others.join(QStringLiteral(", "))));
    } else {
        const QString seen = others.isEmpty() ? why : Tr::tr("solo direcciones no públicas: %1").arg(others.join(QStringLiteral(", ")));
        verdict(r, Status::Unknown, seen + (c.in.console.dialledAddress.isEmpty() ? QString()
                                           : Tr::tr("; se llegó por %1").arg(c.in.console.dialledAddress)),
                Tr::tr("Puede haber NAT 1:1: conecte la consola por la IP pública del servidor para comprobarla."));
    }
    return r;
}

CheckResult fwOpen(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    QList<int> ports = s.ports();
    if (ports.isEmpty())
        ports = {80, 443};
    QStringList portNames;
    for (int p : ports)
        portNames.append(QString::number(p));
    r.expected = Tr::tr("TCP %1 abiertos a cualquier origen").arg(portNames.join(QStringLiteral(", ")));
    r.evidence = c.evidence(firewallSections);
    const FirewallView view = firewallView(c);
    bool ssOk = false;
    const QList<ListeningSocket> sockets = listening(c, &ssOk);
    const ConsoleFacts &con = c.in.console;
    QStringList parts;
    Status status = Status::Pass;
    QString remediation;
    for (int port : ports) {
        const QString reach = reachText(con, port);
        const bool reachOpen = con.reach.value(port).result == PortReach::Result::Open && con.reach.contains(port);
        if (view.readable) {
            const Exposure e = view.active ? exposureOf(*view.active, port) : Exposure{};
            QString part = Tr::tr("%1: %2").arg(port).arg(exposureText(e));
            if (e.kind != Exposure::Kind::Any) {
                status = worst(status, Status::Fail);
                remediation = Tr::tr("Permita la entrada a TCP %1 desde cualquier origen (p. ej. sudo ufw allow %1/tcp).").arg(port);
            } else if (ssOk && !listensOutside(sockets, port)) {
                part += Tr::tr(", pero nada escucha");
                status = worst(status, Status::Warn);
                remediation = Tr::tr("El sitio del difusor aún no escucha en %1.").arg(port);
            }
            if (!reach.isEmpty())
                part += QStringLiteral("; ") + reach;
            parts.append(part);
        } else if (reachOpen) {
            parts.append(reach);
        } else {
            status = worst(status, Status::Unknown);
            parts.append(reach.isEmpty() ? Tr::tr("%1: sin datos").arg(port) : reach);
            remediation = Tr::tr("Permita a la consola leer las reglas (sudo -n para ufw, iptables-save o nft) o pruebe los puertos desde fuera.");
        }
    }
    QString actual = parts.join(QStringLiteral("; "));
    if (!view.readable)
        actual += Tr::tr(" (reglas no legibles: %1)").arg(view.reason);
    else
        actual += view.active ? Tr::tr(" (reglas de %1)").arg(view.active->tool) : Tr::tr(" (ningún firewall activo en el servidor)");
    verdict(r, status, actual, remediation);
    return r;
}

CheckResult fwRestricted(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    QList<int> ports = s.ports();
    if (ports.isEmpty())
        ports = {22, 873, 2873};
    QStringList trusted = c.in.profile.trustedIps();
    for (const QString &ip : c.in.extraTrustedIps) {
        if (isAddressOrNetwork(ip) && !trusted.contains(ip.trimmed()))
            trusted.append(ip.trimmed());
    }
    QStringList portNames;
    for (int p : ports)
        portNames.append(QString::number(p));
    r.expected = Tr::tr("TCP %1 solo desde IP de confianza (%2)")
                     .arg(portNames.join(QStringLiteral(", ")),
                          trusted.isEmpty() ? Tr::tr("lista vacía") : trusted.join(QStringLiteral(", ")));
    r.evidence = c.evidence(firewallSections + QStringList{QStringLiteral("docker_ports")});
    bool ssOk = false;
    const QList<ListeningSocket> sockets = listening(c, &ssOk);

    // Ports Docker publishes skip ufw's rules altogether.
    QList<int> published;
    if (const ProbeSection *d = c.usable(QStringLiteral("docker_ports"), nullptr))
        published = parseDockerPublishedPorts(d->output);
    QStringList parts;
    Status status = Status::Pass;
    QString remediation;
    for (int port : ports) {
        if (published.contains(port)) {
            parts.append(Tr::tr("%1: publicado por Docker (evita ufw)").arg(port));
            status = Status::Fail;
            remediation = Tr::tr("Publique el puerto %1 de Docker solo en 127.0.0.1 o filtre en la cadena DOCKER-USER.").arg(port);
        }
    }
    const FirewallView view = firewallView(c);
    if (!view.readable) {
        const auto a = c.attestation(s.id);
        if (status != Status::Fail && a && a->affirmed) {
            verdict(r, Status::Pass, Tr::tr("reglas no legibles (%1); %2").arg(view.reason, attestationText(*a)));
            return r;
        }
        parts.append(Tr::tr("reglas no legibles: %1").arg(view.reason));
        verdict(r, worst(status, Status::Unknown), parts.join(QStringLiteral("; ")),
                remediation.isEmpty() ? Tr::tr("Permita sudo -n para ufw/iptables-save/nft al usuario de la consola, "
                                               "o registre una atestación del firewall perimetral.")
                                      : remediation);
        return r;
    }
    for (int port : ports) {
        const Exposure e = view.active ? exposureOf(*view.active, port) : Exposure{};
        const bool listens = !ssOk || listensOutside(sockets, port);
        QString part = Tr::tr("%1: %2").arg(port).arg(exposureText(e));
        if (e.kind == Exposure::Kind::Any) {
            status = worst(status, listens ? Status::Fail : Status::Warn);
            if (!listens)
                part += Tr::tr(" (nada escucha ahora)");
            remediation = Tr::tr("Limite TCP %1 a las IP de confianza (p. ej. sudo ufw allow from IP to any port %1 proto tcp, "
                                 "y quite la regla abierta).").arg(port);
        } else if (e.kind == Exposure::Kind::Sources) {
            QStringList untrusted;
            if (trusted.isEmpty()) {
                status = worst(status, Status::Warn);
                remediation = Tr::tr("Registre en el perfil las IP de confianza que publique el instituto.");
            } else if (!sourcesTrusted(e.sources, trusted, &untrusted)) {
                status = worst(status, Status::Fail);
                part += Tr::tr(" (no son de confianza: %1)").arg(untrusted.join(QStringLiteral(", ")));
                remediation = Tr::tr("Quite el acceso a TCP %1 de las direcciones que no son de confianza.").arg(port);
            }
        } else if (!trusted.isEmpty()) {
            status = worst(status, Status::Warn);
            part += Tr::tr(" también para las IP de confianza");
            remediation = Tr::tr("Permita TCP %1 desde las IP de confianza.").arg(port);
        }
        parts.append(part);
    }
    QString actual = parts.join(QStringLiteral("; "));
    actual += view.active ? Tr::tr(" (reglas de %1)").arg(view.active->tool) : Tr::tr(" (ningún firewall activo en el servidor)");
    verdict(r, status, actual, remediation);
    return r;
}

CheckResult rsync(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    QList<int> ports = s.ports();
    if (ports.isEmpty())
        ports = {873, 2873};
    QStringList portNames;
    for (int p : ports)
        portNames.append(QString::number(p));
    r.expected = Tr::tr("servicio rsync escuchando en TCP %1").arg(portNames.join(Tr::tr(" o ")));
    r.evidence = c.evidence({QStringLiteral("listen"), QStringLiteral("rsync_service")});
    QString why;
    const ProbeSection *l = c.usable(QStringLiteral("listen"), &why);
    if (!l) {
        verdict(r, Status::Unknown, why);
        return r;
    }
    QStringList outside;
    QStringList loopback;
    for (const ListeningSocket &sock : parseSsListen(l->output)) {
        if (!ports.contains(sock.port))
            continue;
        const QString text = QStringLiteral("%1:%2%3").arg(sock.address.toString()).arg(sock.port)
                                 .arg(sock.process.isEmpty() ? QString() : QStringLiteral(" (") + sock.process + QLatin1Char(')'));
        (sock.loopbackOnly() ? loopback : outside).append(text);
    }
    if (!outside.isEmpty())
        verdict(r, Status::Pass, Tr::tr("escucha en %1").arg(outside.join(QStringLiteral(", "))));
    else if (!loopback.isEmpty())
        verdict(r, Status::Warn, Tr::tr("solo escucha en la interfaz local: %1").arg(loopback.join(QStringLiteral(", "))),
                Tr::tr("Configure rsync (address en rsyncd.conf) para escuchar en la interfaz pública."));
    else
        verdict(r, Status::Fail, Tr::tr("nada escucha en TCP %1").arg(portNames.join(QStringLiteral(", "))),
                Tr::tr("Active el servicio rsync (sudo systemctl enable --now rsync) o el contenedor que indique el instituto."));
    return r;
}

CheckResult protection(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    r.expected = Tr::tr("recomendado: filtro DDoS, WAF y CDN");
    const UrlFacts &u = c.in.console.url;
    const auto a = c.attestation(s.id);
    if (a) {
        r.evidence = attestationText(*a);
        verdict(r, a->affirmed ? Status::Pass : Status::Fail, attestationText(*a),
                Tr::tr("Recomendado: ponga el portal detrás de un CDN con WAF y protección DDoS."));
    } else if (!u.cdnHints.isEmpty()) {
        r.evidence = u.cdnHints.join(QLatin1Char('\n'));
        verdict(r, Status::Pass, Tr::tr("detectado en las cabeceras del portal: %1").arg(u.cdnHints.join(QStringLiteral(", "))));
    } else {
        verdict(r, Status::Warn, Tr::tr("no detectado en las cabeceras del portal y sin atestación"),
                Tr::tr("Recomendado: ponga el portal detrás de un CDN con WAF y protección DDoS, o registre una atestación."));
    }
    return r;
}

CheckResult url(const Context &c, const CheckSpec &s)
{
    CheckResult r;
    const int warnDays = int(s.number(QStringLiteral("warn_days"), 30));
    r.expected = Tr::tr("URL del portal por HTTPS, certificado válido por más de %1 días").arg(warnDays);
    const UrlFacts &u = c.in.console.url;
    if (u.url.isEmpty()) {
        verdict(r, Status::Fail, Tr::tr("el perfil de conexión no define la URL del portal"),
                Tr::tr("Defina la URL del portal (difusor_url) en el perfil de conexión."));
        return r;
    }
    if (!c.in.console.urlChecked) {
        verdict(r, Status::Unknown, Tr::tr("%1 no se consultó").arg(u.url));
        return r;
    }
    QStringList ev{QStringLiteral("GET %1").arg(u.url)};
    if (u.answered)
        ev.append(QStringLiteral("HTTP %1 (%2 ms)").arg(u.httpStatus).arg(u.durationMs));
    if (!u.errorText.isEmpty())
        ev.append(u.errorText);
    if (u.tlsUsed)
        ev.append(QStringLiteral("subject CN=%1; issuer %2; chain %3; notAfter %4")
                      .arg(u.subject, u.issuer).arg(u.chainLength).arg(u.expiryUtc.toString(Qt::ISODate)));
    ev.append(u.tlsErrors);
    r.evidence = ev.join(QLatin1Char('\n'));
    if (!u.tlsUsed && u.answered) {
        verdict(r, Status::Warn, Tr::tr("%1 responde HTTP %2 sin HTTPS").arg(u.url).arg(u.httpStatus),
                Tr::tr("Publique el portal por HTTPS (p. ej. certificado de Let's Encrypt)."));
        return r;
    }
    if (!u.tlsErrors.isEmpty() || (u.tlsUsed && !u.tlsValid)) {
        verdict(r, Status::Fail, Tr::tr("certificado no válido: %1").arg(u.tlsErrors.join(QStringLiteral("; "))),
                Tr::tr("Instale un certificado válido para el nombre del portal, con su cadena completa."));
        return r;
    }
    if (!u.answered) {
        verdict(r, Status::Fail, Tr::tr("%1 no respondió: %2").arg(u.url, u.errorText),
                Tr::tr("Revise que el portal esté publicado y que TCP 443 esté abierto."));
        return r;
    }
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(u.expiryUtc);
    const QString actual = Tr::tr("HTTP %1; certificado de %2 emitido por %3, vence el %4 (días restantes: %5)")
                               .arg(u.httpStatus).arg(u.subject, u.issuer, formatMexicoTime(u.expiryUtc, false)).arg(days);
    if (u.httpStatus >= 500)
        verdict(r, Status::Fail, actual, Tr::tr("El portal responde con error del servidor; revise el sitio."));
    else if (days < warnDays)
        verdict(r, Status::Warn, actual, Tr::tr("Renueve el certificado antes de la jornada electoral."));
    else
        verdict(r, Status::Pass, actual);
    return r;
}

} // namespace difusor::checks::eval
