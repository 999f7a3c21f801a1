#!/bin/sh
# Runs a command inside its own D-Bus session bus with a fresh gnome-keyring that is already
# unlocked, so tests use the real system keychain (Secret Service) without touching the
# user's own: HOME and the XDG folders are a temporary folder, removed afterwards.
#   with-keyring.sh COMMAND [ARGS...]
set -eu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jobdeck-keyring-XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
mkdir -p "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
# No desktop: QtKeychain then takes the Secret Service (libsecret), not KWallet.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_KEYRING_CONTROL

export JOBDECK_TEST_KEYRING=1 # tests that write secrets refuse to run without it

status=0
dbus-run-session -- sh -c '
    # The login keyring is made with a fixed password and left unlocked; the daemon prints
    # where its control socket is.
    eval "$(printf "jobdeck-test" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
' with-keyring "$@" || status=$?
exit "$status"
