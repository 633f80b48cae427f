#include "Sandbox.h"

#include "common/Tr.h"

#include <QTimer>

namespace difusor::sandbox {

class SandboxPrivate
{
public:
    SandboxOptions options;
    SandboxState state = SandboxState::Idle;
};

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxPrivate>())
{
    d->options = std::move(options);
}

Sandbox::~Sandbox() = default;

void Sandbox::start()
{
    d->state = SandboxState::Failed;
    QTimer::singleShot(0, this, [this] { Q_EMIT failed(tr("El simulador aún no está disponible.")); });
}

void Sandbox::stop()
{
    d->state = SandboxState::Stopped;
    QTimer::singleShot(0, this, [this] { Q_EMIT stopped(); });
}

SandboxState Sandbox::state() const { return d->state; }
difusor::Profile Sandbox::profile() const { return {}; }
QString Sandbox::stateDir() const { return {}; }
QString Sandbox::groundTruthPath() const { return {}; }
QString Sandbox::controlPath() const { return {}; }

bool Sandbox::injectFault(FaultKind, const FaultArgs &, QString *error)
{
    if (error)
        *error = tr("El simulador no está en marcha.");
    return false;
}

QList<FaultDescription> Sandbox::faults() { return {}; }
QString Sandbox::missingProgramsMessage() { return {}; }

QString faultId(FaultKind) { return {}; }
std::optional<FaultKind> faultFromId(const QString &) { return std::nullopt; }

} // namespace difusor::sandbox
