// Package journal is Limber's append-only history of breaks and check-ins,
// stored as JSON Lines. Each record is written whole and synced under a file
// lock, so a crash or a second writer never corrupts earlier records.
//
// Appends always go to the live file (journal.jsonl). Rotate moves closed
// calendar months out of it into monthly archives beside it
// (journal.d/YYYY-MM.jsonl), crash-safely, and Summary keeps a daily
// summary next to each archive (journal.d/YYYY-MM.days.json), so that a
// year of history reads in milliseconds; see layout.go.
package journal
