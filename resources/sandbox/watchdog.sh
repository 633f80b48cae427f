# difusor-console sandbox watchdog (POSIX sh). $1: the sandbox state folder.
# Standard input, one line each: "+PID" when the sandbox starts a process, "-PID" when it has ended,
# "keep" when the console removes the folder itself. At end of input, which comes also when the console
# is killed with SIGKILL (the kernel closes its end of the pipe), it freezes every registered process, its
# process group and all its descendants with SIGSTOP (so none can fork or be reparented away while it
# looks), kills them all, and removes the state folder. The console runs it in its own session.
state=$1
roots=" "
remove=yes
while IFS= read -r line; do
    case $line in
        +[0-9]*) roots="$roots${line#+} " ;;
        -[0-9]*)
            gone=${line#-}
            kept=" "
            for p in $roots; do
                [ "$p" = "$gone" ] || kept="$kept$p "
            done
            roots=$kept ;;
        keep) remove=no ;;
    esac
done

victims() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v roots="$roots" -v self="$$" '
        BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) mark[r[i]] = 1 }
        {
            pid = $1; rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
            parent[pid] = f[2]; group[pid] = f[3]; seen[pid] = 1
        }
        END {
            do {
                grew = 0
                for (p in seen)
                    if (!(p in mark) && p != self && p > 1 && ((parent[p] in mark) || (group[p] in mark))) {
                        mark[p] = 1; grew = 1
                    }
            } while (grew)
            for (p in mark) if ((p in seen) && p > 1) printf "%s ", p
        }'
}

# Every process stopped in any round is killed: one found in an early round may be gone from a later one
# (its parent, an sshd session, exited meanwhile and it was handed to init), and left stopped it would
# stay forever, its own watchdog stopped with it.
if [ "$roots" != " " ]; then
    stopped=" "
    round=0
    while [ $round -lt 8 ]; do
        round=$((round + 1))
        new=""
        for p in $(victims); do
            case $stopped in
                *" $p "*) ;;
                *) new="$new$p " ;;
            esac
        done
        [ -n "$new" ] || break
        kill -STOP $new 2>/dev/null
        stopped="$stopped$new"
    done
    [ "$stopped" != " " ] && kill -KILL $stopped 2>/dev/null
fi

if [ "$remove" = yes ]; then
    case $state in
        */difusor-sandbox-*|*/difusor-test-*) rm -rf -- "$state" ;;
    esac
fi
exit 0
