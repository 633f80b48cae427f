# difusor-console cut watcher (POSIX sh, sent on stdin: sh -s -- DIR NONCE [FORCE_STAT] [INLINE_MAX]).
# Watches the publication folder DIR for PREP cut packages (YYYYMMDD_HHMM_PREP…: a folder holding the
# CSV, a .zip, or a bare .csv) on one long-lived channel and prints one line per event:
#   H NONCE METHOD                 how it watches: "inotifywait" or "stat" (1 s stat loop)
#   T NONCE EPOCH                  the server clock (seconds.nanoseconds), at start and every 5 s
#   P NONCE KIND CTIME SIZE SHA256 PATH
#                                  a new or changed complete package: KIND dir|zip|csv, CTIME the CSV's
#                                  (or zip's) change time = when it landed (rsync keeps the sender's
#                                  mtime, the change time is the rename into place), SIZE in bytes,
#                                  SHA256 of the CSV bytes ("-" if unknown), PATH relative to DIR
#   D NONCE                        after a P line of a package that arrived while watching (not in the
#   <base64 lines>                 first listing), when INLINE_MAX > 0 and base64 exists: the CSV bytes
#   Z NONCE                        (at most INLINE_MAX), so the console needs no second command
#   S NONCE                        the listing of what was already there is complete
#   K NONCE                        heartbeat, every second while watching (the console ignores it)
#   E NONCE WHAT                   a fatal problem, the script exits: "nodir" (DIR does not exist),
#                                  "notdir" (it is not a folder), "noaccess" (we may not list or enter it)
# Complete: a folder's CSV is renamed into place by rsync (its hidden temporary is ignored); a zip is
# reported once `unzip -tqq` accepts it; a bare CSV once its size and time held for one more scan (in
# the first listing: once untouched for 2 s).
# FORCE_STAT=1 uses the stat loop even where inotifywait exists. Installs nothing, writes no file.
# Ends within ~2 s of its channel going, whatever closed it: sshd sends no signal (no pty) and stdin
# ended with the script, so the only sign is a failed write. The reader writes a line every second
# (K) and ends when one fails (SIGPIPE, or EPIPE where SIGPIPE is ignored); the 1 s ticker then fails
# to write to the reader and kills inotifywait (it writes only on a file event) before it ends.

DIR=$1
N=${2:-w}
FORCE=${3:-0}
INLINE=${4:-0}
command -v base64 >/dev/null 2>&1 || INLINE=0
LIVE=0

PATH=$PATH:/usr/local/bin:/usr/bin:/bin
LC_ALL=C
export PATH LC_ALL

# Why the folder cannot be watched, in one word: missing, not a folder, or not ours to enter and list.
if [ ! -e "$DIR" ]; then printf 'E %s nodir\n' "$N"; exit 3; fi
if [ ! -d "$DIR" ]; then printf 'E %s notdir\n' "$N"; exit 3; fi
if [ ! -r "$DIR" ] || [ ! -x "$DIR" ]; then printf 'E %s noaccess\n' "$N"; exit 3; fi
cd "$DIR" 2>/dev/null || { printf 'E %s noaccess\n' "$N"; exit 3; }

# Change time with nanoseconds where stat can, else whole seconds.
SF='%.9Z %s'
case $(stat -c "$SF" . 2>/dev/null) in
    [0-9]*.[0-9]*' '[0-9]*) ;;
    *) SF='%Z %s' ;;
esac

clock() {
    t=$(date +%s.%N 2>/dev/null)
    case $t in *N* | '') t=$(date +%s) ;; esac
    printf 'T %s %s\n' "$N" "$t"
}

csum() {
    if [ "$1" = zip ]; then
        unzip -p "$2" '*.csv' '*.CSV' 2>/dev/null | sha256sum 2>/dev/null | cut -c1-64
    else
        sha256sum <"$2" 2>/dev/null | cut -c1-64
    fi
}

SEEN='|'
PEND='|'
scan() {
    more=0
    while read -r ct sz f; do
        [ -n "$f" ] || continue
        case $f in
            [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_[0-9][0-9][0-9][0-9]_PREP*/*) k=dir ;;
            [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_[0-9][0-9][0-9][0-9]_PREP*.[zZ][iI][pP]) k=zip ;;
            [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_[0-9][0-9][0-9][0-9]_PREP*.[cC][sS][vV]) k=csv ;;
            *) continue ;;
        esac
        key="$ct $sz $f"
        case $SEEN in *"|$key|"*) continue ;; esac
        if [ $k = zip ]; then
            unzip -tqq "$f" >/dev/null 2>&1 || { more=1; continue; }
        elif [ $k = csv ]; then
            case $PEND in
                *"|$key|"*) ;;
                *)
                    # In the first listing, a CSV untouched for 2 s is complete (it is reported caught up).
                    if [ $LIVE = 0 ] && [ $(($(date +%s) - ${ct%%.*})) -ge 2 ] 2>/dev/null; then :; else
                        PEND="$PEND$key|"
                        more=1
                        continue
                    fi
                    ;;
            esac
        fi
        s=$(csum $k "$f")
        [ -n "$s" ] || s=-
        SEEN="$SEEN$key|"
        printf 'P %s %s %s %s %s %s\n' "$N" "$k" "$ct" "$sz" "$s" "$f"
        if [ $LIVE = 1 ] && [ "$INLINE" -gt 0 ] 2>/dev/null; then
            printf 'D %s\n' "$N"
            if [ $k = zip ]; then
                unzip -p "$f" '*.csv' '*.CSV' 2>/dev/null | head -c "$INLINE" | base64
            else
                head -c "$INLINE" <"$f" 2>/dev/null | base64
            fi
            printf 'Z %s\n' "$N"
        fi
    done <<EOF
$(stat -c "$SF %n" -- [0-9]*_PREP*/*.csv [0-9]*_PREP*/*.CSV [0-9]*_PREP*.zip [0-9]*_PREP*.ZIP \
    [0-9]*_PREP*.csv [0-9]*_PREP*.CSV 2>/dev/null)
EOF
}

M=stat
if [ "$FORCE" != 1 ] && command -v inotifywait >/dev/null 2>&1; then M=inotifywait; fi
printf 'H %s %s\n' "$N" "$M"
clock
scan
printf 'S %s\n' "$N"
LIVE=1

# One reader: inotify events (any line) and a 1 s tick ("t") both wake it. With inotifywait a scan
# runs on each event and every 5 ticks (a safety net); in the stat loop on every tick.
{
    ip=
    if [ $M = inotifywait ]; then
        inotifywait -m -r -q -e close_write -e moved_to -e create -e delete --format e . 2>/dev/null &
        ip=$!
    fi
    # Once the reader is gone a tick fails: inotifywait goes with us (it keeps SIGPIPE's default).
    trap 'kill $ip 2>/dev/null; exit 0' PIPE
    while sleep 1; do
        if [ -n "$ip" ] && ! kill -0 "$ip" 2>/dev/null; then
            ip=
            echo F || break # inotifywait ended (e.g. out of watches): the reader falls back to stat
        fi
        echo t || break
    done
    [ -z "$ip" ] || kill "$ip" 2>/dev/null
} | {
    n=0
    while read -r x; do
        case $x in
            t)
                n=$((n + 1))
                if [ $M = stat ] || [ $((n % 5)) -eq 0 ] || [ "$more" = 1 ]; then scan; fi
                [ $((n % 5)) -eq 0 ] && clock
                printf 'K %s\n' "$N" || exit 0
                ;;
            F)
                M=stat
                printf 'H %s %s\n' "$N" "$M"
                ;;
            *) scan ;;
        esac
    done
}
