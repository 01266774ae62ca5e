package ui

import "fyne.io/fyne/v2"

// createHook is an invisible, sizeless object in a window's content that
// lets a pre-start act in the middle of Fyne's first Show: Fyne sizes the
// content (MinSize) after it has made the native window and before it
// maps it. While fire is set, each MinSize calls it until it returns
// true. Fyne draws nothing for an object of a type it does not know.
type createHook struct {
	fire    func() bool
	pos     fyne.Position
	size    fyne.Size
	visible bool
}

func newCreateHook() *createHook { return &createHook{visible: true} }

func (h *createHook) MinSize() fyne.Size {
	if h.fire != nil && h.fire() {
		h.fire = nil
	}
	return fyne.Size{}
}
func (h *createHook) Move(p fyne.Position)    { h.pos = p }
func (h *createHook) Position() fyne.Position { return h.pos }
func (h *createHook) Resize(s fyne.Size)      { h.size = s }
func (h *createHook) Size() fyne.Size         { return h.size }
func (h *createHook) Hide()                   { h.visible = false }
func (h *createHook) Visible() bool           { return h.visible }
func (h *createHook) Show()                   { h.visible = true }
func (h *createHook) Refresh()                {}
