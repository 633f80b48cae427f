#!/usr/bin/env bash
# The sanitizer job: builds the tests labelled "sanitize" with AddressSanitizer + UndefinedBehaviorSanitizer
# and with ThreadSanitizer, each in a build dir of its own (build-sanitize-address, build-sanitize-thread),
# and runs them; any report fails the test that caused it. Run from the project root:
#   tests/sanitize/run.sh               # both
#   tests/sanitize/run.sh thread        # one
# DIFUSOR_SANITIZE_JOBS (default 2) bounds the build and the tests run at once.
set -euo pipefail
cd "$(dirname "$0")/../.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
jobs="${DIFUSOR_SANITIZE_JOBS:-2}"
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
for kind in "${kinds[@]}"; do
    dir="build-sanitize-$kind"
    start=$(date +%s)
    # -O1 -g1: sanitizers want a little optimisation (speed) and line numbers in their reports; no UI,
    # whose tests are not in the set.
    cmake -S . -B "$dir" -DDIFUSOR_SANITIZE="$kind" -DDIFUSOR_BUILD_UI=OFF -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCMAKE_C_FLAGS_DEBUG="-O1 -g1" "${launcher[@]}" >/dev/null
    cmake --build "$dir" -j"$jobs" --target sanitize_tests
    built=$(date +%s)
    ctest --test-dir "$dir" -L sanitize -j"$jobs" --output-on-failure
    echo "sanitize $kind: built in $((built - start)) s, tests ran in $(( $(date +%s) - built )) s"
done
