#pragma once

#include <QString>
#include <QStringList>

namespace difusor::test {

// True when running in CI (CI=true): there a missing server binary fails the test instead of skipping.
bool inCi();

// Timing limits of speed tests are multiplied by this: 1, or more in a sanitizer build
// (DIFUSOR_SANITIZE_SLOWDOWN, set by tests/CMakeLists.txt: ThreadSanitizer runs code several times
// slower). What a test checks for correctness never changes with it.
int timeScale();

// Absolute path of a program (searching PATH plus /usr/sbin and /sbin), or empty.
QString findProgram(const QString &name);

// A free TCP port on 127.0.0.1 (bound and released), never one this process was given before.
int freePort();

// Prefix for temporary folders of test fixtures: no_leftover_processes.sh looks for it.
QString tempTemplate(); // "<tmp>/difusor-test-XXXXXX"

} // namespace difusor::test

// Use in a test: skip (outside CI) or fail (in CI) when a program is missing.
#define DIFUSOR_REQUIRE_PROGRAM(var, name)                                                    \
    const QString var = difusor::test::findProgram(QStringLiteral(name));                    \
    if (var.isEmpty()) {                                                                      \
        if (difusor::test::inCi())                                                            \
            QFAIL("missing program in CI: " name);                                            \
        QSKIP("program not installed: " name);                                                \
    }
