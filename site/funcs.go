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

// funcsFor are the template functions of one language. They format and
// look up; none of them computes a figure that the view does not already
// hold. The embedded templates are parsed with English ones (funcs) and
// each build binds its report's language on a clone.
func funcsFor(l loc) template.FuncMap {
	return template.FuncMap{
		"t":            l.t,
		"tn":           l.tn,
		"quoted":       l.quoted,
		"levelTitle":   levelTitle,
		"score":        l.score,
		"num1":         l.num1,
		"plain":        l.plain,
		"signed":       l.signed,
		"pct":          l.pct,
		"flagShare":    l.flagShare,
		"settingPct":   l.settingPct,
		"md":           md,
		"firstPara":    firstPara,
		"lvl":          lvlClass,
		"dimFile":      dimFile,
		"segFile":      segFile,
		"answers":      l.answersText,
		"cond":         l.condText,
		"levelRange":   l.levelRange,
		"flagOf":       flagOf,
		"atTarget":     atTarget,
		"first":        first,
		"deref":        deref,
		"why":          l.whyText,
		"severity":     l.severityText,
		"figure":       func(f *view.Figure) string { return strings.Join(view.FigureParts(l.p, f), " · ") },
		"checkDetail":  func(c *view.Check) string { return view.CheckDetail(l.p, c) },
		"horizon":      l.horizonText,
		"itemFor":      itemFor,
		"segQ":         segQuestion,
		"questionN":    questionN,
		"minus":        minus,
		"below":        below,
		"plural":       plural,
		"radar":        radar,
		"segRadar":     segmentRadar,
		"driversChart": driversChart,
		"divbar":       l.divergingBar,
		"sharebar":     shareBar,
		"scorebar":     scoreBar,
		"gapbar":       gapBar,
		"gapP":         l.gapP,
		"gapEffect":    l.gapEffect,
		"typeText":     l.typeText,
		"dict":         dict,
		"anchor":       anchor,
		"deref64":      deref64,
		"add":          func(a, b int) int { return a + b },
		"dimFileOf":    dimFileOf,
		"notes":        notesFor,
		"override":     overrideOf,
		"dropped":      dropped,
		"trend":        l.trendOf,
		"change":       l.change,
		"arrow":        arrow,
		"trendChart":   l.trendChart,
		"trendData":    trendData,
		"trendIntro":   l.trendIntro,
		"longDate":     l.longDate,
		"svgLink":      l.svgLink,
		"segChartFile": segChartFile,
		"gapChartFile": gapChartFile,
	}
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

// The figures, as site/view writes them for every output.

// num1 formats a score, or a difference of scores, with one decimal.
func (l loc) num1(f float64) string { return view.Score(l.p, f) }

// plain formats a number the rubric sets, such as the target, as written.
func (l loc) plain(f float64) string { return view.Setting(l.p, f) }

// gapP and gapEffect write a gap's adjusted p and effect size.
func (l loc) gapP(r view.GapRow) string      { return view.GapP(l.p, r) }
func (l loc) gapEffect(r view.GapRow) string { return view.GapEffect(l.p, r) }

func (l loc) score(p *float64) string { return view.ScoreOr(l.p, p, l.p.T("site.no_score")) }

// signed formats a difference with its sign, a true minus for negatives.
func (l loc) signed(f float64) string { return view.Signed(l.p, f) }

// pct formats a share of answers as a whole percentage.
func (l loc) pct(share float64) string { return view.AnswerShare(l.p, share) }

// flagShare formats the share of respondents that match a red flag.
func (l loc) flagShare(share float64) string { return view.FlagShare(l.p, share) }

// settingPct formats a share that the rubric sets (a flag's threshold,
// min_answered) as written.
func (l loc) settingPct(share float64) string { return view.SettingPct(l.p, share) }

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
func (l loc) answersText(q *assess.Question) string {
	var parts []string
	var skip []string
	switch q.Type {
	case assess.TypeScale:
		s := q.ScaleDef
		for i, lb := range s.Labels {
			parts = append(parts, fmt.Sprintf("%s (%s)", lb, l.plain(s.Points[i])))
		}
		skip = append(append(skip, s.Skip...), q.Skip...)
	case assess.TypeChoice, assess.TypeMulti:
		for _, o := range q.Options {
			parts = append(parts, fmt.Sprintf("%s (%s)", o.Label, l.plain(o.Points)))
		}
		skip = q.Skip
	default:
		return l.p.T("site.q.type.free_not_scored")
	}
	out := strings.Join(parts, ", ")
	if len(skip) > 0 {
		out += l.p.T("site.q.not_counted", strings.Join(skip, ", "))
	}
	return out
}

func (l loc) typeText(q *assess.Question) string {
	switch q.Type {
	case assess.TypeScale:
		return l.p.T("site.q.type.scale")
	case assess.TypeChoice:
		return l.p.T("site.q.type.choice")
	case assess.TypeMulti:
		return l.p.T("site.q.type.multi")
	}
	return l.p.T("site.q.type.text")
}

// condText puts one condition of a red flag in words.
func (l loc) condText(r *assess.Rubric, c assess.Condition) string {
	var subj string
	if c.Question != "" {
		subj = l.p.T("site.cond.answer", c.Question)
		if q := r.Question(c.Question); q != nil {
			subj = l.p.T("site.cond.answer_text", c.Question, q.Text)
		}
	} else {
		name := c.Dimension
		if d := r.Dimension(c.Dimension); d != nil {
			name = d.Title
		}
		subj = l.p.T("site.cond.score", name)
	}
	var tests []string
	if len(c.Is) > 0 {
		tests = append(tests, l.p.T("site.cond.is", strings.Join(c.Is, "; ")))
	}
	if c.Min != nil {
		tests = append(tests, l.p.T("site.cond.min", l.plain(*c.Min)))
	}
	if c.Max != nil {
		tests = append(tests, l.p.T("site.cond.max", l.plain(*c.Max)))
	}
	return l.p.T("site.cond.subject_tests", subj, strings.Join(tests, l.p.T("site.cond.and")))
}

// levelRange says which scores a level covers.
func (l loc) levelRange(r *assess.Rubric, lv *assess.Level) string {
	if lv.Index+1 < len(r.Levels) {
		return l.p.T("site.level_range", l.plain(lv.Min), l.plain(r.Levels[lv.Index+1].Min))
	}
	return l.p.T("site.level_range_top", l.plain(lv.Min))
}

// levelTitle is the title of a rubric level by id, or "".
func levelTitle(r *assess.Rubric, id string) string {
	if lv := r.Level(id); lv != nil {
		return lv.Title
	}
	return ""
}

func flagOf(rep *view.Report, id string) *view.Flag {
	for _, vf := range rep.Flags {
		if vf.Def.ID == id {
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
func (l loc) whyText(sg *view.Segment, minGroup int) string {
	if sg.Result.Why == "complementary" {
		return l.p.T("site.why.complementary")
	}
	return l.p.T("site.why.small", minGroup)
}

func (l loc) severityText(s string) string {
	switch s {
	case "high", "low":
		return l.p.T("site.severity." + s)
	}
	return l.p.T("site.severity.medium")
}

func (l loc) horizonText(days int) string { return l.p.T("report.within", days) }

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
