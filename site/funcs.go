package site

import (
	"fmt"
	"html/template"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/markdown"
	"github.com/aiready/aiready/site/view"
)

// funcs are the template functions. They format and look up; none of them
// computes a figure that the view does not already hold.
var funcs = template.FuncMap{
	"score":      score,
	"num1":       num1,
	"plain":      plain,
	"signed":     signed,
	"pct":        pct,
	"md":         md,
	"firstPara":  firstPara,
	"lvl":        lvlClass,
	"dimFile":    dimFile,
	"segFile":    segFile,
	"answers":    answersText,
	"cond":       condText,
	"levelRange": levelRange,
	"flagOf":     flagOf,
	"atTarget":   atTarget,
	"first":      first,
	"deref":      deref,
	"why":        whyText,
	"severity":   severityText,
	"horizon":    horizonText,
	"itemFor":    itemFor,
	"segQ":       segQuestion,
	"questionN":  questionN,
	"minus":      minus,
	"below":      below,
	"plural":     plural,
	"radar":      radar,
	"segRadar":   segmentRadar,
	"divbar":     divergingBar,
	"sharebar":   shareBar,
	"scorebar":   scoreBar,
	"gapbar":     gapBar,
	"typeText":   typeText,
	"dict":       dict,
	"anchor":     anchor,
	"deref64":    deref64,
	"add":        func(a, b int) int { return a + b },
	"dimFileOf":  dimFileOf,
	"notes":      notesFor,
	"override":   overrideOf,
	"dropped":    dropped,
	"trend":      trendOf,
	"change":     change,
	"arrow":      arrow,
	"trendChart": trendChart,
	"trendData":  trendData,
	"trendIntro": trendIntro,
	"longDate":   view.LongDate,
}

// dict builds a map from key, value pairs, to hand a partial several values.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// anchor makes an id for an element from a prefix and a rubric id or
// name, safe as an HTML id and a URL fragment.
func anchor(prefix, s string) string { return prefix + "-" + view.Slug(s) }

