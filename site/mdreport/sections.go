package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// dimension is one dimension's section; its charts are tables.
func (m *md) dimension(i int, dm *view.Dimension) {
	rep, r := m.rep, m.rep.Rubric
	res := dm.Result
	m.h(2, dm.Def.Title)
	m.p("*Dimension %d of %d*", i+1, len(rep.Dimensions))
	lvl := "no score"
	if dm.Level != nil {
		lvl = dm.Level.Title
	}
	facts := fmt.Sprintf("n = %d respondents", res.N)
	if res.N >= 2 && res.CIHigh > res.CILow {
		facts += fmt.Sprintf(" · 95%% interval %.1f to %.1f", res.CILow, res.CIHigh)
	}
	if dm.Percentile != "" {
		facts += " · " + dm.Percentile + " against the norms"
	}
	m.p("**Score %s / 100, %s**  \n%s · target %s", score(res.Score), escape(lvl), facts, Num(r.Target))
	m.change(dm.Def.ID)
	m.notes(dm.Def.ID)
	if dm.Level != nil && strings.TrimSpace(dm.Level.Description) != "" {
		m.h(3, "What “"+dm.Level.Title+"” means")
		m.embed(dm.Level.Description, 4)
	}
	if strings.TrimSpace(dm.Def.Description) != "" {
		m.h(3, "About this dimension")
		m.embed(dm.Def.Description, 4)
	}
	if len(dm.Questions) > 0 {
		m.h(3, "Answers")
		m.p("Each table counts the answers to one question, from the weakest answer to the strongest. " +
			"Shares are of those who answered; answers such as “Don't know” are counted apart as skipped.")
		for _, q := range dm.Questions {
			m.question(q)
		}
	}
	if len(dm.Segments) > 0 {
		m.h(3, "By segment")
		var rows [][]string
		for _, s := range dm.Segments {
			group := cellText(s.Attribute + ": " + s.Value)
			if s.Suppressed {
				rows = append(rows, []string{group, "–", SuppressedText(rep, s), ""})
				continue
			}
			lvl := ""
			if s.Level != nil {
				lvl = s.Level.Title
			}
			rows = append(rows, []string{group, fmt.Sprint(s.N), score(s.Score), cellText(lvl)})
		}
		m.table("lrrl", []string{"Group", "Respondents", "Score", "Level"}, rows)
		m.p(SuppressionNote, MinGroup(rep))
	}
	m.h(3, "Recommendations")
	if len(dm.Recommendations) == 0 {
		m.p("The rubric proposes no action for this dimension at its current level.")
	}
	for _, it := range dm.Recommendations {
		m.action(it, 4)
	}
}

// question writes a question's answers as a table of numbers.
func (m *md) question(q *view.Question) {
	def := q.Def
	m.h(4, def.ID+" "+def.Text)
	switch {
	case !def.Scored():
		m.p("Free-text question, not scored (%d answers).", q.Result.N)
		return
	case def.Type == assess.TypeMulti:
		var rows [][]string
		for _, b := range q.Bars {
			rows = append(rows, []string{cellText(b.Label), fmt.Sprint(b.Count), pct(b.Share)})
		}
		m.table("lrr", []string{"Option", "Chosen by", "Share of respondents"}, rows)
		m.p("n = %d respondents; each could choose several options.", q.Result.N)
		return
	}
	var rows [][]string
	for _, b := range q.Bars {
		side := "middle"
		switch b.Side {
		case -1:
			side = "weaker"
		case 1:
			side = "stronger"
		}
		rows = append(rows, []string{cellText(b.Label), fmt.Sprint(b.Count), pct(b.Share), side})
	}
	m.table("lrrl", []string{"Answer", "Count", "Share", "Reads as"}, rows)
	s := fmt.Sprintf("n = %d", q.Result.N)
	if q.Skipped > 0 {
		s += fmt.Sprintf("; %d skipped", q.Skipped)
	}
	m.p("%s. Weaker answers %s, middle %s, stronger %s.", s, pct(q.Neg), pct(q.Neutral), pct(q.Pos))
}

// gap is the perception gap between groups of a role-like attribute.
func (m *md) gap() {
	g := m.rep.Gap
	m.h(2, "Perception gap")
	m.p("How differently the groups of “%s” see the same organisation: for each dimension, the highest- and "+
		"lowest-scoring group and the difference between them.", escape(g.Attribute))
	var rows [][]string
	for _, r := range g.Rows {
		rows = append(rows, []string{cellText(r.Dimension.Title), cellText(r.High.Value), score(r.High.Score),
			cellText(r.Low.Value), score(r.Low.Score), fmt.Sprintf("%.1f", r.Difference)})
	}
	m.table("llrlrr", []string{"Dimension", "Highest", "Score", "Lowest", "Score", "Gap"}, rows)
}

