package agent

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

const smapsSample = `00400000-00e6c000 r-xp 00000000 08:01 123 /usr/bin/limber
Rss:                7920 kB
Anonymous:             0 kB
Swap:                  0 kB
00e6c000-01997000 r--p 00a6c000 08:01 123 /usr/bin/limber
Rss:                7504 kB
Anonymous:             0 kB
Swap:                  0 kB
01997000-01998000 r--p 01597000 08:01 123 /usr/bin/limber
Rss:                   4 kB
Anonymous:             4 kB
Swap:                  0 kB
01998000-02140000 rw-p 01598000 08:01 123 /usr/bin/limber
Rss:                 936 kB
Anonymous:           208 kB
Swap:                  0 kB
02140000-041ad000 rw-p 00000000 00:00 0
Rss:                 132 kB
Anonymous:           132 kB
Swap:                  0 kB
7f3382a0b000-7f3382a7d000 r--p 00000000 00:00 0
Rss:                 288 kB
Anonymous:           288 kB
Swap:                  0 kB
7f3382c00000-7f3382c20000 r--p 00000000 08:01 77 /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                 128 kB
Anonymous:             0 kB
Swap:                  0 kB
7f3382d00000-7f3382d08000 rw-s 00000000 00:05 9 /dev/shm/shared
Rss:                  32 kB
Anonymous:             0 kB
Swap:                  0 kB
7f3382e00000-7f3382e02000 r--p 00000000 08:01 88 /home/a b/font cache.bin
Rss:                   8 kB
Anonymous:             0 kB
Swap:                  0 kB
7f3382f00000-7f3382f02000 r--p 00000000 08:01 89 /tmp/old (deleted)
Rss:                   8 kB
Anonymous:             0 kB
Swap:                  0 kB
7ffd1000-7ffd3000 r-xp 00000000 00:00 0 [vdso]
Rss:                   8 kB
Anonymous:             0 kB
Swap:                  0 kB
7f3383000000-7f3383004000 r--p 00000000 08:01 90 /usr/lib/x86_64-linux-gnu/libGL.so.1
Rss:                   4 kB
Anonymous:             0 kB
Swap:                  4 kB
7f3383100000-7f3383104000 r--p 00000000 08:01 91 /usr/lib/x86_64-linux-gnu/libX11.so.6
Rss:                  16 kB
7f3383200000-7f3383204000 r--p 00000000 00:05 92 /dev/dri/card0
Rss:                  16 kB
Anonymous:             0 kB
Swap:                  0 kB
7f3383300000-7f3383304000 r--p 00000000 08:01 93 /usr/share/fonts/locked.ttf
Rss:                  16 kB
Anonymous:             0 kB
Swap:                  0 kB
VmFlags: rd mr me lo
`

// Only read-only private mappings of files, whose pages are all still
// the file's, may be dropped: the program's code and constants, a
// library's, a mapped font. Not the relocations the dynamic linker wrote
// (Anonymous > 0), nor such a page swapped out (Swap > 0), nor an entry
// that does not say (no Anonymous or Swap line), nor writable or shared
// mappings, anonymous memory, a deleted file, a device, a locked mapping
// or the vDSO.
func TestCleanFileSpans(t *testing.T) {
	got := fmt.Sprint(cleanFileSpans([]byte(smapsSample)))
	want := fmt.Sprint([]span{
		{0x400000, 0xe6c000}, {0xe6c000, 0x1997000},
		{0x7f3382c00000, 0x7f3382c20000}, {0x7f3382e00000, 0x7f3382e02000},
	})
	if got != want {
		t.Fatalf("spans\n got %s\nwant %s", got, want)
	}
}

// The same rule over random mappings: a span is listed exactly when its
// mapping is r-?p, names an existing file that is not a device, says it
// has no anonymous page and none swapped out, and is not locked or I/O;
// the order of the fields within an entry does not matter.
func TestCleanFileSpansRandom(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	for run := 0; run < 500; run++ {
		var b strings.Builder
		var want []span
		addr := uintptr(0x400000)
		for i := r.IntN(12); i > 0; i-- {
			s := span{addr, addr + uintptr(1+r.IntN(64))*4096}
			addr = s.end + uintptr(r.IntN(4))*4096
			perms := []string{"r-xp", "r--p", "rw-p", "rwxp", "---p", "r--s", "r-xs"}[r.IntN(7)]
			path := []string{"/usr/bin/limber", "/usr/lib/libc.so.6", "", "[heap]", "[vdso]", "/tmp/x (deleted)", "/a b/c", "/dev/dri/card0"}[r.IntN(8)]
			anon := []int{0, 0, 4, 208, -1}[r.IntN(5)] // -1: no such line
			swap := []int{0, 0, 0, 4, -1}[r.IntN(5)]
			flags := []string{"rd mr me", "rd ex mr mw me", "rd mr me lo", "rd io pf", ""}[r.IntN(5)]
			fmt.Fprintf(&b, "%x-%x %s 00000000 08:01 1 %s\n", s.start, s.end, perms, path)
			fields := []string{fmt.Sprintf("Rss: %d kB", r.IntN(900)), fmt.Sprintf("SwapPss: %d kB", r.IntN(3))}
			if anon >= 0 {
				fields = append(fields, fmt.Sprintf("Anonymous: %d kB", anon))
			}
			if swap >= 0 {
				fields = append(fields, fmt.Sprintf("Swap: %d kB", swap))
			}
			if flags != "" {
				fields = append(fields, "VmFlags: "+flags)
			}
			r.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
			for _, f := range fields {
				b.WriteString(f + "\n")
			}
			fileBacked := strings.HasPrefix(path, "/") && !strings.HasPrefix(path, "/dev/") && !strings.HasSuffix(path, "(deleted)")
			unlocked := !strings.Contains(" "+flags+" ", " lo ") && !strings.Contains(" "+flags+" ", " io ")
			if perms[0] == 'r' && perms[1] == '-' && perms[3] == 'p' && fileBacked && anon == 0 && swap == 0 && unlocked {
				want = append(want, s)
			}
		}
		if got := cleanFileSpans([]byte(b.String())); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("seed %d run %d:\n%s\n got %v\nwant %v", seed, run, b.String(), got, want)
		}
	}
}
