package cmd

// raise has no signal to send on Windows: the second window just exits.
func raise(pid int) {}

func onRaise(f func()) {}
