#!/bin/sh
# Builds the Debian package with cpack from the build tree into a temporary folder and checks it:
# name, version and architecture; Depends holds the package of every library the binary links
# (computed by dpkg-shlibdeps) plus the run-time tools packaging/cpack.cmake declares; the binary,
# desktop entry, AppStream metadata, icon, man page, copyright and changelog at their paths; the man
# page names every option the built program's usage texts name; `lintian --fail-on error` passes.
# Usage: check_deb.sh BUILD_DIR CPACK VERSION APP_ID CHANGELOG
# Exit 0 pass, 1 fail, 77 skipped (a tool is missing and CI is not set).
set -eu
BUILD_DIR=$1 CPACK=$2 VERSION=$3 APP_ID=$4 CHANGELOG=$5

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

in_ci() { case "${CI:-}" in "" | false) return 1 ;; *) return 0 ;; esac; }
for tool in dpkg-deb dpkg-shlibdeps lintian readelf gzip; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if in_ci; then
            echo "FAIL: $tool is missing (packaging/install-deps.sh installs it)"
            exit 1
        fi
        echo "SKIP: $tool is missing (packaging/install-deps.sh installs it)"
        exit 77
    fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/difusor-deb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

# 1. The package, as a user makes it (cpack -G DEB), into the temporary folder.
start=$(date +%s)
if ! "$CPACK" -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$WORK/out" >"$WORK/cpack.log" 2>&1; then
    cat "$WORK/cpack.log"
    echo "FAIL: cpack -G DEB failed"
    exit 1
fi
ARCH=$(dpkg --print-architecture)
DEB="$WORK/out/difusor-console_${VERSION}_${ARCH}.deb"
if [ ! -f "$DEB" ]; then
    cat "$WORK/cpack.log"
    echo "FAIL: cpack made no $(basename "$DEB"); it made: $(ls "$WORK/out")"
    exit 1
fi
echo "cpack: $(basename "$DEB"), $(du -k "$DEB" | cut -f1) KiB, $(($(date +%s) - start)) s"

# 2. Control fields.
field() { dpkg-deb --field "$DEB" "$1"; }
[ "$(field Package)" = difusor-console ] && ok "Package: difusor-console" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$VERSION" ] && ok "Version: $VERSION" || fail "Version is '$(field Version)', the project's is $VERSION"
[ "$(field Architecture)" = "$ARCH" ] && ok "Architecture: $ARCH" || fail "Architecture is '$(field Architecture)'"
DEPENDS=$(field Depends)
SUGGESTS=$(field Suggests)
echo "Depends: $DEPENDS"
echo "Suggests: $SUGGESTS"
# Package names of a relation field, one a line (alternatives split, versions dropped).
names() { echo "$1" | tr ',|' '\n\n' | sed 's/(.*)//; s/:any//; s/[[:space:]]//g' | grep -v '^$' || true; }
has() { names "$1" | grep -qx "$2"; }

# The binary's own libraries: each NEEDED soname's package must be in Depends (that is what
# dpkg-shlibdeps computes; a hand-written list would miss or mistype them).
dpkg-deb -x "$DEB" "$WORK/root"
BIN="$WORK/root/usr/bin/difusor-console"
# The front (bin) becomes one of the programs in libexec (app/front.cpp): stats, the other commands,
# the window's (which the commands' program becomes for the window and `export`).
PROGRAMS="$WORK/root/usr/libexec/difusor-console"
STATS="$PROGRAMS/difusor-console-stats"
COMMANDS="$PROGRAMS/difusor-console-commands"
WINDOW="$PROGRAMS/difusor-console-gui"
for exe in "$BIN" "$STATS" "$COMMANDS" "$WINDOW"; do
    name=${exe#"$WORK/root"}
    if [ ! -x "$exe" ]; then
        fail "$name is not in the package"
        continue
    fi
    needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    [ -n "$needed" ] || fail "readelf found no NEEDED entries in $name"
    for so in $needed; do
        path=$(ldconfig -p | awk -v so="$so" '$1 == so { print $NF; exit }')
        if [ -z "$path" ]; then
            fail "$so (NEEDED by $name) is not installed here; cannot tell its package"
            continue
        fi
        pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n1 | cut -d: -f1) || true
        [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -n1 | cut -d: -f1) || true
        if [ -z "$pkg" ]; then
            fail "$so: no package owns $path"
        elif has "$DEPENDS" "$pkg"; then
            ok "Depends has $pkg ($so, $name)"
        else
            fail "Depends lacks $pkg, which holds $so ($name)"
        fi
    done
