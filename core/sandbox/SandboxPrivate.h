#pragma once

// Internal state of Sandbox, shared by Sandbox.cpp (start, stop) and SandboxFaults.cpp.
#include "PrepData.h"
#include "Sandbox.h"
#include "Servers.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>

class QTimer;

namespace difusor::sandbox {

class ControlServer;
class GroundTruth;
class ProcessGuard;
class PublicationStep;
class Publisher;
class ServerSet;
class Visitors;

class SandboxPrivate
{
public:
    SandboxOptions options;
    SandboxState state = SandboxState::Idle;
    SandboxPaths paths;
    QElapsedTimer clock;
    ProcessGuard *guard = nullptr;
    GroundTruth *truth = nullptr;
    ServerSet *servers = nullptr;
    PrepElection election;
    Publisher *publisher = nullptr;
    PublicationStep *publication = nullptr;
    Visitors *visitors = nullptr;
    ControlServer *control = nullptr;
    difusor::Profile profile;
    QHash<int, QTimer *> faultTimers; // timed faults in progress, by kind
    QSet<int> activeFaults;
    QSet<int> endingEarly; // faults a rollback is ending (their fault_end says "early": true)
    int rotations = 0;
    QString failure;
};

} // namespace difusor::sandbox
