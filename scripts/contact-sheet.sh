#!/bin/sh
# Render every exercise's key poses into one grid for review:
# docs/contact-sheet.svg, and docs/contact-sheet.png when ImageMagick's
# `convert` is installed. Usage: scripts/contact-sheet.sh [CELL_SIZE_PX]
set -eu
cd "$(dirname "$0")/.."
size="${1:-200}"
mkdir -p docs
go run . content sheet --svg docs/contact-sheet.svg --size "$size"
echo "wrote docs/contact-sheet.svg"
# Only ImageMagick's convert (other tools share the name).
if command -v convert >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q ImageMagick; then
	convert docs/contact-sheet.svg docs/contact-sheet.png
	echo "wrote docs/contact-sheet.png"
else
	echo "ImageMagick's convert not found: no PNG" >&2
fi
