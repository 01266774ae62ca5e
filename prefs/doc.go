// Package prefs holds Limber's typed settings over a private viper instance:
// defaults, the TOML file, LIMBER_* environment overrides (never written
// back), validation that names the key and what was expected, and atomic
// saving with mode 0600.
package prefs
