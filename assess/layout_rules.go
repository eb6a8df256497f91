package assess

// rowRules are what a layout says about whole responses: which to leave
// out (Qualtrics survey previews and spam) and which to mention
// (Qualtrics test responses, incomplete responses).
type rowRules struct {
	status, channel, finished int // Qualtrics columns, -1 if none
	submit                    int // LimeSurvey's submitdate, -1 if none
	responseType              int // Typeform's Response Type, -1 if none
	// duration (seconds), or start and end times: how long a respondent
	// took, for finding speeders (quality.go); -1 if none
	duration, start, end int
}

// noRowRules are the rules of a table that has none.
var noRowRules = rowRules{status: -1, channel: -1, finished: -1, submit: -1, responseType: -1, duration: -1, start: -1, end: -1}

func newRowRules(l tableLayout, cols []Column) rowRules {
	r := noRowRules
	find := func(names ...string) int {
		for i, h := range l.hs {
			if cols[i].Kind == ColumnQuestion || cols[i].Kind == ColumnAttribute && cols[i].How == "mapping" {
				continue
			}
			for _, t := range append([]string{h.text}, h.alts...) {
				sq := squashHeader(t)
				for _, n := range names {
					if sq == n {
						return i
					}
				}
			}
		}
		return -1
	}
	// Qualtrics' "Duration (in seconds)" (also in German); else start
	// and end times: Microsoft Forms' "Start time" and "Completion time",
	// Qualtrics' and SurveyMonkey's "StartDate"/"Start Date" and
	// "EndDate"/"End Date", LimeSurvey's startdate and submitdate,
	// Alchemer's "Time Started" and "Date Submitted".
	r.duration = find("durationinseconds", "dauerinsekunden")
	if r.duration < 0 {
		r.start = find("starttime", "startdate", "timestarted")
		r.end = find("completiontime", "endtime", "enddate", "submitdate", "datesubmitted")
		if r.start < 0 || r.end < 0 {
			r.start, r.end = -1, -1
		}
	}
	switch l.name {
	case LayoutQualtrics:
		r.status = find("status")
		r.channel = find("distributionchannel")
		r.finished = find("finished")
	case LayoutLimeSurvey:
		r.submit = find("submitdate", "datesubmitted")
	case LayoutTypeform:
		r.responseType = find("responsetype")
	}
	return r
}

// Qualtrics' response types, as numbers (numeric exports) and as text
// (choice-text exports): 0 IP Address, 1 Survey Preview, 2 Survey Test,
// 4 Imported, 8 Spam, 9 Survey Preview Spam, 12 Imported Spam,
// 16 Offline, 17 Offline Survey Preview.
var qualtricsStatus = map[string]string{
	"1": ExcludedPreview, "survey preview": ExcludedPreview,
	"9": ExcludedPreview, "survey preview spam": ExcludedPreview,
	"17": ExcludedPreview, "offline survey preview": ExcludedPreview,
	"8": ExcludedSpam, "spam": ExcludedSpam,
	"12": ExcludedSpam, "imported spam": ExcludedSpam,
}

// Reasons a response is kept but mentioned by inspect.
const (
	keptSurveyTest = "survey test"
	keptIncomplete = "incomplete"
)

// exclude says why a response is left out, or "".
func (r rowRules) exclude(row *tableRow) string {
	if r.status >= 0 {
		if why := qualtricsStatus[Normalize(row.cell(r.status))]; why != "" {
			return why
		}
	}
	if r.channel >= 0 {
		switch Normalize(row.cell(r.channel)) {
		case "preview":
			return ExcludedPreview
		case "spam":
			return ExcludedSpam
		}
	}
	return ""
}

// note says what is worth a word about a response that is kept, or "".
// Incomplete responses count, as the tools' own reports count them: the
// questions they did answer are answers; min_answered decides whether a
// dimension has enough of them.
func (r rowRules) note(row *tableRow) string {
	if r.status >= 0 {
		switch Normalize(row.cell(r.status)) {
		case "2", "survey test":
			return keptSurveyTest
		}
	}
	if r.finished >= 0 {
		switch Normalize(row.cell(r.finished)) {
		case "0", "false":
			return keptIncomplete
		}
	}
	if r.submit >= 0 && row.cell(r.submit) == "" {
		return keptIncomplete
	}
	if r.responseType >= 0 && Normalize(row.cell(r.responseType)) == "partial" {
		return keptIncomplete
	}
	return ""
}

// seconds reads how long the respondent of row took, if the table says.
func (r rowRules) seconds(row *tableRow) (float64, bool) {
	if r.duration >= 0 {
		return parseSeconds(row.cell(r.duration))
	}
	if r.start >= 0 {
		return elapsed(row.cell(r.start), row.cell(r.end))
	}
	return 0, false
}
