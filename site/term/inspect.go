package term

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/aiready/aiready/assess"
)

// WriteInspection prints one input's inspection for `aiready inspect`:
// meant to fit a screen. Headers and values come from the input: w must
// escape what a terminal would act on (cmd/aiready's termWriter).
func WriteInspection(w io.Writer, r *assess.Rubric, in *assess.Inspection) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("%s: %s\n", in.File, inspectLayout(in))
	p("  %d respondents read", in.Respondents)
	if len(in.Excluded) > 0 {
		p("; left out: %s", inspectCounts(in.Excluded, map[string]string{
			assess.ExcludedPreview: "survey preview", assess.ExcludedSpam: "spam response"}))
	}
	p("\n")
	if n := in.Kept["survey test"]; n > 0 {
		p("  note: %d are Qualtrics test responses (Status \"Survey Test\"); they are read: delete them in Qualtrics if they are not real\n", n)
	}
	if n := in.Kept["incomplete"]; n > 0 {
		p("  note: %d never finished the survey; their answers count (min_answered decides whether a dimension has enough)\n", n)
	}
	inspectRepeats(w, in.IDRepeats) // term.go
	if len(in.Columns) > 0 {
		p("\nCOLUMNS\n")
		tw := NewTable(w)
		fmt.Fprintln(tw, "  #\tHEADER\tREAD AS\tHOW")
		var names []assess.InspectColumn
		for i := 0; i < len(in.Columns); i++ {
			c := in.Columns[i]
			if c.QuestionName {
				names = append(names, c)
				continue
			}
			j := i
			for c.Kind != assess.ColumnQuestion && c.Kind != assess.ColumnAttribute && j+1 < len(in.Columns) &&
				inspectSameGroup(c, in.Columns[j+1]) {
				j++
			}
			// Columns named by their question's id say all there is to
			// say in one line.
			for byOwnID(c) && j+1 < len(in.Columns) && byOwnID(in.Columns[j+1]) && !in.Columns[j+1].QuestionName {
				j++
			}
			if byOwnID(c) && j-i >= 3 {
				fmt.Fprintf(tw, "  %d-%d\t%s ... %s\t%d questions\tby id\n", c.Index+1, in.Columns[j].Index+1, c.Header, in.Columns[j].Header, j-i+1)
				i = j
				continue
			} else if byOwnID(c) {
				j = i
			}
			if j > i {
				var hs []string
				for _, o := range in.Columns[i : j+1] {
					hs = append(hs, o.Header)
				}
				fmt.Fprintf(tw, "  %d-%d\t%s\t%s\t%s\n", c.Index+1, in.Columns[j].Index+1, inspectClip(strings.Join(hs, ", "), 46), inspectReadAs(c), inspectHow(c))
				i = j
				continue
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", c.Index+1, inspectHeader(c), inspectReadAs(c), inspectHow(c))
		}
		tw.Flush()
		if len(names) > 0 {
			p("\nQUESTION NAMES in column %q\n", in.LongRoles[1])
			tw = NewTable(w)
			for _, c := range names {
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", inspectClip(c.Header, 46), inspectReadAs(c), inspectHow(c))
			}
			tw.Flush()
		}
	}
	var absent []string
	for _, q := range in.Questions {
		if len(q.Columns) == 0 && len(in.Columns) > 0 {
			absent = append(absent, q.ID)
		}
	}
	if len(absent) == len(in.Questions) {
		p("\nNo column answers a question of rubric %q: is it the right rubric (-r), or do the headers need [columns]?\n", r.ID)
		inspectSuggestions(w, in)
		return
	}
	p("\nQUESTIONS\n")
	var table strings.Builder
	tw := NewTable(&table)
	fmt.Fprintln(tw, "  ID\tANSWERED\tSKIPPED\tUNRECOGNISED\tFROM")
	// With many questions, only those worth a look get a line.
	many := len(in.Questions) > inspectFullQuestions
	others, lo, hi := 0, -1, 0
	for i, q := range in.Questions {
		from := columnRanges(in, q.Columns)
		if len(q.Columns) == 0 && len(in.Columns) > 0 {
			continue
		}
		if many && q.Invalid == 0 && q.Answered > 0 {
			others++
			if lo < 0 || q.Answered < lo {
				lo = q.Answered
			}
			hi = max(hi, q.Answered)
			continue
		}
		if r.Questions[i].Type == assess.TypeText {
			fmt.Fprintf(tw, "  %s\t%d\t-\t-\t%s (free text)\n", q.ID, q.Answered, from)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%s\n", q.ID, q.Answered, q.Skipped, q.Invalid, from)
	}
	tw.Flush()
	if strings.Count(table.String(), "\n") > 1 {
		p("%s", table.String())
	}
	if others > 0 {
		span := strconv.Itoa(lo)
		if hi > lo {
			span += "-" + strconv.Itoa(hi)
		}
		p("  %d other questions: every answer recognised, %s answers each\n", others, span)
	}
	if len(absent) > 0 {
		p("  not in this file: %s\n", inspectClip(strings.Join(absent, ", "), 100))
	}
	if len(in.Unrecognised) > 0 {
		p("\nUNRECOGNISED ANSWERS (each counted as missing when scoring; --strict stops at them)\n")
		tw = NewTable(w)
		for i := 0; i < len(in.Unrecognised); {
			j := i
			for j < len(in.Unrecognised) && in.Unrecognised[j].Question == in.Unrecognised[i].Question {
				j++
			}
			fmt.Fprintf(tw, "  %s\t%s\n", in.Unrecognised[i].Question, valueList(in.Unrecognised[i:j], in.Format == "xlsx"))
			i = j
		}
		tw.Flush()
	}
	if len(in.Problems) > 0 {
		p("\nPROBLEMS (score and build stop at these)\n")
		for _, e := range in.Problems {
			p("  %s\n", OneLine(e.Error()))
		}
	}
	if !inspectSuggestions(w, in) && len(in.Unrecognised) == 0 && len(in.Problems) == 0 {
		p("\nEvery answer was recognised.\n")
	}
}

func inspectSuggestions(w io.Writer, in *assess.Inspection) bool {
	if len(in.SuggestColumns)+len(in.SuggestValues) == 0 {
		return false
	}
	fmt.Fprintf(w, "\nSUGGESTED for assessment.toml, or a file for --map (check them first; # lines need your choice)\n")
	for _, l := range append(append([]string{}, in.SuggestColumns...), in.SuggestValues...) {
		fmt.Fprintf(w, "  %s\n", l)
	}
	return true
}

func inspectLayout(in *assess.Inspection) string {
	var b strings.Builder
	switch in.Format {
	case "toml", "json":
		return fmt.Sprintf("native %s answers (questions named by id)", strings.ToUpper(in.Format))
	}
	b.WriteString(assess.LayoutTitle(in.Layout))
	if in.Layout != assess.LayoutWide && in.Layout != assess.LayoutLong {
		b.WriteString(" export")
	}
	switch in.Format {
	case "csv":
		d := map[rune]string{',': "comma", ';': "semicolon", '\t': "tab"}[in.Delimiter]
		fmt.Fprintf(&b, ", CSV (%s-separated)", d)
	case "xlsx":
		b.WriteString(", XLSX (first sheet)")
	}
	if in.Forced {
		b.WriteString(", as --input-format says")
	} else if in.LayoutWhy != "" {
		fmt.Fprintf(&b, " (%s)", in.LayoutWhy)
	}
	switch {
	case in.HeaderRows > 1:
		fmt.Fprintf(&b, "\n  header: lines %d-%d", in.HeaderLine, in.HeaderLine+in.HeaderRows-1)
	case in.HeaderLine > 0:
		fmt.Fprintf(&b, "\n  header: line %d", in.HeaderLine)
	}
	if in.TitleRows > 0 {
		fmt.Fprintf(&b, " (%d title line(s) above it skipped)", in.TitleRows)
	}
	if in.Layout == assess.LayoutLong {
		fmt.Fprintf(&b, "; respondent %q, question %q, answer %q", in.LongRoles[0], in.LongRoles[1], in.LongRoles[2])
	}
	return b.String()
}

// inspectFullQuestions is how many questions the QUESTIONS table lists in full.
const inspectFullQuestions = 12

// byOwnID reports a column whose header is its question's id.
func byOwnID(c assess.InspectColumn) bool {
	return c.Kind == assess.ColumnQuestion && c.How == "id" && c.Option == "" && c.Header == c.Question
}

func inspectSameGroup(a, b assess.InspectColumn) bool {
	return !b.QuestionName && a.Kind == b.Kind && a.How == b.How && a.Why == b.Why
}

func inspectHeader(c assess.InspectColumn) string {
	h := c.Header
	if h == "" {
		h = "(empty)"
	}
	// A Qualtrics tag says little: show the question text beside it, and
	// the end of a long one, where a matrix row's statement is.
	if len(c.Texts) > 0 && len(h) <= 12 && !strings.Contains(h, " ") && c.Texts[0] != "" {
		return clipMiddle(h+" · "+c.Texts[0], 46)
	}
	return clipMiddle(h, 46)
}

// clipMiddle shortens s to n runes, keeping its start and its end.
func clipMiddle(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	head := n / 3
	return string(r[:head]) + "…" + string(r[len(r)-(n-head-1):])
}

func inspectReadAs(c assess.InspectColumn) string {
	switch c.Kind {
	case assess.ColumnQuestion:
		if c.Option != "" {
			return inspectClip(c.Question+": "+c.Option, 32)
		}
		return c.Question
	case assess.ColumnAttribute:
		return inspectClip("attribute "+c.Attr, 32)
	case assess.ColumnIdentity:
		if c.How == "respondent" || strings.HasPrefix(c.Why, "respondent id") {
			return "respondent id"
		}
	}
	return "not read"
}

func inspectHow(c assess.InspectColumn) string {
	switch c.Kind {
	case assess.ColumnQuestion:
		return "by " + c.How
	case assess.ColumnAttribute:
		s := "by header; for --segment"
		if c.How == "mapping" {
			s = "by mapping; for --segment"
		}
		if c.Values >= 1000 {
			return s + " (1000+ values: free text?)"
		}
		if c.Values == 1 {
			return s + " (1 value)"
		}
		return fmt.Sprintf("%s (%d values)", s, c.Values)
	}
	switch c.How {
	case "identity":
		if inspectReadAs(c) == "respondent id" {
			return "tells rows apart; never shown"
		}
		return "personal data: never read"
	case "respondent":
		return "groups the rows; never shown"
	case "metadata":
		return "survey-tool bookkeeping"
	case "empty":
		return "no header"
	}
	return OneLine(c.Why)
}

// columnRanges writes column numbers as "3, 5-8".
func columnRanges(in *assess.Inspection, idx []int) string {
	var nums []int
	names := 0
	for _, i := range idx {
		if in.Columns[i].QuestionName {
			names++
			continue
		}
		nums = append(nums, in.Columns[i].Index+1)
	}
	sort.Ints(nums)
	var parts []string
	for k := 0; k < len(nums); {
		j := k
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if j > k {
			parts = append(parts, fmt.Sprintf("%d-%d", nums[k], nums[j]))
		} else {
			parts = append(parts, strconv.Itoa(nums[k]))
		}
		k = j + 1
	}
	s := ""
	if len(parts) > 0 {
		s = "column " + strings.Join(parts, ", ")
	}
	if names > 0 {
		s = strings.TrimPrefix(s+fmt.Sprintf(", %d question name(s)", names), ", ")
	}
	if s == "" {
		s = "-"
	}
	return s
}

// valueList writes one question's unrecognised answers on one line: the
// most frequent with the lines they are on, the rest with their counts.
func valueList(us []assess.UnrecognisedValue, rows bool) string {
	const withLines, most = 2, 6
	var parts []string
	for k, u := range us {
		if k == most {
			parts = append(parts, fmt.Sprintf("and %d more", len(us)-most))
			break
		}
		s := fmt.Sprintf("%s %d×", strconv.Quote(inspectClip(u.Value, 32)), u.Count)
		if k < withLines {
			s += " (" + inspectLines(u, rows) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func inspectLines(u assess.UnrecognisedValue, rows bool) string {
	word := "line"
	if rows { // a workbook has rows, not lines
		word = "row"
	}
	var ls []string
	for _, l := range u.Lines {
		ls = append(ls, strconv.Itoa(l))
	}
	s := word + " " + strings.Join(ls, ", ")
	if len(ls) > 1 {
		s = word + "s " + strings.Join(ls, ", ")
	}
	if u.Count > len(u.Lines) {
		s += ", …"
	}
	return s
}

func inspectCounts(m map[string]int, names map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		name := names[k]
		if name == "" {
			name = k
		}
		if m[k] != 1 {
			name += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", m[k], name))
	}
	return strings.Join(parts, ", ")
}

func inspectClip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
