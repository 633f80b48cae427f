#pragma once

#include "checks/CheckResult.h"
#include "checks/ProbeOutput.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

// Recorded and documented outputs under tests/checks/data/ (probe files use the nonce "REC").
namespace difusor::checks::testdata {

inline QByteArray read(const QString &name)
{
    QFile f(QStringLiteral(DIFUSOR_CHECKS_TEST_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

inline ProbeOutput probe(const QString &name)
{
    return parseProbeOutput(read(name), "REC", 65536);
}

inline const CheckResult *find(const QList<CheckResult> &results, const QString &id)
{
    for (const CheckResult &r : results) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

} // namespace difusor::checks::testdata
