// Package ui holds Limber's Fyne views, one per window, and the shared
// widgets (the animated figure, the countdown ring). Views take a fyne.App;
// this package never imports fyne/v2/app, so it tests with Fyne's test
// driver and no display.
package ui
