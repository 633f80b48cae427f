#!/bin/sh
# Every test fixture starts its servers under a temporary folder named "difusor-…"; none may survive.
sleep 1
left=$(ps -eo pid=,args= | grep -E 'difusor-(test|sandbox)' | grep -vE 'grep|no_leftover_processes' || true)
if [ -n "$left" ]; then
    echo "processes left running by the tests:"
    echo "$left"
    exit 1
fi
echo "no sshd, nginx, rsync or child process left running"
