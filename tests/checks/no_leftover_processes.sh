#!/bin/sh
# Every test fixture starts its servers under a temporary folder named "difusor-…"; none may survive,
# nor anything still working in one (inotifywait names no folder in its arguments, only its working
# directory: the cut watcher's used to outlive its channel so).
sleep 1
left=$(ps -eo pid=,args= | grep -E 'difusor-(test|sandbox)' | grep -vE 'grep|no_leftover_processes' || true)
for d in /proc/[0-9]*; do
    cwd=$(readlink "$d/cwd" 2>/dev/null) || continue
    case $cwd in
    *difusor-test* | *difusor-sandbox*)
        left="$left
${d#/proc/} (in $cwd) $(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)"
        ;;
    esac
done
if [ -n "$left" ]; then
    echo "processes left running by the tests:"
    echo "$left"
    exit 1
fi
echo "no sshd, nginx, rsync or child process left running"
