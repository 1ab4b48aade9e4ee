#!/bin/sh
# Runs a command in a private D-Bus session with an unlocked gnome-keyring Secret Service, so
# that keychain tests use a real keychain and never the user's.
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing (scripts/install-deps.sh installs them)" >&2
  exit 1
fi
export HOME="$(mktemp -d)"
# The keyring's control socket lives in XDG_RUNTIME_DIR: a private one, so that two of these
# never meet.
export XDG_RUNTIME_DIR="$HOME/runtime"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$HOME"' EXIT
dbus-run-session -- sh -c 'printf "%s" test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "$@"' sh "$@"
