package assess

import (
	"strings"
)

// posOf is where cell j of the row is (or would be, past its end).
func (r *tableRow) posOf(j int) Position {
	if j < len(r.pos) {
		return r.pos[j]
	}
	if len(r.pos) > 0 {
		p := r.pos[len(r.pos)-1]
		p.Col += j - len(r.pos) + 1
		return p
	}
	return Position{Line: max(r.line, 1), Col: j + 1}
}

// plainHeader is a single header row.
func plainHeader(r1 *tableRow) []headerCell {
	hs := make([]headerCell, len(r1.cells))
	for j := range r1.cells {
		hs[j] = headerCell{text: r1.cell(j), pos: r1.posOf(j)}
	}
	return hs
}

// qualtricsHeader reads Qualtrics' three header rows: export tags (Q1,
// Q2_3), then question texts, then ImportIds. A column is named by its
// tag; the text may match too.
func qualtricsHeader(r1, r2 *tableRow) []headerCell {
	hs := make([]headerCell, len(r1.cells))
	for j := range r1.cells {
		hs[j] = headerCell{text: r1.cell(j), pos: r1.posOf(j)}
		hs[j].addAlt(r2.cell(j))
	}
	return hs
}

// legacyHeader reads the legacy Qualtrics export: V1, V2, ... over
// ResponseID, ResponseSet, ...; question columns carry their tag (Q1) on
// top and their text below.
func legacyHeader(r1, r2 *tableRow) []headerCell {
	hs := make([]headerCell, len(r1.cells))
	for j := range r1.cells {
		top, name := r1.cell(j), r2.cell(j)
		pos := r1.posOf(j)
		if isLegacyTag(top) || top == "" {
			hs[j] = headerCell{text: name, pos: pos}
			hs[j].addAlt(top)
		} else {
			hs[j] = headerCell{text: top, pos: pos}
			hs[j].addAlt(name)
		}
	}
	return hs
}

// monkeyHeader reads a raw SurveyMonkey export: question texts over a row
// of "Response", "Open-Ended Response" or the option / matrix-row label,
// the question's text written only over its first column.
func monkeyHeader(r1, r2 *tableRow) []headerCell {
	width := max(len(r1.cells), len(r2.cells))
	hs := make([]headerCell, 0, width)
	fill := ""
	for j := range width {
		top, sub := r1.cell(j), r2.cell(j)
		pos := r1.posOf(j)
		if j >= len(r1.cells) {
			pos = r2.posOf(j)
		}
		if top != "" {
			fill = top
		} else if sub != "" {
			top = fill
		}
		if isResponseLabel(sub) || top == "" {
			hs = append(hs, headerCell{text: top, pos: pos})
			continue
		}
		h := headerCell{text: top + " - " + sub, pos: pos}
		h.addAlt(sub)
		h.pairs = append(h.pairs, [2]string{top, sub})
		hs = append(hs, h)
	}
	return hs
}

func (h *headerCell) addAlt(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == h.text {
		return
	}
	for _, a := range h.alts {
		if a == s {
			return
		}
	}
	h.alts = append(h.alts, s)
}

func (h *headerCell) addDerived(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == h.text || len(h.derived) >= maxDerived {
		return
	}
	for _, a := range append(h.alts, h.derived...) {
		if a == s {
			return
		}
	}
	h.derived = append(h.derived, s)
}

// maxDerived bounds the texts derived from one header (a hostile header
// with many dashes).
const maxDerived = 16

