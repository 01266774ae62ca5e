// Package content is Limber's embedded teaching library: exercises with
// their figure animations, posture cues, lifting lessons and quiz, the
// workstation checklist, the back-strain recovery plan and red flags, each
// item with its sources. It loads and validates the data and holds the
// figure pose model; it has no Fyne and does no I/O beyond reading the
// embedded files and files the caller names.
package content
