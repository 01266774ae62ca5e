// Package agent is Limber's resident process: the tray icon and menu, the
// event loop that arms one timer for the schedule's next deadline, the
// control socket, notifications, and the spawning of view processes. It
// never creates a Fyne app, so it has no render loop while idle.
package agent
