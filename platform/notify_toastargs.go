package platform

import (
	"fmt"
	"strconv"
	"strings"
)

// A Windows toast gives back, when it or one of its buttons is clicked,
// the arguments string the button was made with. Limber's say which
// notification and which action: "limber:<id>:<key>". Encoded and parsed
// here, without a build tag, so the rule is tested everywhere.

const toastArgPrefix = "limber:"

func toastArgs(id uint32, key string) string {
	return toastArgPrefix + strconv.FormatUint(uint64(id), 10) + ":" + key
}

// parseToastArgs reads what toastArgs wrote; anything else (another
// program's toast, a truncated string) is an error naming it.
func parseToastArgs(s string) (uint32, string, error) {
	rest, ok := strings.CutPrefix(s, toastArgPrefix)
	idText, key, ok2 := strings.Cut(rest, ":")
	if !ok || !ok2 || key == "" {
		return 0, "", fmt.Errorf("toast arguments %q: expected limber:<id>:<action>", s)
	}
	id, err := strconv.ParseUint(idText, 10, 32)
	if err != nil || id == 0 {
		return 0, "", fmt.Errorf("toast arguments %q: the id %q is not a notification number", s, idText)
	}
	return uint32(id), key, nil
}
