// Command fynefloor is the smallest Fyne window, for the benches: one
// label in a window of the break window's size, shown at once. Started
// cold under scripts/winready, it measures what any Fyne window costs
// from exec to its first frame on this machine (process start, Fyne and
// GLFW, the fonts, the GL driver, one frame): the floor under a cold
// break window. It quits by itself a second after it shows.
//
//	fynefloor [-title TITLE]
package main

import (
	"flag"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	title := flag.String("title", "Smallest Fyne window", "the window's title")
	flag.Parse()
	a := app.NewWithID("org.limber.fynefloor")
	w := a.NewWindow(*title)
	w.SetContent(widget.NewLabel("Stand up, roll your shoulders, and breathe out slowly."))
	w.Resize(fyne.NewSize(640, 420))
	a.Lifecycle().SetOnStarted(func() {
		time.AfterFunc(time.Second, func() { fyne.Do(a.Quit) })
	})
	w.ShowAndRun()
}
