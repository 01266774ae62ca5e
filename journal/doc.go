// Package journal is Limber's append-only history of breaks and check-ins,
// stored as JSON Lines. Each record is written whole and synced under a file
// lock, so a crash or a second writer never corrupts earlier records.
package journal
