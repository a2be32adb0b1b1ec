#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a command against a private Secret Service: its own D-Bus session, its own
# gnome-keyring-daemon with an unlocked login collection, and a throwaway HOME, so the
# keychain tests never see (or touch) the developer's own keyring.
#
#   with-keyring.sh [--locked] COMMAND [ARG...]
#
# --locked starts the daemon without creating or unlocking a collection: what an app meets on
# a headless box whose keyring was never unlocked.
set -eu

mode=unlocked
if [ "${1:-}" = "--locked" ]; then
    mode=locked
    shift
fi
[ $# -gt 0 ] || { echo "usage: $0 [--locked] COMMAND [ARG...]" >&2; exit 2; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is not installed" >&2; exit 1; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/kitedeck-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/cache"
mkdir -m 700 "$scratch/run"

# Everything the daemon and the test read their locations from points into the scratch dir,
# and nothing tells QtKeychain to prefer KWallet or lets the keyring prompter find a display.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY WAYLAND_DISPLAY \
    XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION \
    GNOME_DESKTOP_SESSION_ID || true
export KITEDECK_TEST_KEYRING="$mode"

# The daemon runs in the foreground as a child of the session's shell, so it can be stopped
# and reaped when the command ends: daemonised, it outlives the bus whenever no client spoke
# to it. The command starts only once the daemon owns org.freedesktop.secrets; earlier, the
# bus would activate a second, locked daemon.
status=0
dbus-run-session -- sh -c '
    if [ "$0" = unlocked ]; then
        printf "kitedeck-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
            >/dev/null 2>&1 &
    else
        gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 </dev/null &
    fi
    daemon=$!
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$daemon" 2>/dev/null; then
            echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
            kill "$daemon" 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
    status=0
    "$@" || status=$?
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
    exit "$status"' "$mode" "$@" || status=$?
exit "$status"
