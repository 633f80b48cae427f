# difusor-console infrastructure probe (POSIX sh, sent on stdin: sh -s -- NONCE SUDO MAXBYTES TIMEOUT
# [PUBLICATION_DIR [ACCESS_LOG]]).
# Gathers every fact of the requirement profile in one round trip. Needs no root, installs nothing,
# writes no file. Every command runs under `timeout`; each section is framed as
#   ==>NONCE name
#   $ command as run
#   <raw output, stdout and stderr, at most MAXBYTES bytes>
#   <==NONCE exit N
# The nonce comes from the console, so a command's own output cannot fake a frame.
# SUDO=1 lets the firewall sections (and only those) try `sudo -n`, which never asks for a password.
# The two "date" sections come first, back to back, so the console, which reads this output as it
# streams, can compare clocks (each line timed on arrival) before it starts the throughput measures on
# channels of their own, while the facts are gathered.
# PUBLICATION_DIR and ACCESS_LOG (the connection profile's; empty: not asked) get a section each
# (path_publication, path_access_log) saying, as the SSH user sees it, whether the path exists, its type,
# whether it may be read (and entered), its change time against the server's clock, and `ls -ld`.
# Nothing of it outlives its channel: sshd sends no signal when the channel or the link goes (no pty),
# and the software and network groups write nothing to the channel until they end (they are kept in
# variables), so a failed write would come late. A watchdog looks every second whether the session
# sshd (or the console, run locally) made for us still has its parent; once that is gone (the leader
# was handed to init) it kills every process of the session. Where /proc cannot tell, or we are not in a session of our own (run
# by hand from another program), there is no watchdog and the sections' timeouts bound the run.

N=${1:-probe}
SUDO=${2:-0}
MAX=${3:-65536}
T=${4:-5}
PUB=${5:-}
LOG=${6:-}

PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin:/snap/bin
LC_ALL=C
export PATH LC_ALL

