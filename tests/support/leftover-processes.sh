#!/bin/sh
# CTest's last word on a run (the cleanup of the fixture every test requires): fails when a
# program of this build is still running once the tests have ended (a jobdeck-server the
# console or the CLI left running, a test process that hung on) and ends it, so that the
# next run, or one beside it, starts clean.
#   leftover-processes.sh BIN_DIR
set -u
bin=${1:?leftover-processes.sh needs the folder of the build programs}

# The processes whose command line names a file in BIN_DIR. The pattern ends in "[/]" so
# that it does not match the command line of the grep that looks for it (nor this script's,
# which names the folder without a slash).
pattern="$(printf '%s' "$bin" | sed 's/[].[\\*^$()+?{}|]/\\&/g')[/]"
running() {
    grep -lasE -- "$pattern" /proc/[0-9]*/cmdline | while read -r file; do
        pid=${file#/proc/}
        pid=${pid%/cmdline}
        args=$( (tr '\0' ' ' <"$file") 2>/dev/null) && [ -n "$args" ] && echo "$pid $args"
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
