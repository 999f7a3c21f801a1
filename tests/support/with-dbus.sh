#!/bin/sh
# Runs a command inside its own private D-Bus session bus, so a test that talks to desktop
# services (notifications) never reaches the user's session.
#   with-dbus.sh COMMAND [ARGS...]
set -eu
exec dbus-run-session -- "$@"
