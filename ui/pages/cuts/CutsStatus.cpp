#include "CutsStatus.h"

#include "widgets/StateIcon.h"

#include <QCoreApplication>

namespace difusor::ui {

using cuts::Incident;
using cuts::IncidentKind;
using remote::ConnectionState;

namespace {

bool onOurSite(const Incident &incident)
{
    return incident.subject == cuts::siteId(cuts::Site::Difusor);
}

// Lower is worse.
int rank(const Incident &incident)
{
    switch (incident.kind) {
    case IncidentKind::CutBackwards:
    case IncidentKind::CutUnreadable: return 0;
    case IncidentKind::StaleSite: return 1;
    case IncidentKind::LateCut: return 2;
    case IncidentKind::Lag: return 3;
    case IncidentKind::SiteUnreachable:
    case IncidentKind::SiteHttpError:
    case IncidentKind::Certificate:
    case IncidentKind::SiteNoCut: return onOurSite(incident) ? 4 : 7;
    case IncidentKind::ClockSkew: return 5;
    case IncidentKind::SkippedCut:
    case IncidentKind::CutNameMismatch: return 6;
    }
    return 8;
}

CutsStatus::Level level(const Incident &incident)
{
    return rank(incident) <= 4 ? CutsStatus::Level::Alarm : CutsStatus::Level::Warning;
}

} // namespace

QString incidentShortText(const Incident &incident, qint64 maxLagMs)
{
    const bool ours = onOurSite(incident);
    switch (incident.kind) {
    case IncidentKind::CutBackwards: return CutsStatus::tr("Corte hacia atrás");
    case IncidentKind::StaleSite: return CutsStatus::tr("Sitio desactualizado");
    case IncidentKind::LateCut: return CutsStatus::tr("Corte atrasado");
    case IncidentKind::Lag: return CutsStatus::tr("Desfase > %1 s").arg(maxLagMs / 1000);
    case IncidentKind::SiteUnreachable:
        return ours ? CutsStatus::tr("Nuestro sitio no responde") : CutsStatus::tr("El PREP oficial no responde");
    case IncidentKind::SiteHttpError:
        return ours ? CutsStatus::tr("Nuestro sitio da error HTTP") : CutsStatus::tr("El PREP oficial da error HTTP");
    case IncidentKind::Certificate:
        return ours ? CutsStatus::tr("Certificado de nuestro sitio no válido") : CutsStatus::tr("Certificado del PREP oficial no válido");
    case IncidentKind::SiteNoCut:
        return ours ? CutsStatus::tr("Nuestro sitio no muestra la hora de corte")
                    : CutsStatus::tr("El PREP oficial no muestra la hora de corte");
    case IncidentKind::ClockSkew: return CutsStatus::tr("Reloj del servidor desfasado");
    case IncidentKind::SkippedCut: return CutsStatus::tr("Corte omitido");
    case IncidentKind::CutUnreadable: return CutsStatus::tr("Paquete ilegible");
    case IncidentKind::CutNameMismatch: return CutsStatus::tr("Nombre del paquete no coincide");
    }
    return cuts::incidentKindText(incident.kind);
}

CutsStatus evaluateCutsStatus(bool monitoring, bool anyCut, const QList<Incident> &open, qint64 maxLagMs,
                              const QString &watcherProblem)
{
    CutsStatus status;
    if (!monitoring) {
        status.level = CutsStatus::Level::Off;
        status.text = CutsStatus::tr("Sin vigilancia");
        status.detail = CutsStatus::tr("Conéctese a un servidor para vigilar sus cortes.");
        return status;
    }
    QList<Incident> sorted = open;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Incident &a, const Incident &b) { return rank(a) < rank(b); });
    const QString unwatched = CutsStatus::tr("Carpeta sin vigilar");
    if (!sorted.isEmpty() && (watcherProblem.isEmpty() || level(sorted.first()) == CutsStatus::Level::Alarm)) {
        const Incident &worst = sorted.first();
        status.level = level(worst);
        status.text = incidentShortText(worst, maxLagMs);
        status.detail = worst.detail;
        for (qsizetype i = 1; i < sorted.size(); ++i)
            status.others.append(incidentShortText(sorted.at(i), maxLagMs));
        if (!watcherProblem.isEmpty())
            status.others.append(unwatched);
        return status;
    }
    // A folder nobody watches cannot tell of a late cut: never "En tiempo" then.
    if (!watcherProblem.isEmpty()) {
        status.level = CutsStatus::Level::Warning;
        status.text = unwatched;
        status.detail = watcherProblem;
        for (const Incident &incident : sorted)
            status.others.append(incidentShortText(incident, maxLagMs));
        return status;
    }
    if (!anyCut) {
        status.level = CutsStatus::Level::Waiting;
        status.text = CutsStatus::tr("Esperando el primer corte");
        status.detail = CutsStatus::tr("Aún no hay cortes en la carpeta de publicación ni en los sitios.");
        return status;
    }
    status.level = CutsStatus::Level::Ok;
    status.text = CutsStatus::tr("En tiempo");
    status.detail = CutsStatus::tr("Sin incidentes abiertos de cortes ni de publicación.");
    return status;
}

namespace {

ConnectionState iconState(CutsStatus::Level level)
{
    switch (level) {
    case CutsStatus::Level::Ok: return ConnectionState::Connected;
    case CutsStatus::Level::Waiting:
    case CutsStatus::Level::Warning: return ConnectionState::Reconnecting;
    case CutsStatus::Level::Alarm: return ConnectionState::Failed;
    case CutsStatus::Level::Off: break;
    }
    return ConnectionState::Disconnected;
}

} // namespace

QColor levelColor(CutsStatus::Level level)
{
    if (level == CutsStatus::Level::Waiting)
        return QColor(0x1c, 0x5f, 0xa8); // blue: nothing wrong, nothing yet
    return stateColor(iconState(level));
}

QPixmap levelIcon(CutsStatus::Level level, int size)
{
    return stateIcon(iconState(level), size);
}

} // namespace difusor::ui
