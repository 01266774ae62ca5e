#!/usr/bin/env bash
# Runs a command inside a throwaway KDE Plasma Wayland desktop:
# kwin_wayland --virtual --xwayland, with its own org.freedesktop.ScreenSaver,
# a private session bus, a tray host and dunst. See desktop-sway.sh.
#   scripts/desktop-kwin.sh COMMAND [ARGS…]
LIMBER_COMPOSITOR=kwin exec "$(dirname "$0")/desktop-sway.sh" "$@"
