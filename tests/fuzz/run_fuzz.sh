#!/bin/sh
# Builds tests/fuzz/<name>.cpp with clang++ and libFuzzer (+ASan, UBSan) and runs it over its corpus.
# usage: run_fuzz.sh NAME PROJECT_ROOT OUT_DIR CLANGXX SECONDS QT_INCLUDE_DIRS(colon-separated) QT_CORE_LIB
set -eu
name=$1 root=$2 out=$3 clangxx=$4 seconds=$5 qtinc=$6 qtcore=$7
src="$root/tests/fuzz/$name.cpp"

skip() {
    echo "$1"
    if [ "${CI:-}" = "true" ]; then exit 1; fi
    exit 77
}
[ -n "$clangxx" ] && command -v "$clangxx" >/dev/null 2>&1 || skip "clang++ not installed: fuzz_$name skipped"

mkdir -p "$out/work" "$out/artifacts"
sources=$(sed -n 's|^// FUZZ_SOURCES:||p' "$src")
inc=""
oldifs=$IFS; IFS=:
for d in $qtinc; do inc="$inc -I$d"; done
IFS=$oldifs

# Rebuild only when the target or one of its sources (or a core header) is newer than the binary.
bin="$out/$name"
rebuild=1
if [ -x "$bin" ]; then
    rebuild=0
    for f in "$src" $(for s in $sources; do echo "$root/$s"; done); do
        [ "$f" -nt "$bin" ] && rebuild=1
    done
    [ -n "$(find "$root/core" -name '*.h' -newer "$bin" | head -1)" ] && rebuild=1
fi
if [ $rebuild = 1 ]; then
    echo "building $bin"
    # shellcheck disable=SC2086
    "$clangxx" -std=c++17 -O1 -g -fPIC -fno-omit-frame-pointer \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -I"$root/core" $inc "$src" $(for s in $sources; do echo "$root/$s"; done) \
        "$qtcore" -lz -o "$bin.tmp" || skip_build=1
    if [ "${skip_build:-0}" = 1 ]; then
        echo "fuzz_$name: build failed"
        exit 1
    fi
    mv "$bin.tmp" "$bin"
fi

dict=""
[ -f "$root/tests/fuzz/$name.dict" ] && dict="-dict=$root/tests/fuzz/$name.dict"
# New inputs go to the work corpus (build dir); the seeds in the source tree are read only.
# shellcheck disable=SC2086
exec "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/" $dict "$out/work" "$root/tests/fuzz/corpus/$name"
