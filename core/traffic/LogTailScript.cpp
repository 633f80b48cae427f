#include "LogTailScript.h"

namespace difusor::traffic {

QByteArray logTailScript()
{
    return QByteArrayLiteral(R"SH(# difusor-console log tail: sh -s -- FILE INODE OFFSET FROM_END [SIG]; line protocol in LogTailScript.h.
# Writes \001H at least every ~1 s and ends when a write fails (its channel is gone). Installs nothing,
# writes no file. Polls every 0.2 s: the pause comes from one long-lived ticker (perl, Essential on
# Debian and Ubuntu) writing a line every 0.2 s into a pipe we read, instead of forking `sleep 0.2` five
# times a second; where perl is missing, sleep it is. The ticker adds a line only while the last one was
# read (FIONREAD on its pipe, Linux), or once a second anyway: so a long read leaves no burst of ticks
# behind, and once we are gone its next write fails (SIGPIPE) within a second: nothing of ours outlives
# the channel.
f=$1; ino=$2; off=$3; from_end=$4
max=4194304
exec 4>&1
T=0
pause() {
  if [ "$T" = 1 ]; then read -r _ || T=0; fi
  [ "$T" = 1 ] || sleep 0.2
}
inode_of() { stat -c %i -- "$1" 2>/dev/null || ls -di -- "$1" 2>/dev/null | awk '{print $1}'; }
size_of() { stat -c %s -- "$1" 2>/dev/null || wc -c < "$1" 2>/dev/null; }
find_by_inode() {
  for g in "$f" "$f".1 "$f"-* "$f".*; do
    case $g in *.gz|*.bz2|*.xz|*.zst|*.Z) continue;; esac
    if [ -f "$g" ] && [ "$(inode_of "$g")" = "$1" ]; then printf '%s\n' "$g"; return 0; fi
  done
  return 1
}
# A checksum of up to 4 KiB before the offset (many lines: their ends alone are alike): after a
# copytruncate, the copy holding the same bytes there is found and the lines written to the old file
# after our last read are read from it (logrotate's race).
# The console's own signature of where it stands ($5: "CRC LENGTH"), for a copytruncate done while it was away.
sig=${5:-}
siglen=0
case $sig in *' '*) siglen=${sig##* };; *) sig="";; esac
case $siglen in '' | *[!0-9]*) sig=""; siglen=0;; esac
save_sig() {
  sig=""; siglen=$off; [ "$siglen" -gt 4096 ] && siglen=4096
  if [ "$siglen" -gt 0 ]; then sig=$(tail -c +$((off - siglen + 1)) -- "$1" 2>/dev/null | head -c "$siglen" | cksum); fi
}
from_copy() {
  [ -n "$sig" ] || return 0
  for g in "$f".1 "$f"-* "$f".*; do
    case $g in *.gz|*.bz2|*.xz|*.zst|*.Z) continue;; esac
    [ -f "$g" ] || continue
    [ "$(inode_of "$g")" = "$ino" ] && continue
    gs=$(size_of "$g"); [ -n "$gs" ] || continue
    [ "$gs" -ge "$off" ] || continue
    [ "$(tail -c +$((off - siglen + 1)) -- "$g" 2>/dev/null | head -c "$siglen" | cksum)" = "$sig" ] || continue
    len=$((gs - off)); [ "$len" -gt "$max" ] && len=$max
    n=$(tail -c +$((off + 1)) -- "$g" | head -c "$len" | tr -dc '\n' | wc -c)
    n=$((n + 0))
    [ "$n" -gt 0 ] && tail -c +$((off + 1)) -- "$g" | head -n "$n"
    # Counted with the current file's start as position: a dropped link before this line reads them again.
    printf '\001P %s 0\n' "$ino"
    return 0
  done
}
full=0
drain() {
  full=0
  sz=$(size_of "$1") || return 1
  [ -n "$sz" ] || return 1
  if [ "$sz" -lt "$off" ]; then from_copy; off=0; sig=""; printf '\001T %s\n' "$ino"; fi
  [ "$sz" -gt "$off" ] || return 0
  len=$((sz - off)); [ "$len" -gt "$max" ] && len=$max
  n=$(tail -c +$((off + 1)) -- "$1" | head -c "$len" | tr -dc '\n' | wc -c)
  n=$((n + 0))
  if [ "$n" -eq 0 ]; then
    if [ "$len" -eq "$max" ]; then off=$((off + len)); printf '\001X %s\n\001P %s %s\n' "$len" "$ino" "$off"; full=1; fi
    return 0
  fi
  b=$(tail -c +$((off + 1)) -- "$1" | head -n "$n" | tee /dev/fd/4 | wc -c)
  off=$((off + b))
  save_sig "$1"
  printf '\001P %s %s\n' "$ino" "$off"
  [ "$len" -eq "$max" ] && full=1
  return 0
}
main() {
# Our own pid (we run in a pipeline's subshell: $$ is our parent's), for diagnosis and tests.
me=$$
read -r me _ 2>/dev/null </proc/self/stat || me=$$
printf '\001I %s\n' "$me"
# What FILE is now (no fork: [ is built in): ok, missing, notfile (a folder, a device…) or unreadable.
check() {
  if [ -f "$f" ]; then
    if [ -r "$f" ]; then fs=ok; else fs=unreadable; fi
  elif [ -e "$f" ]; then fs=notfile
  else fs=missing
  fi
}
# Said at start, at once when it becomes ok, and after 10 polls (~2 s) in another state: a rotation's
# moment without FILE is not news.
rep=""; cnt=0
report() {
  check
  if [ "$fs" = "$rep" ]; then cnt=0; return 0; fi
  cnt=$((cnt + 1))
  if [ -z "$rep" ] || [ "$fs" = ok ] || [ "$cnt" -ge 10 ]; then printf '\001S %s\n' "$fs"; rep=$fs; cnt=0; fi
}
report
cur=""
[ "$fs" = ok ] && cur=$(inode_of "$f")
if [ "$ino" = 0 ]; then
  ino=${cur:-0}; off=0
  if [ "$from_end" = 1 ] && [ -n "$cur" ]; then off=$(size_of "$f"); fi
elif [ "$cur" != "$ino" ] && ! find_by_inode "$ino" >/dev/null; then
  printf '\001G\n'; ino=${cur:-0}; off=0
fi
printf '\001R %s %s\n' "$ino" "$off"
stable=0
beat=0
while :; do
  # The heartbeat, data or not: sshd sends no signal when the channel goes (no pty) and stdin ended
  # with the script, so a failed write is the only sign. It kills us (SIGPIPE), or fails (EPIPE where
  # SIGPIPE is ignored) and we end.
  beat=$((beat + 1))
  if [ "$beat" -ge 5 ]; then printf '\001H\n' || exit 0; beat=0; fi
  report
  cur=""
  [ "$fs" = ok ] && cur=$(inode_of "$f")
  if [ -n "$cur" ] && [ "$cur" != "$ino" ]; then
    old=""
    [ "$ino" != 0 ] && old=$(find_by_inode "$ino")
    if [ -n "$old" ]; then
      before=$off
      drain "$old"
      if [ "$off" = "$before" ]; then stable=$((stable + 1)); else stable=0; fi
      if [ "$stable" -lt 3 ]; then [ "$full" = 1 ] || pause; continue; fi
    elif [ "$ino" != 0 ]; then
      printf '\001G\n'
    fi
    ino=$cur; off=0; stable=0
    printf '\001R %s %s\n' "$ino" "$off"
  fi
  before=$off
  if [ -n "$cur" ]; then drain "$f"; fi
  [ "$full" = 1 ] || pause
done
}
if command -v perl >/dev/null 2>&1; then
  perl -e '$SIG{PIPE} = sub { exit 0 }; my ($n, $last) = (pack("L", 0), 0);
    while (1) { select(undef, undef, undef, 0.2);
      my $queued = ioctl(STDOUT, 0x541B, $n) ? unpack("L", $n) : 0;  # FIONREAD (Linux)
      next if $queued > 0 && time - $last < 1;
      syswrite(STDOUT, "\n") or exit 0; $last = time; }' </dev/null 2>/dev/null | { T=1; main; }
else
  main </dev/null
fi
)SH");
}

} // namespace difusor::traffic
