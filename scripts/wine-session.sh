#!/usr/bin/env bash
# Runs a command inside a throwaway Windows session under Wine: an Xvfb X
# server, openbox as window manager, and a fresh 64-bit Wine prefix in a
# temporary folder (wineboot -i once) with the ProcessPrng shim DLL that
# Go >= 1.22 needs and Wine 8 lacks (scripts/wine/processprng.c, a test
# fixture only: real Windows has the function).
#   scripts/wine-session.sh COMMAND [ARGS…]
# The command sees DISPLAY, WINEPREFIX, WINEDEBUG=-all and WINE_SESSION_TMP
# (a scratch folder removed afterwards). At the end the script ends what it
# started, by pid, and the prefix's own wineserver (wineserver -k is scoped
# to WINEPREFIX).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d /tmp/limber-wine.XXXXXX)
xvfb="" wm=""
cleanup() {
	status=$?
	if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then
		wineserver -k 2>/dev/null || true
		wineserver -w 2>/dev/null || true
	fi
	[ -z "$wm" ] || kill "$wm" 2>/dev/null || true
	[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for n in $(seq 120 199); do
	[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.05; done
[ -e "/tmp/.X11-unix/X${disp#:}" ] || { echo "wine-session: Xvfb did not start on $disp" >&2; exit 1; }
export DISPLAY="$disp"
openbox >/dev/null 2>&1 &
wm=$!

export WINEPREFIX="$tmp/prefix" WINEARCH=win64 WINEDEBUG=-all WINE_SESSION_TMP="$tmp/scratch"
# No Mono or Gecko download prompts (Limber needs neither), and no
# winemenubuilder: it would copy Start-menu shortcuts into ~/.local/share.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
mkdir -p "$WINE_SESSION_TMP"
case "${LANG:-C}" in C | C.* | POSIX) export LANG=en_US.UTF-8 ;; esac

start=$(date +%s)
wineboot -i >/dev/null 2>&1
wineserver -w
sys32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$sys32" ] || { echo "wine-session: wineboot made no prefix at $WINEPREFIX" >&2; exit 1; }
if [ -e "$sys32/bcryptprimitives.dll" ] && grep -q ProcessPrng "$sys32/bcryptprimitives.dll"; then
	echo "wine-session: this Wine has ProcessPrng; no shim"
else
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
		"$here/wine/processprng.c" "$here/wine/bcryptprimitives.def" -ladvapi32
fi
echo "wine-session: prefix ready in $(($(date +%s) - start)) s ($(wine --version 2>/dev/null), DISPLAY=$DISPLAY)"
"$@"
