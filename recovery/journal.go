package recovery

// JournalData is the Data of the journal record of a check-in (event
// "checkin", kind "recovery"): the answers, the phase and the advice level.
func (c *Checkin) JournalData(phase, advice string, day int) map[string]any {
	d := map[string]any{"date": fmtDate(c.Date), "pain": c.Pain, "phase": phase, "advice": advice, "day": day}
	if c.Function != "" {
		d["function"] = c.Function
	}
	if c.Sleep != "" {
		d["sleep"] = c.Sleep
	}
	if len(c.Flags) > 0 {
		d["flags"] = append([]string(nil), c.Flags...)
	}
	for k, v := range c.Answers {
		d[k] = v
	}
	return d
}
