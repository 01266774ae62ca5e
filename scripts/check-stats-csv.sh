#!/usr/bin/env bash
# check-stats-csv.sh: `limber stats --csv` and `limber stats export --raw
# --csv` on a generated journal open in Python's csv module and in
# LibreOffice (Debian libreoffice-calc-nogui) with the rows and counts the
# generator made. Run by hand; needs python3 and soffice.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/limber" "$root"
go build -o "$tmp/genjournal" "$root/journal/gen/genjournal"
export XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config HOME=$tmp # HOME: a fresh LibreOffice profile
"$tmp/genjournal" -days 120 -seed 9 "$XDG_STATE_HOME/limber/journal.jsonl" >"$tmp/counts.jsonl" 2>/dev/null
since=$(date -d '119 days ago' +%F)
until=$(date +%F)
"$tmp/limber" stats --csv --since "$since" --until "$until" >"$tmp/stats.csv"
"$tmp/limber" stats export --raw --csv "$tmp/raw.csv"
(cd "$tmp" && soffice --headless --convert-to xlsx stats.csv >/dev/null 2>&1 && soffice --headless --convert-to xlsx raw.csv >/dev/null 2>&1)
mkdir "$tmp/back"
(cd "$tmp" && soffice --headless --convert-to csv --outdir back stats.xlsx >/dev/null 2>&1 && soffice --headless --convert-to csv --outdir back raw.xlsx >/dev/null 2>&1)
python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
counts = {}
for line in open(f"{tmp}/counts.jsonl"):
    d = json.loads(line)
    counts[d["day"]] = d["counts"]
def check(rows, where):
    header, body = rows[0], rows[1:]
    assert header[:6] == ["period", "start", "days_with_records", "due", "taken", "share_taken"], (where, header)
    assert len(body) == 120, (where, len(body))
    col = {n: i for i, n in enumerate(header)}
    bad = 0
    for r in body:
        c = counts.get(r[0], {})
        for name, key in [("due", "Due"), ("taken", "Taken"), ("completed", "Completed"), ("ended_early", "EndedEarly"),
                          ("natural", "Natural"), ("postponed", "Postponed"), ("skipped", "Skipped"), ("closed", "Closed"),
                          ("interrupted", "Interrupted")]:
            if int(float(r[col[name]])) != c.get(key, 0):
                bad += 1
                print(f"{where} {r[0]} {name}: {r[col[name]]}, generated {c.get(key, 0)}")
    assert bad == 0, where
    print(f"{where}: header and {len(body)} day rows, every count as generated")
with open(f"{tmp}/stats.csv", newline="") as f:
    check(list(csv.reader(f, strict=True)), "python csv, stats.csv")
with open(f"{tmp}/back/stats.csv", newline="") as f:
    check(list(csv.reader(f)), "LibreOffice stats.xlsx")
with open(f"{tmp}/raw.csv", newline="") as f:
    raw = list(csv.reader(f, strict=True))
with open(f"{tmp}/back/raw.csv", newline="") as f:
    back = list(csv.reader(f))
assert raw[0] == ["time", "event", "kind", "exercise", "outcome", "seconds", "data"], raw[0]
assert len(back) == len(raw), (len(back), len(raw))
assert [r[1] for r in back] == [r[1] for r in raw]
print(f"raw.csv: {len(raw) - 1} records in Python's csv and in LibreOffice's xlsx, events in the same order")
PY
