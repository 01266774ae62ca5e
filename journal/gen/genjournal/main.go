// Command genjournal writes a generated journal for screenshots and hand
// checks: genjournal [-days N] [-seed S] [-active] [-bad] PATH. It prints
// the counts it made, as JSON, one day a line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/limberapp/limber/journal/gen"
)

func main() {
	days := flag.Int("days", 365, "days of records, ending today")
	seed := flag.Uint64("seed", 1, "random seed")
	active := flag.Bool("active", false, "write hourly active-time records")
	bad := flag.Bool("bad", false, "end with a torn line, an unknown event, a record from the future and a clock step back")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genjournal [-days N] [-seed S] [-active] [-bad] PATH")
		os.Exit(2)
	}
	now := time.Now()
	recs, counts := gen.Span(now.AddDate(0, 0, 1-*days), now, time.Local, gen.Options{Seed: *seed, Active: *active})
	path := flag.Arg(0)
	if err := gen.Write(path, recs); err != nil {
		fmt.Fprintln(os.Stderr, "genjournal:", err)
		os.Exit(1)
	}
	if *bad {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
		if err == nil {
			fmt.Fprintf(f, "%s\n", `{"time":"`+now.Add(-time.Hour).Format(time.RFC3339)+`","event":"completed","ki`)
			fmt.Fprintf(f, `{"time":%q,"event":"teleported","kind":"posture"}`+"\n", now.Add(-50*time.Minute).Format(time.RFC3339))
			fmt.Fprintf(f, `{"time":%q,"event":"completed","kind":"posture"}`+"\n", now.AddDate(0, 2, 0).Format(time.RFC3339))
			fmt.Fprintf(f, `{"time":%q,"event":"completed","kind":"posture"}`+"\n", now.Add(-40*time.Minute).Format(time.RFC3339))
			fmt.Fprintf(f, `{"time":%q,"event":"skipped","kind":"posture"}`+"\n", now.Add(-3*time.Hour).Format(time.RFC3339))
			f.Close()
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	enc := json.NewEncoder(os.Stdout)
	for _, k := range keys {
		_ = enc.Encode(map[string]any{"day": k, "counts": counts[k]})
	}
	fmt.Fprintf(os.Stderr, "genjournal: %d records in %s\n", len(recs), path)
}
