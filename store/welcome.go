package store

import "github.com/limberapp/limber/workstation"

// WelcomeShown reports whether the first-run welcome has been shown (its
// marker file is in the state directory). When the state directory cannot
// be found it reports true, so the welcome never nags.
func WelcomeShown() bool {
	p, err := Path(workstation.WelcomeMarker)
	if err != nil {
		return true
	}
	return Exists(p)
}

// MarkWelcomeShown records that the welcome was shown.
func MarkWelcomeShown() error {
	p, err := Path(workstation.WelcomeMarker)
	if err != nil {
		return err
	}
	return Touch(p)
}
