package ui

// Frames in tests come from the tests (frame, SetTime), never from a
// clock's goroutine racing the test driver.
func init() { clockTicks = false }
