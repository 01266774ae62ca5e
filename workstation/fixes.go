package workstation

import (
	"sort"

	"github.com/limberapp/limber/content"

	"github.com/limberapp/limber/msg"
)

// Fix is one thing to change: an item answered "No", or to look at: an
// item answered "Not sure".
type Fix struct {
	Item   *content.ChecklistItem
	Answer Answer
}

// ImpactName names an impact level.
func ImpactName(impact int) string {
	switch {
	case impact >= 3:
		return "high impact"
	case impact == 2:
		return "medium impact"
	}
	return "low impact"
}

// impactText is ImpactName as a message.
func impactText(impact int) msg.Text {
	switch {
	case impact >= 3:
		return msg.L("workstation.impact.high", "high impact")
	case impact == 2:
		return msg.L("workstation.impact.medium", "medium impact")
	}
	return msg.L("workstation.impact.low", "low impact")
}

// Fixes returns the items answered want (No for fixes, Unsure for things to
// check) that apply to the set-up, highest impact first, then by area in
// checklist order, then in checklist order.
func Fixes(items []*content.ChecklistItem, s Setup, answers Answers, want Answer) []Fix {
	type ranked struct {
		Fix
		order int
	}
	var rs []ranked
	for i, it := range items {
		if Applies(it, s) && answers[it.ID] == want {
			rs = append(rs, ranked{Fix{it, want}, i})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i].Item, rs[j].Item
		if a.Impact != b.Impact {
			return a.Impact > b.Impact
		}
		if ai, bi := areaIndex(a.Area), areaIndex(b.Area); ai != bi {
			return ai < bi
		}
		return rs[i].order < rs[j].order
	})
	out := make([]Fix, len(rs))
	for i, r := range rs {
		out[i] = r.Fix
	}
	return out
}
