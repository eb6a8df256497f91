package assess

import (
	"fmt"
	"strings"
	"unicode"
)

// Layouts: the shape of a tabular input, named after the survey tool that
// writes it. ReadOptions.Format takes any of them to force one.
const (
	// LayoutWide is a plain table: one header row, one row per respondent.
	LayoutWide = "wide"
	// LayoutGoogleForms: "Timestamp" first, question texts as headers,
	// grids as "Question [Row]", checkboxes joined with ", ".
	LayoutGoogleForms = "google-forms"
	// LayoutMicrosoftForms: "ID, Start time, Completion time, Email,
	// Name" first, multi answers as "a;b;".
	LayoutMicrosoftForms = "microsoft-forms"
	// LayoutSurveyMonkey: question texts over a row of "Response", option
	// and matrix-row labels; a multi question over one column per option.
	LayoutSurveyMonkey = "surveymonkey"
	// LayoutQualtrics: export tags, question texts and ImportIds (or the
	// legacy V1, V2, ... over names); previews and spam left out.
	LayoutQualtrics = "qualtrics"
	// LayoutTypeform: "#" first, one column per choice headed by its text.
	LayoutTypeform = "typeform"
	// LayoutLimeSurvey: id, submitdate, lastpage, startlanguage; headers as
	// codes, texts or "code. text"; multi as "Question [Option]" columns.
	LayoutLimeSurvey = "limesurvey"
	// LayoutLong: one row per answer: respondent, question, answer.
	LayoutLong = "long"
)

// Layouts lists the layouts in the order help texts show them.
var Layouts = []string{LayoutGoogleForms, LayoutMicrosoftForms, LayoutSurveyMonkey, LayoutQualtrics,
	LayoutTypeform, LayoutLimeSurvey, LayoutLong, LayoutWide}

// layoutTitles name the layouts for people.
var layoutTitles = map[string]string{
	LayoutWide:           "plain table (one row per respondent)",
	LayoutGoogleForms:    "Google Forms",
	LayoutMicrosoftForms: "Microsoft Forms",
	LayoutSurveyMonkey:   "SurveyMonkey",
	LayoutQualtrics:      "Qualtrics",
	LayoutTypeform:       "Typeform",
	LayoutLimeSurvey:     "LimeSurvey",
	LayoutLong:           "long (one row per answer)",
}

// LayoutTitle names a layout for people ("Google Forms").
func LayoutTitle(layout string) string {
	if t, ok := layoutTitles[layout]; ok {
		return t
	}
	return layout
}

// parseFormat splits ReadOptions.Format into a container (csv, xlsx,
// toml, json) and a layout; either may be "" (detect it). Spellings such
// as "GoogleForms", "ms-forms" or "Survey Monkey" are accepted.
func parseFormat(format string) (container, layout string, ok bool) {
	f := strings.ToLower(strings.TrimSpace(format))
	switch f {
	case "":
		return "", "", true
	case FormatCSV, "tsv", "txt", FormatXLSX, "xlsm", FormatTOML, FormatJSON, "xls":
		return f, "", true
	}
	squash := strings.NewReplacer("-", "", "_", "", " ", "", ".", "").Replace(f)
	switch squash {
	case "wide", "table", "plain":
		return "", LayoutWide, true
	case "googleforms", "google", "gforms":
		return "", LayoutGoogleForms, true
	case "microsoftforms", "msforms", "microsoft", "forms", "office365forms", "officeforms":
		return "", LayoutMicrosoftForms, true
	case "surveymonkey", "monkey":
		return "", LayoutSurveyMonkey, true
	case "qualtrics", "qualtricslegacy":
		return "", LayoutQualtrics, true
	case "typeform":
		return "", LayoutTypeform, true
	case "limesurvey", "lime":
		return "", LayoutLimeSurvey, true
	case "long", "tidy", "stacked":
		return "", LayoutLong, true
	}
	return "", "", false
}

// KnownFormat reports whether ReadOptions.Format accepts format.
func KnownFormat(format string) bool {
	_, _, ok := parseFormat(format)
	return ok
}

// FormatNames lists what ReadOptions.Format accepts, for messages.
func FormatNames() string { return formatNames() }

// formatNames is the list an unknown --input-format is answered with.
func formatNames() string {
	return strings.Join(append(append([]string{}, Layouts...), FormatCSV, FormatXLSX, FormatTOML, FormatJSON), ", ")
}

// headerScanRows is how many rows are looked at to find the header: the
// rows of a multi-row header, and title lines some exports put first.
const headerScanRows = 10

// tableLayout is what detection decided about a table's first rows.
type tableLayout struct {
	name    string
	why     string // what gave the layout away, for inspect
	forced  bool
	skipped int // rows before the header (title lines)
	rows    int // header rows
	hs      []headerCell
	long    *longRoles // LayoutLong only
}