done
# Each program loads only what it uses (each command starts sooner without the rest).
if [ -x "$BIN" ]; then
    extra=$(readelf -d "$BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -v '^libc\.so' || true)
    [ -z "$extra" ] && ok "usr/bin/difusor-console loads only the C library" \
        || fail "usr/bin/difusor-console needs more than the C library: $(echo $extra)"
fi
if [ -x "$COMMANDS" ]; then
    readelf -d "$COMMANDS" | grep -q 'NEEDED.*libQt6\(Gui\|Widgets\|Charts\)' \
        && fail "difusor-console-commands needs Qt GUI or widgets: $(readelf -d "$COMMANDS" | grep -o 'libQt6[A-Za-z]*' | tr '\n' ' ')" \
        || ok "difusor-console-commands loads no Qt GUI, widgets or charts"
fi
if [ -x "$STATS" ]; then
    extra=$(readelf -d "$STATS" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' \
            | grep -E '^(libQt6|libssh|libssl|libcrypto|libkrb5|libgssapi)' | grep -v '^libQt6Core\.' || true)
    [ -z "$extra" ] && ok "difusor-console-stats loads Qt Core and no other Qt module, libssh or OpenSSL" \
        || fail "difusor-console-stats needs more than Qt Core: $(echo $extra)"
fi
names "$DEPENDS" | grep -q '^libqt6core6' && ok "Depends has Qt 6 (libqt6core6*)" || fail "Depends has no libqt6core6*"
names "$DEPENDS" | grep -q '^libssh-' && ok "Depends has libssh" || fail "Depends has no libssh-*"
for p in libqt6sql6-sqlite openssh-client fonts-dejavu-core; do
    has "$DEPENDS" "$p" && ok "Depends has $p (declared)" || fail "Depends lacks $p (declared in packaging/cpack.cmake)"
done
for p in openssh-server nginx rsync; do
    has "$SUGGESTS" "$p" && ok "Suggests has $p (sandbox)" || fail "Suggests lacks $p (sandbox)"
done
for p in openssh-server nginx nginx-light rsync inotify-tools; do
    has "$DEPENDS" "$p" && fail "Depends has $p: only the sandbox or the server needs it"
done

# 3. Files at their paths.
dpkg-deb --contents "$DEB" >"$WORK/contents"
for f in /usr/bin/difusor-console \
         /usr/libexec/difusor-console/difusor-console-stats \
         /usr/libexec/difusor-console/difusor-console-commands \
         /usr/libexec/difusor-console/difusor-console-gui \
         "/usr/share/applications/$APP_ID.desktop" \
         "/usr/share/metainfo/$APP_ID.metainfo.xml" \
         "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
         /usr/share/man/man1/difusor-console.1.gz \
         /usr/share/doc/difusor-console/copyright \
         /usr/share/doc/difusor-console/changelog.gz; do
    grep -q "[[:space:]]\.$f\$" "$WORK/contents" && ok "contains $f" || fail "no $f in the package"
done
for f in usr/bin/difusor-console usr/libexec/difusor-console/difusor-console-stats \
         usr/libexec/difusor-console/difusor-console-commands usr/libexec/difusor-console/difusor-console-gui; do
    grep -q "^-rwxr-xr-x root/root .* \\./$f\$" "$WORK/contents" \
        && ok "/$f is root:root 0755" || fail "/$f owner or mode: $(grep "$f" "$WORK/contents")"
done
grep -q 'usr/local\|/home/\|/tmp/' "$WORK/contents" && fail "paths outside /usr: $(grep 'usr/local\|/home/\|/tmp/' "$WORK/contents")"
changelog_version=$(dpkg-parsechangelog -l "$CHANGELOG" -S Version 2>/dev/null || sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$CHANGELOG")
[ "$changelog_version" = "$VERSION" ] && ok "packaging/debian/changelog's top entry is $VERSION" \
    || fail "packaging/debian/changelog's top entry is $changelog_version, the project is $VERSION: add an entry"

# 4. The man page documents every option that the program's --help and each command's and sub-command's
# --help print. The commands are those each usage text lists under "Órdenes" (DIFUSOR_LANG=es), so a new
# command is checked without editing this script. --help must answer on stdout with exit 0, without a
# window (offscreen and a timeout).
MAN="$WORK/root/usr/share/man/man1/difusor-console.1.gz"
if [ -f "$MAN" ] && [ -x "$BIN" ]; then
    gzip -dc "$MAN" | sed 's/\\-/-/g' >"$WORK/man.txt"
    echo "" >"$WORK/queue"  # command lines still to look at; the empty one is the program itself
    seen=0
    while [ -s "$WORK/queue" ]; do
        command=$(head -n1 "$WORK/queue")
        sed -i 1d "$WORK/queue"
        seen=$((seen + 1))
        [ "$seen" -le 30 ] || { fail "more than 30 command lines: a loop in the Órdenes sections?"; break; }
        name="difusor-console${command:+ $command}"
        # shellcheck disable=SC2086 # the words of the command line
        if ! DIFUSOR_LANG=es QT_QPA_PLATFORM=offscreen timeout 20 "$BIN" $command --help >"$WORK/usage" 2>"$WORK/usage.err" </dev/null; then
            fail "$name --help did not exit 0: $(head -c 300 "$WORK/usage.err")"
            continue
        fi
        options=$(grep -o -- '--[a-z][a-z-]*' "$WORK/usage" | sort -u)
        [ -n "$options" ] || fail "$name --help printed no options: $(head -c 300 "$WORK/usage")"
        missing=""
        for o in $options; do
            grep -q -e "$o\\([^a-z-]\\|\$\\)" "$WORK/man.txt" || missing="$missing $o"
        done
        [ -z "$missing" ] && ok "man page names every option of $name ($(echo $options | wc -w))" \
            || fail "man page lacks $name's:$missing"
        for sub in $(awk '/^Órdenes/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' "$WORK/usage"); do
            echo "${command:+$command }$sub" >>"$WORK/queue"
        done
    done
    [ "$seen" -ge 8 ] && ok "$seen command lines looked at" || fail "only $seen command lines found (program, check, watch, stats, sandbox and its 3 at least)"
fi

# 5. lintian: no errors (warnings are listed, not fatal).
if lintian --fail-on error --display-info "$DEB" >"$WORK/lintian.log" 2>&1; then
    ok "lintian --fail-on error"
else
    fail "lintian reports errors"
fi
sed 's/^/  lintian: /' "$WORK/lintian.log"

echo "$failures failure(s), $(($(date +%s) - start)) s"
[ "$failures" -eq 0 ]
