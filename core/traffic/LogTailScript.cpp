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
# What a poll costs (issue 14: the tail may take at most 10 % of one server core at 20,000 lines/s,
# sshd included): one `stat` for the inode and the size; when the file grew, one `dd` reads the byte
# just before the new end and, when it is a newline (writers append whole lines: nearly always), one
# `dd` copies the new lines straight to the channel and says how many bytes it copied. Only a partial
# last line (or a line longer than the batch cap) takes the slower path that counts newlines first.
# The signature for copytruncate is taken about once a second, not every poll.
f=$1; ino=$2; off=$3; from_end=$4
max=4194304
nl='
'
# Bytes, not characters (tr, wc, dd's own report); and dd's report in English, to be read below.
LC_ALL=C; export LC_ALL
exec 4>&1
# GNU dd (coreutils) reads at a byte offset and counts bytes itself: the fast path. Without it
# (a non-GNU dd) every read takes the tail/head path.
D=0
dd if=/dev/null iflag=skip_bytes,count_bytes count=0 2>/dev/null && D=1
T=0
pause() {
  if [ "$T" = 1 ]; then read -r _ || T=0; fi
  [ "$T" = 1 ] || sleep 0.2
}
inode_of() { stat -c %i -- "$1" 2>/dev/null || ls -di -- "$1" 2>/dev/null | awk '{print $1}'; }
size_of() { stat -c %s -- "$1" 2>/dev/null || wc -c < "$1" 2>/dev/null; }
# Inode and size of $1 from one stat: si, sz (empty when it is gone).
stat_of() {
  s=$(stat -c '%i %s' -- "$1" 2>/dev/null)
  case $s in
    *[0-9]' '[0-9]*) si=${s% *}; sz=${s#* } ;;
    *) si=$(inode_of "$1"); sz=$(size_of "$1"); sz=${sz##* } ;;
  esac
  case $si in *[!0-9]*) si="";; esac
  case $sz in *[!0-9]*) sz="";; esac
}
# LEN bytes of FILE from byte START, to stdout: bytes FILE START LEN.
bytes() {
  if [ "$D" = 1 ]; then dd if="$1" iflag=skip_bytes,count_bytes skip="$2" count="$3" bs=65536 2>/dev/null
  else tail -c +$(($2 + 1)) -- "$1" 2>/dev/null | head -c "$3"; fi
}
find_by_inode() {
  for g in "$f" "$f".1 "$f"-* "$f".*; do
    case $g in *.gz|*.bz2|*.xz|*.zst|*.Z) continue;; esac
    if [ -f "$g" ] && [ "$(inode_of "$g")" = "$1" ]; then printf '%s\n' "$g"; return 0; fi
  done
  return 1
}
# A checksum of up to 4 KiB before an offset of this file (sigoff; many lines: their ends alone are
# alike): after a copytruncate, the copy holding the same bytes there is found and the lines written to
# the old file after our last read are read from it (logrotate's race). Any offset we read up to since
# the file was last emptied will do (the copy holds everything before the truncation), so it is taken
# again only every 5 reads (~1 s), not after each.
# The console's own signature of where it stands ($5: "CRC LENGTH"), for a copytruncate done while it was away.
sig=${5:-}
siglen=0; sigoff=$off; sigage=0
case $sig in *' '*) siglen=${sig##* };; *) sig="";; esac
case $siglen in '' | *[!0-9]*) sig=""; siglen=0;; esac
save_sig() {
  sig=""; sigoff=$off; sigage=0; siglen=$off; [ "$siglen" -gt 4096 ] && siglen=4096
  if [ "$siglen" -gt 0 ]; then sig=$(bytes "$1" $((off - siglen)) "$siglen" | cksum); fi
}
from_copy() {
  [ -n "$sig" ] || return 0
  for g in "$f".1 "$f"-* "$f".*; do
    case $g in *.gz|*.bz2|*.xz|*.zst|*.Z) continue;; esac
    [ -f "$g" ] || continue
    [ "$(inode_of "$g")" = "$ino" ] && continue
    gs=$(size_of "$g"); [ -n "$gs" ] || continue
    [ "$gs" -ge "$off" ] || continue
    [ "$(bytes "$g" $((sigoff - siglen)) "$siglen" | cksum)" = "$sig" ] || continue
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
# Reads the whole lines FILE ($1) has past off, up to max bytes; $2: its size when just taken.
drain() {
  full=0
  if [ -n "${2:-}" ]; then sz=$2; else stat_of "$1"; fi
  [ -n "$sz" ] || return 1
  if [ "$sz" -lt "$off" ]; then from_copy; off=0; sig=""; printf '\001T %s\n' "$ino"; fi
  [ "$sz" -gt "$off" ] || return 0
  len=$((sz - off)); [ "$len" -gt "$max" ] && len=$max
  # The byte before the end is a newline (read exits 0 on a whole line, 1 on anything else: another
  # byte, a NUL, nothing at all): the lines are copied by one dd, whose last line of report is
  # "N bytes (...) copied". Fewer bytes than asked means the file shrank under it (copytruncate): the
  # fragment is ended so that the control line starts a line of its own (the next poll sees the
  # truncation).
  if [ "$D" = 1 ] && dd if="$1" bs=1 skip=$((off + len - 1)) count=1 2>/dev/null | { read -r _; }; then
    r=$(dd if="$1" iflag=skip_bytes,count_bytes skip="$off" count="$len" bs=65536 2>&1 >&4)
    b=${r##*$nl}; b=${b%% *}
    case $b in '' | *[!0-9]*) b=0;; esac
    if [ "$b" -gt 0 ] && [ "$b" -lt "$len" ]; then printf '\n'; fi
  else
    n=$(tail -c +$((off + 1)) -- "$1" | head -c "$len" | tr -dc '\n' | wc -c)
    n=$((n + 0))
    if [ "$n" -eq 0 ]; then
      if [ "$len" -eq "$max" ]; then off=$((off + len)); printf '\001X %s\n\001P %s %s\n' "$len" "$ino" "$off"; full=1; fi
      return 0
    fi
    b=$(tail -c +$((off + 1)) -- "$1" | head -n "$n" | tee /dev/fd/4 | wc -c)
    b=$((b + 0))
  fi
  off=$((off + b))
  if [ "$b" -gt 0 ]; then
    sigage=$((sigage + 1))
    if [ -z "$sig" ] || [ "$sigage" -ge 5 ]; then save_sig "$1"; fi
  fi
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
  ino=${cur:-0}; off=0; sig=""
  if [ "$from_end" = 1 ] && [ -n "$cur" ]; then off=$(size_of "$f"); fi
elif [ "$cur" != "$ino" ] && ! find_by_inode "$ino" >/dev/null; then
  printf '\001G\n'; ino=${cur:-0}; off=0; sig=""
fi
printf '\001R %s %s\n' "$ino" "$off"
stable=0
beat=0
idle=0
while :; do
  # The heartbeat, data or not: sshd sends no signal when the channel goes (no pty) and stdin ended
  # with the script, so a failed write is the only sign. It kills us (SIGPIPE), or fails (EPIPE where
  # SIGPIPE is ignored) and we end.
  beat=$((beat + 1))
  if [ "$beat" -ge 5 ]; then printf '\001H\n' || exit 0; beat=0; fi
  report
  # One stat for what FILE is now (inode) and how far it goes (size). After 10 polls (~2 s) without a
  # line, only every 5th poll (~1 s) looks: an idle log costs one stat a second, and its next line
  # comes at most a second late. What FILE is (report, builtins only) is still seen every poll, and a
  # FILE that is not ok makes the next look immediate.
  cur=""; csz=""
  idle=$((idle + 1))
  [ "$fs" = ok ] || idle=0
  if [ "$fs" = ok ] && { [ "$idle" -le 10 ] || [ $((idle % 5)) -eq 0 ]; }; then stat_of "$f"; cur=$si; csz=$sz; fi
  if [ -n "$cur" ] && [ "$cur" != "$ino" ]; then
    old=""
    [ "$ino" != 0 ] && old=$(find_by_inode "$ino")
    if [ -n "$old" ]; then
      before=$off
      drain "$old"
      if [ "$off" = "$before" ]; then stable=$((stable + 1)); else stable=0; fi
      idle=0
      if [ "$stable" -lt 3 ]; then [ "$full" = 1 ] || pause; continue; fi
    elif [ "$ino" != 0 ]; then
      printf '\001G\n'
    fi
    ino=$cur; off=0; stable=0; sig=""
    printf '\001R %s %s\n' "$ino" "$off"
  fi
  before=$off
  if [ -n "$cur" ]; then drain "$f" "$csz"; fi
  [ "$off" = "$before" ] || idle=0
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