// detectLayout chooses the header among the first rows and the layout
// they are written in. rows are the first non-blank rows of the input
// (at most headerScanRows). A row may start the header only when every
// row before it holds at most one cell of text, as the title lines some
// exports put first do; among those candidates the one whose header
// reads as a known tool wins, then the one matching most questions.
func detectLayout(rows []*tableRow, forced string, m *columnMatcher) (tableLayout, error) {
	var best tableLayout
	bestKey := [3]int{-1, -1, -1}
	var firstErr error
	for i := 0; i < len(rows) && i < headerScanRows; i++ {
		l, err := classify(rows[i:], forced)
		if err == nil && l.long != nil && !l.forced {
			// A table whose headers answer questions is wide, whatever
			// else its columns are called.
			wide := tableLayout{name: LayoutWide, rows: 1, hs: l.hs}
			finishHeader(wide.hs, LayoutWide)
			if m.score(wide) > 0 {
				wide.why = "no survey tool's columns recognised"
				l = wide
			}
		}
		if err == nil && l.long == nil && l.rows == 1 && i+1 < len(rows) && (l.forced || subHeader(rows[i], rows[i+1])) {
			// Two header rows of no known tool: question texts over
			// blank cells, the options or statements in the second row
			// (a LimeSurvey or SurveyMonkey export reworked in Excel).
			// They are two when that matches more questions.
			two := l
			two.rows, two.hs = 2, monkeyHeader(rows[i], rows[i+1])
			finishHeader(two.hs, two.name)
			if m.score(two) > m.score(l) {
				two.why = strings.TrimPrefix(l.why+"; ", "no survey tool's columns recognised; ") + "two header rows: questions over their options or statements"
				l = two
			}
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
		} else {
			l.skipped = i
			known := 0
			if l.name != LayoutWide || l.forced {
				known = 1
			}
			thin := 0
			if !rows[i].thin() {
				thin = 1
			}
			key := [3]int{known, m.score(l), thin}
			if key[0] > bestKey[0] || key[0] == bestKey[0] && (key[1] > bestKey[1] || key[1] == bestKey[1] && key[2] > bestKey[2]) {
				best, bestKey = l, key
			}
		}
		if !rows[i].thin() {
			break
		}
	}
	if bestKey[0] < 0 {
		return best, firstErr
	}
	return best, nil
}

// subHeader tells whether r2 may be the second row of a header begun by
// r1: r1 leaves a cell blank after a text, or repeats the text before it
// (a question over several columns), where r2 has text.
func subHeader(r1, r2 *tableRow) bool {
	seen := false
	for j := range r2.cells {
		if t := r1.cell(j); t != "" && (j == 0 || t != r1.cell(j-1)) {
			seen = true
			continue
		}
		if seen && r2.cell(j) != "" {
			return true
		}
	}
	return false
}

// thin reports a row with at most one cell of text: a title line, or a
// one-column file.
func (r *tableRow) thin() bool {
	n := 0
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n <= 1
}

// score counts the columns of a candidate header that answer a question.
func (m *columnMatcher) score(l tableLayout) int {
	if l.long != nil {
		return 0
	}
	saved := m.layout
	m.layout = l.name
	n := 0
	for _, h := range l.hs {
		if c, _, _ := m.matchOne(h, false); c.Kind == ColumnQuestion {
			n++
		}
	}
	m.layout = saved
	return n
}

// classify reads the header that starts at rows[0] in the forced layout,
// or in the one its rows give away.
func classify(rows []*tableRow, forced string) (tableLayout, error) {
	r1 := rows[0]
	var r2 *tableRow
	if len(rows) > 1 {
		r2 = rows[1]
	}
	importID := len(rows) > 2 && isImportIDRow(rows[2])
	legacy := r2 != nil && r1.cell(0) == "V1" && r1.cell(1) == "V2" && Normalize(r2.cell(0)) == "responseid"
	monkey := r2 != nil && isSurveyMonkeySubRow(r2)
	l := tableLayout{name: forced, forced: forced != "", rows: 1}
	switch {
	case forced == LayoutLong || forced == "":
		roles, ok := findLongRoles(r1)
		if forced == "" && ok {
			// "Respondent ID" first says SurveyMonkey only weakly.
			sig, _ := signature(r1)
			ok = (sig == LayoutWide || sig == LayoutSurveyMonkey) && !importID && !legacy && !monkey
		}
		if ok {
			l.name, l.long, l.why = LayoutLong, roles, fmt.Sprintf("columns %q, %q and %q", r1.cell(roles.resp), r1.cell(roles.question), r1.cell(roles.answer))
			l.hs = plainHeader(r1)
			return l, nil
		}
		if forced == LayoutLong {
			return l, Errorf(r1.posOf(0), "a long layout needs a respondent, a question and an answer column (headers such as respondent, question, answer); this header has none of %s", longRoleNames())
		}
	}
	switch {
	case (forced == "" || forced == LayoutQualtrics) && importID:
		l.name, l.rows, l.why = LayoutQualtrics, 3, "three header rows, the third of ImportIds"
		l.hs = qualtricsHeader(r1, r2)
	case (forced == "" || forced == LayoutQualtrics) && legacy:
		l.name, l.rows, l.why = LayoutQualtrics, 2, "legacy export: V1, V2, ... over ResponseID, ResponseSet, ..."
		l.hs = legacyHeader(r1, r2)
	case forced == "" && monkey, forced == LayoutSurveyMonkey && r2 != nil && !r2.blank():
		l.name, l.rows, l.why = LayoutSurveyMonkey, 2, "two header rows: questions over \"Response\" and option labels"
		l.hs = monkeyHeader(r1, r2)
	default:
		l.hs = plainHeader(r1)
		if forced == "" {
			l.name, l.why = signature(r1)
		}
	}
	if l.forced && l.why == "" {
		l.why = "as --input-format says"
	}
	finishHeader(l.hs, l.name)
	return l, nil
}

