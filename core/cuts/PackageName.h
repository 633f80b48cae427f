#pragma once

#include "CutTime.h"

#include <QString>

#include <optional>

namespace difusor::cuts {

// A PREP package name: YYYYMMDD_HHMM_PREP[_ELECCION][_ENT], e.g. "20240603_2000_PREP_DIP_LOC_PUE"
// (a folder, or a .zip / .tar.gz / .tgz / .csv of that name). HHMM is the cut's wall time in Central
// Mexico time; the name carries no offset, so it is compared with the cut line's wall time.
struct PackageName
{
    QString name;     // as given, without folders
    QDate date;
    QTime time;
    QString election; // "DIP_LOC", "PRES", … (may be empty)
    QString entity;   // "DGO", "PUE", … (empty when the name has none)
};

std::optional<PackageName> parsePackageName(const QString &nameOrPath);

// True when the package's date and HH:MM equal the cut line's wall date and time.
bool packageAgreesWithCut(const PackageName &package, const CutTime &cut);

// The 32 entity abbreviations used in PREP file names.
bool isEntityAbbreviation(const QString &token);

} // namespace difusor::cuts