// finishHeader adds what every header may also be read as: the row of a
// Google Forms grid or LimeSurvey array ("Question [Row]") as an
// alternative text; and, tried only after the texts themselves, the text
// after a code prefix ("Q01. Text", "[Q01] Text", "Q01: Text"), the code,
// and the statement after "Question - ". In a LimeSurvey export with
// "code. text" headings, an attribute is named by its code.
func finishHeader(hs []headerCell, layout string) {
	for i := range hs {
		h := &hs[i]
		for _, t := range append([]string{h.text}, h.alts...) {
			// Qualtrics: a question with a text-entry choice.
			if q, ok := strings.CutSuffix(t, " - Selected Choice"); ok {
				h.addAlt(q)
			}
			if strings.HasSuffix(t, "]") {
				if k := strings.LastIndex(t, " ["); k > 0 {
					h.addAlt(t[k+2 : len(t)-1])
				}
			}
		}
		texts := append([]string{h.text}, h.alts...)
		var codes []string
		for _, t := range texts {
			if code, rest, ok := splitCodePrefix(t); ok {
				h.addDerived(rest)
				codes = append(codes, code)
				if layout == LayoutLimeSurvey && t == h.text && h.attr == "" {
					h.attr = code
				}
			}
		}
		h.rests = len(h.derived)
		for _, c := range codes {
			h.addDerived(c)
		}
		// KoboToolbox and ODK name a column by its group path:
		// "group/question"; the question's own name is the last part.
		if i := strings.LastIndexByte(h.text, '/'); i > 0 && i < len(h.text)-1 && !strings.ContainsAny(h.text, " \u00a0") {
			h.addDerived(h.text[i+1:])
		}
		for _, t := range texts {
			for _, st := range statementSuffixes(t) {
				h.addDerived(st)
			}
		}
	}
}

// splitCodePrefix splits "Q01. Text", "Q03[SQ001]. Text", "Q1: Text",
// "1) Text" and "[Q01] Text" into the code and the text.
func splitCodePrefix(s string) (code, rest string, ok bool) {
	// LimeSurvey writes a no-break space after the code's dot.
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if strings.HasPrefix(s, "[") {
		j := strings.IndexByte(s, ']')
		if j < 2 || j > 41 || j+1 >= len(s) || s[j+1] != ' ' {
			return "", "", false
		}
		code, rest = s[1:j], strings.TrimSpace(s[j+1:])
		return code, rest, isCode(code) && rest != ""
	}
	i := 0
	for i < len(s) && i <= 40 && isCodeByte(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && s[i] == '[' { // a LimeSurvey subquestion: Q03[SQ001]
		j := strings.IndexByte(s[i:], ']')
		if j < 0 || j > 40 {
			return "", "", false
		}
		i += j + 1
	}
	if i == 0 || i+1 >= len(s) || i > 60 {
		return "", "", false
	}
	switch s[i] {
	case '.', ':', ')':
	default:
		return "", "", false
	}
	if s[i+1] != ' ' {
		return "", "", false
	}
	code, rest = s[:i], strings.TrimSpace(s[i+1:])
	return code, rest, rest != ""
}

func isCodeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isCodeByte(s[i]) && s[i] != '[' && s[i] != ']' && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

// statementSuffixes lists what may follow "Question - " in a header: the
// row statement of a matrix (Qualtrics, SurveyMonkey). Qualtrics' legacy
// export leaves out the spaces: "Question-Statement".
func statementSuffixes(s string) []string {
	var out []string
	// "How often do you: Statement", the stem of a matrix and its row, as
	// SurveyMonkey's one-row exports and hand-made sheets write it.
	for _, sep := range []string{" - ", " \u2013 ", " \u2014 ", "-", ": "} {
		for i := 0; len(out) < maxDerived; {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			i += j + len(sep)
			if t := strings.TrimSpace(s[i:]); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// isImportIDRow recognises Qualtrics' third header row:
// {"ImportId":"QID1"} (or with single quotes, in older exports).
func isImportIDRow(r *tableRow) bool {
	n, ids := 0, 0
	for _, c := range r.cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		if strings.HasPrefix(c, `{"ImportId"`) || strings.HasPrefix(c, `{'ImportId'`) {
			ids++
		}
	}
	return ids > 0 && 2*ids >= n
}

// isLegacyTag recognises Qualtrics legacy tags V1, V2, ...
func isLegacyTag(s string) bool {
	if len(s) < 2 || s[0] != 'V' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isResponseLabel(s string) bool {
	switch Normalize(s) {
	case "", "response", "open-ended response":
		return true
	}
	return false
}

// isSurveyMonkeySubRow recognises the second header row of a raw
// SurveyMonkey export: its first cell is empty (over the respondent id) or
// a "Response", and it says "Response" or "Open-Ended Response" over the
// questions' columns.
func isSurveyMonkeySubRow(r *tableRow) bool {
	if r.cell(0) != "" && !isResponseLabel(r.cell(0)) {
		// An export whose respondent-id column was removed starts its
		// second row with the first question's "Response".
		return false
	}
	for _, c := range r.cells {
		if n := Normalize(c); n == "response" || n == "open-ended response" {
			return true
		}
	}
	return false
}
