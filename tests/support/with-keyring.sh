#!/usr/bin/env bash
# Runs a test program against a real keychain of its own: a private D-Bus session bus with GNOME Keyring's
# Secret Service, unlocked with a throwaway password, in a temporary home. The test reaches the keychain the
# way the app does (QtKeychain over libsecret) without touching the user's own.
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (scripts/install-deps --tests installs it)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
       XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The daemon prints its environment on stdout; the libsecret client finds it on the session bus instead.
exec dbus-run-session -- bash -c 'printf %s inkmapper-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  with-keyring "$@"
