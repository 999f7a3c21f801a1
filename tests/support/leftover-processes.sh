#!/bin/sh
# CTest's last word on a run (the cleanup of the fixture every test requires): fails when a
# program of this build is still running once the tests have ended (a jobdeck-server the
# console or the CLI left running, a test process that hung on) and ends it, so that the
# next run, or one beside it, starts clean.
#   leftover-processes.sh BIN_DIR
set -u
bin=${1:?leftover-processes.sh needs the folder of the build programs}

# The processes that run a program of BIN_DIR, or whose command line names a file there.
# The pattern ends in "[/]" so that it does not match the command line of the grep that
# looks for it (nor this script's, which names the folder without a slash).
pattern="$(printf '%s' "$bin" | sed 's/[].[\\*^$()+?{}|]/\\&/g')[/]"
running() {
    {
        find /proc/[0-9]*/exe -maxdepth 0 -lname "$bin/*" 2>/dev/null | sed 's|^/proc/\([0-9]*\)/exe$|\1|'
        grep -lasE -- "$pattern" /proc/[0-9]*/cmdline | sed 's|^/proc/\([0-9]*\)/cmdline$|\1|'
    } | sort -un | while read -r pid; do
        args=$( (tr '\0' ' ' <"/proc/$pid/cmdline") 2>/dev/null) && [ -n "$args" ] && echo "$pid $args"
    done
}

# A server going down after its test's SIGTERM gets a moment to finish.
tries=0
while [ -n "$(running)" ]; do
    tries=$((tries + 1))
    if [ $tries -gt 10 ]; then
        echo "programs of this build still running after the tests (ended now):" >&2
        running >&2
        running | while read -r pid _; do kill -TERM "$pid" 2>/dev/null; done
        sleep 2
        running | while read -r pid _; do kill -KILL "$pid" 2>/dev/null; done
        exit 1
    fi
    sleep 0.2
done
exit 0
