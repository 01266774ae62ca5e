package agent

import (
	"os"

	"golang.org/x/sys/unix"
)

// dropCleanFilePages drops the agent's resident pages of its program's
// and libraries' read-only mappings (cleanFileSpans). Start-up runs code
// the idle agent never runs again, and the kernel maps 64 KB around each
// page it faults in, so the program alone held some 16 MB. What the
// agent runs later is read back from the page cache at its first use.
// (The pages stay in the page cache, as memory the kernel may reclaim at
// any time; what falls is the agent's resident set, the number a task
// manager shows.) Between reading the mappings and dropping them another
// thread could in principle unmap a file and map memory in its place;
// nothing in the agent maps or unmaps files after start-up.
func dropCleanFilePages() {
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return
	}
	for _, s := range cleanFileSpans(smaps) {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, s.start, s.end-s.start, unix.MADV_DONTNEED)
	}
}