// plan is the action plan by horizon, in plan order within each.
func (m *md) plan() {
	rep := m.rep
	m.h(2, "Action plan")
	if len(rep.Plan) == 0 {
		m.p("The rubric proposes no action for these results.")
		return
	}
	m.p("%s", PlanIntro)
	for _, c := range rep.Columns {
		m.h(3, fmt.Sprintf("Within %d days", c.Horizon))
		if len(c.Items) == 0 {
			m.p("Nothing due.")
			continue
		}
		for _, it := range c.Items {
			tag := ""
			switch {
			case it.Flag != nil:
				tag = "red flag: " + it.Flag.Title
			case it.Dimension != nil:
				tag = it.Dimension.Title
			}
			if o := rep.OverrideOf(it.Rec.ID); o != nil {
				tag = strings.TrimPrefix(tag+"; "+OverrideText(o), "; ")
			}
			fmt.Fprintf(m.w, "- **%d. %s** (%s)", it.Rank, escape(it.Rec.Title), escape(tag))
			if it.FirstStep != "" {
				// FirstStep is the rubric's own Markdown, on one line.
				s, _ := embed(it.FirstStep, 6)
				fmt.Fprintf(m.w, "  \n  First step: %s", strings.Join(strings.Fields(s), " "))
			}
			m.w.WriteString("\n")
		}
		m.w.WriteString("\n")
	}
	m.h(3, "The actions in order")
	var rows [][]string
	for _, it := range rep.Plan {
		what, prio := "", "red flag"
		switch {
		case it.Flag != nil:
			what = "Red flag: " + it.Flag.Title
		case it.Dimension != nil:
			what = it.Dimension.Title
			prio = fmt.Sprintf("%.1f", it.Result.Priority)
		}
		if rep.OverrideOf(it.Rec.ID) != nil {
			prio = "consultant’s judgement"
			if what == "" {
				what = "Added by the consultant"
			}
		}
		rows = append(rows, []string{fmt.Sprint(it.Rank), cellText(it.Rec.Title), cellText(what), fmt.Sprintf("%d days", it.Rec.Horizon), prio})
	}
	m.table("rlllr", []string{"#", "Action", "For", "Within", "Priority"}, rows)
}

// comments quotes the free-text answers, escaped, detached from authors.
func (m *md) comments() {
	m.h(2, "In respondents' words")
	m.p("%s", CommentsIntro)
	for _, g := range m.rep.Comments {
		if g.Question == nil {
			continue
		}
		m.h(3, g.Question.Text)
		for _, t := range g.Texts {
			m.p("> %s", escape(t))
		}
	}
}

// method is the methodology appendix.
func (m *md) method() {
	r, res := m.rep.Rubric, m.rep.Result
	m.h(2, "Methodology")
	m.p("How this assessment was made, so that its figures can be checked and repeated.")
	m.h(3, "The rubric")
	m.table("ll", []string{"", ""}, [][]string{
		{"Rubric", cellText(r.Title)}, {"Identifier", "`" + r.ID + "`"}, {"Version", cellText(r.Version)},
		{"SHA-256", "`" + r.SHA256 + "`"}, {"Language", cellText(r.Language)},
	})
	m.p("%s", RubricNote)
	m.embed(r.Description, 4)
	m.h(3, "How answers become scores")
	m.p("%s", ScoringRules(r))
	m.h(3, "Levels")
	var rows [][]string
	for _, lv := range r.Levels {
		desc, _ := embed(lv.Description, 6)
		rows = append(rows, []string{cellText(lv.Title), Num(lv.Min), tableMarkdown(desc)})
	}
	m.table("lrl", []string{"Level", "From score", "Meaning"}, rows)
	m.h(3, "Privacy")
	m.p("%s", PrivacyRules(MinGroup(m.rep)))
	m.h(3, "Answer scales")
	rows = nil
	for _, s := range r.Scales {
		var ans []string
		for i, l := range s.Labels {
			ans = append(ans, fmt.Sprintf("%s = %s", Num(s.Points[i]), l))
		}
		rows = append(rows, []string{"`" + s.ID + "`", cellText(strings.Join(ans, "; ")), cellText(strings.Join(s.Skip, "; "))})
	}
	m.table("lll", []string{"Scale", "Answers, lowest to highest", "Counted as unanswered"}, rows)
	m.h(3, "Questions")
	for _, dm := range r.Dimensions {
		m.h(4, fmt.Sprintf("%s (weight %s)", dm.Title, Num(dm.Weight)))
		rows = nil
		for _, q := range dm.Questions {
			w := "–"
			if q.Scored() {
				w = Num(q.Weight)
			}
			rows = append(rows, []string{"`" + q.ID + "`", cellText(q.Text), cellText(Answers(q)), w})
		}
		m.table("lllr", []string{"Id", "Question", "Answers", "Weight"}, rows)
	}
	m.h(3, "Red flags checked")
	rows = nil
	for _, f := range r.Flags {
		rows = append(rows, []string{cellText(f.Title), cellText(Conditions(r, f)), "≥ " + pct(f.Share)})
	}
	m.table("llr", []string{"Red flag", "Raised when", "Share"}, rows)
	m.h(3, "The data")
	q := res.DataQuality
	fmt.Fprintf(m.w, "- %d rows read; %d respondents scored.\n", q.Rows, res.Respondents)
	fmt.Fprintf(m.w, "- %d answers matched no answer of their question and were counted as missing.\n", q.InvalidCells)
	if len(q.UnmatchedColumns) > 0 {
		fmt.Fprintf(m.w, "- Columns not used: %s.\n", escape(strings.Join(q.UnmatchedColumns, ", ")))
	}
	if len(res.SegmentAttributes) > 0 {
		fmt.Fprintf(m.w, "- Broken down by: %s.\n", escape(strings.Join(res.SegmentAttributes, ", ")))
	}
}

// tableMarkdown puts block Markdown in one table cell: paragraphs joined
// by <br> would be HTML, so they are joined by " · " instead, and pipes
// escaped.
func tableMarkdown(s string) string {
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, strings.ReplaceAll(p, "|", `\|`))
		}
	}
	return strings.Join(paras, " · ")
}
