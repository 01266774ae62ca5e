// Package store keeps Limber's state files: one JSON file per state in the
// state directory, written atomically (mode 0600, directories 0700), read
// back with a missing file meaning "nothing saved yet", and a corrupt file
// moved aside as NAME.broken-YYYYMMDD-HHMMSS (the scheme prefs uses for its
// broken config copies), never overwritten, and reported with an error
// naming the file and what was wrong. The packages whose states it keeps
// (recovery, quiz, workstation) stay pure: values in, values out.
package store
