#!/usr/bin/env bash
# Builds the Windows resources of limber.exe into a .syso the Go linker
# picks up from the main package's folder: the icon (assets/icon's PNGs,
# 16 to 256 px, as one .ico) and the version information (FileVersion and
# ProductVersion from FyneApp.toml's Version and Build), with mingw's
# windres. Usage: scripts/windows-resources.sh OUT.syso
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
toml="$root/FyneApp.toml"
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$toml")
build=$(sed -n 's/^Build *= *\([0-9]*\).*/\1/p' "$toml")
case "$version" in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "windows-resources: $toml: Version = \"$version\" is not MAJOR.MINOR.PATCH" >&2; exit 1 ;;
esac
[ -n "$build" ] || { echo "windows-resources: $toml: no Build = N line" >&2; exit 1; }
IFS=. read -r major minor patch <<<"${version%%[-+]*}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pngs=()
for s in 16 24 32 48 64 256; do pngs+=("$root/assets/icon/limber-$s.png"); done
convert "${pngs[@]}" "$work/limber.ico"
cat >"$work/limber.rc" <<EOF
#include <winver.h>
1 ICON "limber.ico"
1 VERSIONINFO
FILEVERSION $major,$minor,$patch,$build
PRODUCTVERSION $major,$minor,$patch,$build
FILEFLAGSMASK VS_FFI_FILEFLAGSMASK
FILEFLAGS 0
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE VFT2_UNKNOWN
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "Limber"
      VALUE "FileDescription", "Limber posture and mobility breaks"
      VALUE "FileVersion", "$version"
      VALUE "InternalName", "limber"
      VALUE "LegalCopyright", "Limber contributors, see LICENSE"
      VALUE "OriginalFilename", "limber.exe"
      VALUE "ProductName", "Limber"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0409, 1200
  END
END
EOF
(cd "$work" && x86_64-w64-mingw32-windres -O coff -i limber.rc -o limber.syso)
mv "$work/limber.syso" "$out"
