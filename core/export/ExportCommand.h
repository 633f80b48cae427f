#pragma once

#include <QStringList>

namespace difusor::exporting {

// `difusor-console export verify DIR [--format text|json]`
//
// Checks the BagIt bag in DIR (BagVerifier): with text, each problem on its own line on stdout
// ("data/norte/access.log: el SHA-256 no coincide…", warnings prefixed "aviso: "), the verdict and the
// progress of big bags on stderr; with json one object {"bag","valid","not_a_bag","version",
// "algorithms","payload_files","payload_bytes","errors","warnings","problems":[{"kind","severity",
// "file","message"}]}. Exit: 0 valid (warnings allowed), 1 not valid, 2 bad input (DIR missing or
// not a bag, a bad option).
//
// The collecting half (`export --profile P --out DIR …`) is not there yet: it exits 2 saying so.
// args excludes the program name and "export".
int runExportCommand(const QStringList &args);

} // namespace difusor::exporting
