package journal_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/limberapp/limber/journal"
	"github.com/limberapp/limber/journal/gen"
)

// benchRecords is how many records the last yearJournal wrote; each
// benchmark reports it after its loop (b.Loop drops metrics from before).
var benchRecords int

// benchNow is the end of the generated year's last day.
var benchNow = time.Date(2026, 11, 30, 23, 0, 0, 0, time.Local)

// yearJournal writes a generated year (every day worked, the top of the
// issue's 30–45k records a year) ending on benchNow's day into a
// single file (as before archives) and, when rotated, moves the closed
// months to archives and warms their summaries.
func yearJournal(b *testing.B, rotated bool) string {
	path, _ := yearJournalDay(b, rotated)
	return path
}

// yearJournalDay is yearJournal also giving the start of the last day
// with records.
func yearJournalDay(b *testing.B, rotated bool) (string, time.Time) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	recs, _ := gen.Span(benchNow.AddDate(-1, 0, 1), benchNow, time.Local, gen.Options{Seed: 1, Active: true, EveryDay: true})
	last := journal.DayStart(recs[len(recs)-1].Time, time.Local)
	if err := gen.Write(path, recs); err != nil {
		b.Fatal(err)
	}
	if rotated {
		if err := journal.Rotate(path, benchNow, time.Local); err != nil {
			b.Fatal(err)
		}
		if _, _, err := journal.Summary(path, "", benchNow, time.Local); err != nil {
			b.Fatal(err)
		}
	}
	benchRecords = len(recs)
	return path, last
}

func benchSummary(b *testing.B, rotated bool) {
	path := yearJournal(b, rotated)
	for b.Loop() {
		days, _, err := journal.Summary(path, "", benchNow, time.Local)
		if err != nil || len(days) < 200 {
			b.Fatal(len(days), err)
		}
	}
	b.ReportMetric(float64(benchRecords), "records")
}

func benchToday(b *testing.B, rotated bool) {
	path, since := yearJournalDay(b, rotated)
	for b.Loop() {
		recs, _, err := journal.ReadTail(path, since)
		if err != nil || len(recs) == 0 {
			b.Fatal(len(recs), err)
		}
	}
	b.ReportMetric(float64(benchRecords), "records")
}

// A full year's summary (every day's numbers) from the single file.
func BenchmarkYearSummarySingleFile(b *testing.B) { benchSummary(b, false) }

// The same from eleven archived months' summaries and the live month.
func BenchmarkYearSummaryArchived(b *testing.B) { benchSummary(b, true) }

// Today's records for a break view, read from the end of the single file.
func BenchmarkTodayTailSingleFile(b *testing.B) { benchToday(b, false) }

// The same after rotation.
func BenchmarkTodayTailArchived(b *testing.B) { benchToday(b, true) }

// Reading every record of a year's single file (what the break view did
// before ReadTail).
func BenchmarkYearReadSingleFile(b *testing.B) {
	path := yearJournal(b, false)
	for b.Loop() {
		if _, _, err := journal.Read(path); err != nil {
			b.Fatal(err)
		}
	}
}

// The one-time migration of a year's single file.
func BenchmarkMigrateYear(b *testing.B) {
	src := yearJournal(b, false)
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		path := filepath.Join(dir, "j"+string(rune('a'+i%26))+time.Now().Format("150405.000000000")+".jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := journal.Rotate(path, benchNow, time.Local); err != nil {
			b.Fatal(err)
		}
	}
}
