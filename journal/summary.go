package journal

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/limberapp/limber/stats"
)

// summaryVersion changes whenever stats.Day or the checks below change,
// so older summaries are recomputed.
const summaryVersion = 1

// futureSlack is how far after now a record may be dated (clocks of two
// processes, a slow disk) before it counts as from the future.
const futureSlack = 10 * time.Minute

// summaryFile is an archive's daily summary, valid while the archive has
// the size and modification time it names and days are in the same zone.
type summaryFile struct {
	Version int         `json:"version"`
	Size    int64       `json:"size"`
	ModNano int64       `json:"mod_nano"`
	Zone    string      `json:"zone"`
	Days    []stats.Day `json:"days"`
	Notes   []string    `json:"notes,omitempty"`
}

// zoneKey tells two locations apart for one month: name and the offsets
// at its start and end.
func zoneKey(mon string, loc *time.Location) string {
	t, err := time.ParseInLocation(monthLayout, mon, loc)
	if err != nil {
		return loc.String()
	}
	_, a := t.Zone()
	_, b := t.AddDate(0, 1, 0).Add(-time.Hour).Zone()
	return fmt.Sprintf("%s/%d/%d", loc.String(), a, b)
}

// Summary returns the days of the journal at path (archives of months
// from from on, "" for all, and the live file) summarised by stats.Days
// in loc (nil means time.Local), oldest first, and notes naming the file
// and line of every record it left out: lines that do not decode,
// records dated after now, and, counted all the same, the first record
// after the clock went back. Archives of months before now's are read
// from their summaries, written beside them on first use (best effort: a
// summary that cannot be written is just recomputed next time).
func Summary(path string, from string, now time.Time, loc *time.Location) ([]stats.Day, []string, error) {
	if loc == nil {
		loc = time.Local
	}
	srcs, err := sources(path, from)
	if err != nil {
		return nil, nil, err
	}
	current := month(now, loc)
	var (
		days  []stats.Day
		notes []string
	)
	for _, s := range srcs {
		cacheable := s.month != "" && s.month < current && s.limit < 0
		var sum *summaryFile
		if cacheable {
			sum = loadSummary(s, loc)
		}
		if sum == nil {
			data, err := readSource(s)
			if err != nil {
				return nil, nil, fmt.Errorf("journal %s: reading: %w", s.path, err)
			}
			d, n := summarise(s.path, data, now, loc)
			sum = &summaryFile{Days: d, Notes: n}
			if cacheable {
				saveSummary(s, loc, sum)
			}
		}
		days = append(days, sum.Days...)
		notes = append(notes, sum.Notes...)
	}
	return stats.MergeDays(days), notes, nil
}

// Converts journal records for stats.
func toStats(r Record) stats.Record {
	return stats.Record{Time: r.Time, Event: r.Event, Kind: r.Kind, Exercise: r.Exercise, Outcome: r.Outcome, Seconds: r.Seconds, Data: r.Data}
}

// knownEvents are the events Limber writes; Valid notes others (a newer
// version's, or damage) as not counted.
var knownEvents = map[string]bool{
	EventWarned: true, EventStarted: true, EventCompleted: true, "ended_early": true, EventNatural: true,
	EventPostponed: true, EventSkipped: true, EventClosed: true, "interrupted": true, EventCheckin: true,
	EventQuiz: true, EventActive: true, "session": true, "paused": true, "resumed": true, "reminded": true, "later": true,
}

// Valid returns the records of one file (named path) that the history
// counts, with the notes Summary gives for it.
func Valid(path string, data []byte, now time.Time) ([]Record, []string) {
	recs, nums, notes := parseNumbered(path, data)
	kept := recs[:0]
	var prev *Record
	prevLine := 0
	limit := now.Add(futureSlack)
	for i, r := range recs {
		if r.Time.After(limit) {
			notes = append(notes, fmt.Sprintf("%s:%d: skipped record dated %s, after now (%s): the clock was ahead", path, nums[i], r.Time.Format(time.RFC3339), now.Format(time.RFC3339)))
			continue
		}
		if !knownEvents[r.Event] {
			notes = append(notes, fmt.Sprintf("%s:%d: skipped unknown event %q", path, nums[i], r.Event))
			continue
		}
		if prev != nil && r.Time.Before(prev.Time.Add(-time.Minute)) {
			notes = append(notes, fmt.Sprintf("%s:%d: dated %s, before line %d (%s): the clock went back; counted at its own time", path, nums[i], r.Time.Format(time.RFC3339), prevLine, prev.Time.Format(time.RFC3339)))
		}
		kept = append(kept, r)
		prev, prevLine = &kept[len(kept)-1], nums[i]
	}
	return kept, notes
}

func summarise(path string, data []byte, now time.Time, loc *time.Location) ([]stats.Day, []string) {
	recs, notes := Valid(path, data, now)
	in := make([]stats.Record, len(recs))
	for i, r := range recs {
		in[i] = toStats(r)
	}
	return stats.Days(in, loc), notes
}

func summaryPath(s source) string {
	return strings.TrimSuffix(s.path, archiveExt) + summaryExt
}

func loadSummary(s source, loc *time.Location) *summaryFile {
	fi, err := os.Stat(s.path)
	if err != nil {
		return nil
	}
	b, err := os.ReadFile(summaryPath(s))
	if err != nil {
		return nil
	}
	var sum summaryFile
	if json.Unmarshal(b, &sum) != nil || sum.Version != summaryVersion || sum.Size != fi.Size() ||
		sum.ModNano != fi.ModTime().UnixNano() || sum.Zone != zoneKey(s.month, loc) {
		return nil
	}
	return &sum
}

func saveSummary(s source, loc *time.Location, sum *summaryFile) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return
	}
	sum.Version, sum.Size, sum.ModNano, sum.Zone = summaryVersion, fi.Size(), fi.ModTime().UnixNano(), zoneKey(s.month, loc)
	b, err := json.Marshal(sum)
	if err != nil {
		return
	}
	_ = writeAtomic(summaryPath(s), b) // best effort: recomputed next time
}

// Files lists the files the journal at path is kept in: its archives,
// oldest first, then the live file (which may not exist yet).
func Files(path string) ([]string, error) {
	srcs, err := sources(path, "")
	if err != nil {
		return nil, err
	}
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = s.path
	}
	return out, nil
}
