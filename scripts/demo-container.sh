#!/bin/sh
# A busy container for trying `pidns-lab snapshot`: run it as the init of a fresh pid namespace,
#   unshare --pid --fork --mount-proc --kill-child sh scripts/demo-container.sh 2
# It starts 80 sleeping children, a setsid job of 20 more, a zombie (pid 1 ends as `sleep`,
# which never reaps) and, while DEPTH > 0, a nested namespace doing the same with DEPTH - 1:
# about 105 processes per namespace. Stop it with SIGKILL to the unshare command (unshare
# blocks SIGTERM while it waits; --kill-child then kills the init, which ends every namespace).
depth=${1:-0}
i=0
while [ "$i" -lt 80 ]; do sleep 100000 & i=$((i + 1)); done
setsid sh -c 'i=0; while [ "$i" -lt 20 ]; do sleep 100000 & i=$((i + 1)); done; exec sleep 100000' &
(exit 3) &
if [ "$depth" -gt 0 ]; then unshare --pid --fork --mount-proc sh "$0" $((depth - 1)) & fi
exec sleep 100000