// signature recognises a tool by the bookkeeping columns it writes into a
// single header row.
func signature(r *tableRow) (layout, why string) {
	names := make([]string, len(r.cells))
	has := map[string]bool{}
	for j := range r.cells {
		names[j] = squashHeader(r.cell(j))
		has[names[j]] = true
		// LimeSurvey's "code. text" headings: "submitdate. Date submitted".
		if code, rest, ok := splitCodePrefix(r.cell(j)); ok {
			has[squashHeader(code)] = true
			has[squashHeader(rest)] = true
		}
	}
	first := func(n int) string { return strings.Join(names[:min(n, len(names))], ",") }
	switch {
	case googleTimestamp[first(1)]:
		return LayoutGoogleForms, fmt.Sprintf("first column %q", r.cell(0))
	case first(3) == "id,starttime,completiontime":
		return LayoutMicrosoftForms, "first columns ID, Start time, Completion time"
	case r.cell(0) == "#" || has["networkid"] && has["submitdateutc"]:
		return LayoutTypeform, "a # column and Typeform's Network ID / Submit Date (UTC)"
	case (has["submitdate"] || has["datesubmitted"]) && has["lastpage"] && has["startlanguage"]:
		return LayoutLimeSurvey, "LimeSurvey's submitdate, lastpage and startlanguage columns"
	case has["responseid"] && (has["distributionchannel"] || has["status"] && has["finished"]):
		return LayoutQualtrics, "Qualtrics' ResponseId, Status and Finished columns"
	case first(1) == "respondentid":
		return LayoutSurveyMonkey, "first column Respondent ID"
	}
	return LayoutWide, "no survey tool's columns recognised"
}

// googleTimestamp is "Timestamp" in the languages Google Forms exports in.
var googleTimestamp = map[string]bool{
	"timestamp": true, "marcatemporal": true, "horodateur": true, "zeitstempel": true,
	"carimbodedatahora": true, "tijdstempel": true, "informazionicronologiche": true,
	"sygnaturaczasowa": true, "tidsstempel": true, "tidsstämpel": true, "aikaleima": true,
}

// squashHeader is a header reduced to lower-case letters and digits, so
// that "IP Address", "IPAddress" and "ip_address" compare equal.
func squashHeader(s string) string {
	n := headerKey(s)
	var b strings.Builder
	for _, r := range n {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// longRoles are the columns of a long layout.
type longRoles struct {
	resp, question, answer int
}

// Header names of the three columns of a long layout, squashed.
var (
	longRespondent = []string{"respondent", "respondentid", "responseid", "participant", "participantid",
		"id", "recordid", "uuid", "submissionid", "respondentuuid", "person", "personid", "caseid"}
	longQuestion = []string{"question", "questionid", "questioncode", "item", "itemid", "variable",
		"field", "qid", "questiontext"}
	longAnswer = []string{"answer", "value", "response", "answervalue", "responsevalue", "answertext"}
)

func longRoleNames() string {
	return "respondent, question, answer"
}

// findLongRoles looks for the respondent, question and answer columns of
// a long layout. Each role takes the first column whose name is the
// earliest in that role's list of names.
func findLongRoles(r *tableRow) (*longRoles, bool) {
	find := func(names []string, taken ...int) int {
		for _, want := range names {
		cells:
			for j := range r.cells {
				for _, t := range taken {
					if t == j {
						continue cells
					}
				}
				if squashHeader(r.cell(j)) == want {
					return j
				}
			}
		}
		return -1
	}
	q := find(longQuestion)
	if q < 0 {
		return nil, false
	}
	a := find(longAnswer, q)
	if a < 0 {
		return nil, false
	}
	p := find(longRespondent, q, a)
	if p < 0 {
		return nil, false
	}
	return &longRoles{resp: p, question: q, answer: a}, true
}