func deref64(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// dimFileOf is the page of a rubric dimension.
func dimFileOf(rep *view.Report, d *assess.Dimension) string {
	return dimFile(rep.Dimensions[d.Index])
}

// num1 formats a score with one decimal, never as "-0.0".
func num1(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// plain formats a number the rubric sets, such as the target, as written.
func plain(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func score(p *float64) string {
	if p == nil {
		return "no score"
	}
	return num1(*p)
}

// signed formats a difference with its sign, a true minus for negatives.
func signed(f float64) string {
	s := num1(math.Abs(f))
	switch {
	case s == "0.0":
		return "0.0"
	case f < 0:
		return "\u2212" + s
	}
	return "+" + s
}

func pct(share float64) string {
	return strconv.Itoa(int(math.Round(share*100))) + "%"
}

func minus(a, b float64) float64 { return a - b }

// below is how far a score falls short of the target, 0 if it does not.
func below(p *float64, target float64) float64 {
	if p == nil {
		return 0
	}
	return math.Max(0, target-*p)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

var (
	headingRE = regexp.MustCompile(`<(/?)h([1-6])( id="[^"]*")?>`)
)

// md renders rubric Markdown with its headings moved so that the highest
// of them is at level top (2 for h2, ...), keeping the page outline in
// order. The generated heading ids are dropped: two texts on one page may
// share a heading, and ids must be unique. goldmark writes every tag
// itself (raw HTML is off), so the rewrite sees only its tags.
func md(top int, src string) template.HTML {
	h := string(markdown.HTML(src))
	if h == "" {
		return ""
	}
	highest := 7
	for _, m := range headingRE.FindAllStringSubmatch(h, -1) {
		lv, _ := strconv.Atoi(m[2])
		highest = min(highest, lv)
	}
	return template.HTML(headingRE.ReplaceAllStringFunc(h, func(tag string) string { //nolint:gosec // tags goldmark wrote
		m := headingRE.FindStringSubmatch(tag)
		lv, _ := strconv.Atoi(m[2])
		lv = min(lv-highest+top, 6)
		return "<" + m[1] + "h" + strconv.Itoa(lv) + ">"
	}))
}

// firstPara is the first paragraph of a Markdown text, for a summary.
func firstPara(src string) string {
	src = strings.TrimSpace(src)
	if i := strings.Index(src, "\n\n"); i >= 0 {
		src = src[:i]
	}
	return src
}

func lvlClass(l *assess.Level) string {
	if l == nil {
		return "lvl-none"
	}
	return "lvl-" + strconv.Itoa(l.Index)
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// answersText says how a question is answered.
func answersText(q *assess.Question) string {
	var parts []string
	switch q.Type {
	case assess.TypeScale:
		s := q.ScaleDef
		for i, l := range s.Labels {
			parts = append(parts, fmt.Sprintf("%s (%s)", l, strconv.FormatFloat(s.Points[i], 'f', -1, 64)))
		}
		out := strings.Join(parts, ", ")
		if skip := append(append([]string(nil), s.Skip...), q.Skip...); len(skip) > 0 {
			out += "; not counted: " + strings.Join(skip, ", ")
		}
		return out
	case assess.TypeChoice, assess.TypeMulti:
		for _, o := range q.Options {
			parts = append(parts, fmt.Sprintf("%s (%s)", o.Label, strconv.FormatFloat(o.Points, 'f', -1, 64)))
		}
		out := strings.Join(parts, ", ")
		if len(q.Skip) > 0 {
			out += "; not counted: " + strings.Join(q.Skip, ", ")
		}
		return out
	}
	return "Free text, not scored"
}

func typeText(q *assess.Question) string {
	switch q.Type {
	case assess.TypeScale:
		return "Scale"
	case assess.TypeChoice:
		return "One choice"
	case assess.TypeMulti:
		return "Any number of choices"
	}
	return "Free text"
}

// condText puts one condition of a red flag in words.
func condText(r *assess.Rubric, c assess.Condition) string {
	var subj string
	if c.Question != "" {
		subj = "the answer to " + c.Question
		if q := r.Question(c.Question); q != nil {
			subj = fmt.Sprintf("the answer to %s (“%s”)", c.Question, q.Text)
		}
	} else {
		subj = "the respondent's score on " + c.Dimension
		if d := r.Dimension(c.Dimension); d != nil {
			subj = "the respondent's score on " + d.Title
		}
	}
	var tests []string
	if len(c.Is) > 0 {
		tests = append(tests, "is one of: "+strings.Join(c.Is, "; "))
	}
	ftoa := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	if c.Min != nil {
		tests = append(tests, "is at least "+ftoa(*c.Min))
	}
	if c.Max != nil {
		tests = append(tests, "is at most "+ftoa(*c.Max))
	}
	return subj + " " + strings.Join(tests, " and ")
}

// levelRange says which scores a level covers.
func levelRange(r *assess.Rubric, l *assess.Level) string {
	ftoa := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	if l.Index+1 < len(r.Levels) {
		return fmt.Sprintf("%s to under %s", ftoa(l.Min), ftoa(r.Levels[l.Index+1].Min))
	}
	return ftoa(l.Min) + " and above"
}

func flagOf(rep *view.Report, f *assess.Flag) *view.Flag {
	for _, vf := range rep.Flags {
		if vf.Def == f {
			return vf
		}
	}
	return nil
}

// atTarget counts the dimensions whose score reaches the target.
func atTarget(rep *view.Report) int {
	n := 0
	for _, d := range rep.Dimensions {
		if d.Result.Score != nil && *d.Result.Score >= rep.Rubric.Target {
			n++
		}
	}
	return n
}

func first(n int, items []*view.Item) []*view.Item {
	return items[:min(n, len(items))]
}

// whyText says why a segment value is not shown, without a figure: "fewer
// than N" is true of a small group and gives nothing away, while a group
// hidden to protect another is not small and must not be called so.
func whyText(sg *view.Segment, minGroup int) string {
	if sg.Result.Why == "complementary" {
		return "Not shown, to protect a smaller group: its figures could otherwise be worked out by subtraction from the total."
	}
	return fmt.Sprintf("Not shown: fewer than %d respondents.", minGroup)
}

func severityText(s string) string {
	switch s {
	case "high":
		return "High severity"
	case "low":
		return "Low severity"
	}
	return "Medium severity"
}

func horizonText(days int) string { return fmt.Sprintf("First %d days", days) }

// itemFor returns the plan item of a recommendation id, or nil.
func itemFor(rep *view.Report, id string) *view.Item {
	for _, it := range rep.Plan {
		if it.Rec.ID == id {
			return it
		}
	}
	return nil
}

// segQuestion returns a segment's distribution of question q.
func segQuestion(sg *view.Segment, q *assess.Question) *view.Question {
	if q.Index < len(sg.Questions) {
		return sg.Questions[q.Index]
	}
	return nil
}

// questionN counts the answers that a distribution rests on.
func questionN(q *view.Question) int { return q.Result.N }