# /proc/PID/stat: "PID (COMM) STATE PPID PGRP SESSION …" (COMM may hold spaces and parentheses).
WD=
if read -r s 2>/dev/null </proc/$$/stat; then
    set -- ${s##*') '}
    sid=$4
    # A session of our own (sshd and the console's local runs start one), led by us or by the sh -c
    # that started us; its leader's parent is sshd (or the console).
    if { [ "$sid" = $$ ] || [ "$sid" = "$PPID" ]; } && read -r s 2>/dev/null </proc/"$sid"/stat \
        && [ "${s%%') '*}" = "$sid (sh" ]; then
        set -- ${s##*') '}
        sp=$2
        (
            while sleep 1; do
                kill -0 $$ 2>/dev/null || exit 0
                # Orphaned: the leader was handed to init (or a subreaper) when its parent went.
                read -r s 2>/dev/null </proc/"$sid"/stat || break
                set -- ${s##*') '}
                [ "$2" = "$sp" ] || break
            done
            # Every process of the session but this one (a command may have made a process group of
            # its own, as timeout without --foreground does). Twice: a shell may fork while we sweep.
            read -r me _ </proc/self/stat
            for pass in 1 2; do
                for d in /proc/[0-9]*; do
                    read -r s 2>/dev/null <"$d/stat" || continue
                    set -- ${s##*') '}
                    [ "$4" = "$sid" ] && [ "${d#/proc/}" != "$me" ] && kill -s KILL "${d#/proc/}" 2>/dev/null
                done
            done
        ) </dev/null >/dev/null 2>&1 &
        WD=$!
    fi
fi
exec 4>&1

# GNU timeout gives its command a process group of its own unless --foreground: kept in ours, a
# cancel (the console kills our group) reaches it too. BusyBox timeout runs it in place already.
TO=""
if timeout --foreground 1 true 2>/dev/null; then
    TO="timeout --foreground -k 1 $T"
elif command -v timeout >/dev/null 2>&1; then
    TO="timeout -k 1 $T"
fi

# sec NAME CMD...: runs CMD (no stdin, stderr merged), output bounded by head -c, exit status kept.
sec() {
    name=$1
    shift
    printf '==>%s %s\n$ %s\n' "$N" "$name" "$*"
    st=$( { { $TO "$@" </dev/null 2>&1; echo "$?" >&3; } | head -c "$MAX" >&4; } 3>&1 )
    printf '\n<==%s exit %s\n' "$N" "${st:-255}"
}

# Firewall rules need root: as root run directly; with SUDO=1 try sudo -n; else run as is
# (the tool's own "you must be root" is the evidence, and the console says UNKNOWN).
fw() {
    name=$1
    shift
    if [ "$(id -u)" = 0 ]; then
        sec "$name" "$@"
    elif [ "$SUDO" = 1 ] && command -v sudo >/dev/null 2>&1; then
        sec "$name" sudo -n "$@"
    else
        sec "$name" "$@"
    fi
}

sec clock_start date +%s.%N
sec clock_end date +%s.%N

# The three groups run at the same time (each command still under timeout); their output comes
# out in order: hardware streams through the pipe (the kernel buffers 64 KiB of it) while software
# and network are each kept in a variable and printed after it. Each group points fd 4 (where sec
# writes the raw output) at its own stdout.
hardware() {
    exec 4>&1
    sec probe sh -c 'echo "version=1"; echo "uid=$(id -u)"; echo "user=$(id -un)"; echo "groups=$(id -Gn)"; uname -srm'
    sec virt systemd-detect-virt

    sec nproc nproc
    sec nproc_all nproc --all
    sec lscpu lscpu
    sec cpuinfo grep -E '^(processor|model name|cpu MHz|physical id|core id|cpu cores)[[:space:]]*:' /proc/cpuinfo
    sec cpufreq cat /sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq
    # One line per sh -c: the frame's "$ command" line must stay one line.
    sec cgroup_cpu sh -c 'if [ -r /sys/fs/cgroup/cpu.max ]; then echo "v2 $(cat /sys/fs/cgroup/cpu.max)"; elif [ -r /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then echo "v1 $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)"; else echo none; fi'
    sec meminfo grep -E '^(MemTotal|MemAvailable|SwapTotal):' /proc/meminfo

    # Docker's data root, when the daemon answers; else its default folder, else /.
    root=$($TO docker info --format '{{.DockerRootDir}}' 2>/dev/null </dev/null)
    case $root in
    /*) ;;
    *) if [ -d /var/lib/docker ]; then root=/var/lib/docker; else root=/; fi ;;
    esac
    sec docker_root echo "$root"
    sec df df -P -k "$root"
    dev=$(df -P "$root" 2>/dev/null | awk 'NR==2 {print $1}')
    case $dev in
    /dev/*) sec lsblk_fs lsblk -s -n -o NAME,ROTA,TYPE "$dev" ;;
    esac
    sec lsblk lsblk -d -o NAME,ROTA,TYPE
    sec blockdev sh -c 'for d in /sys/block/*; do [ -e "$d/device" ] || continue; drv=$(readlink "$d/device/driver" 2>/dev/null); ven=$(cat "$d/device/vendor" 2>/dev/null); echo "${d##*/} rota=$(cat "$d/queue/rotational" 2>/dev/null) driver=${drv##*/} vendor=$(echo $ven)"; done'
}

software() {
    exec 4>&1
    sec os_release cat /etc/os-release
    sec docker_version docker version
    dv=$st
    sec docker_active systemctl is-active docker
    sec docker_socket sh -c 'ls -l /var/run/docker.sock; id'
    # Published ports only when the daemon answered (saves a slow client start otherwise).
    [ "$dv" != 0 ] || sec docker_ports docker ps --format '{{.Names}} {{.Ports}}'
    sec ssh_version ssh -V
    sec timedatectl timedatectl show
    sec chrony chronyc -n tracking
    sec ntpq ntpq -pn
    sec time_services systemctl is-active systemd-timesyncd chrony chronyd ntp ntpsec openntpd
}

network() {
    exec 4>&1
    sec ip_addr ip -o addr show
    sec ip_route ip route show default
    sec link_speed sh -c 'for i in /sys/class/net/*; do [ "${i##*/}" = lo ] && continue; echo "${i##*/} $(cat "$i/speed" 2>/dev/null || echo -1) $(cat "$i/operstate" 2>/dev/null)"; done'
    sec listen ss -ltnpH
    sec rsync_service systemctl is-active rsync
    fw ufw ufw status verbose
    fw iptables iptables-save
    fw nft nft list ruleset
}

# "x" keeps the trailing newlines that $( ) would strip.
hardware | {
    rest=$(software | {
        n=$(network; echo x)
        cat
        printf '%s' "${n%x}"
    }; echo x)
    cat
    printf '%s' "${rest%x}"
}

# pathsec NAME PATH: key=value lines, then `ls -ld` (one line per sh -c: the "$ command" line stays one line).
pathsec() {
    sec "$1" sh -c 'p=$1; echo "path=$p"; if [ -e "$p" ]; then echo exists=1; else echo exists=0; exit 0; fi; if [ -d "$p" ]; then echo type=directory; elif [ -f "$p" ]; then echo type=file; else echo type=other; fi; if [ -r "$p" ]; then echo readable=1; else echo readable=0; fi; if [ -x "$p" ]; then echo enterable=1; else echo enterable=0; fi; echo "now=$(date +%s)"; stat -L -c "mtime=%Y size=%s owner=%U mode=%a" -- "$p"; ls -ld -- "$p"' sh "$2"
}
[ -z "$PUB" ] || pathsec path_publication "$PUB"
[ -z "$LOG" ] || pathsec path_access_log "$LOG"

[ -z "$WD" ] || kill "$WD" 2>/dev/null || :
