// libFuzzer target: the PREP CSV parser (core/cuts/PrepCsv) on arbitrary bytes.
// Seeds: tests/fuzz/corpus/prep_csv/ (the realistic samples of tests/cuts/data plus small edge cases).
// FUZZ_SOURCES: core/cuts/PrepCsv.cpp core/cuts/PrepCut.cpp core/cuts/CutTime.cpp core/cuts/PackageName.cpp core/cuts/CsvRecordReader.cpp
#include "cuts/CutTime.h"
#include "cuts/PackageName.h"
#include "cuts/PrepCsv.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace difusor::cuts;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    PrepCsvLimits limits;
    limits.maxBytes = 1 << 20;
    limits.maxRows = 20000;
    limits.maxFieldBytes = 4096;
    limits.maxColumns = 256;
    const PrepParseResult result = parsePrepCsv(bytes, QStringLiteral("20240602_2115_PREP_DIP_LOC_DGO"), limits);
    if (result.cut) {
        const PrepCut &cut = *result.cut;
        // Invariants that must hold for any input.
        if (cut.casillaRows < 0 || cut.casillaRows > limits.maxRows || cut.malformedRows < 0
            || cut.issues.size() > limits.maxIssues || !cut.cut.utc.isValid()
            || cut.partyColumns.size() > cut.casillaColumns.size())
            __builtin_trap();
        (void)cut.summaryJson();
    } else if (result.error.isEmpty()) {
        __builtin_trap(); // a failure always says why
    }

    // The small parsers on the same bytes as text.
    const QString text = QString::fromUtf8(bytes.left(300));
    if (const auto t = parseCutTime(text)) {
        if (!t->utc.isValid())
            __builtin_trap();
    }
    (void)parsePackageName(text);
    return 0;
}
