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
	m.p("*%s*", m.t("report.dimension_n", i+1, len(rep.Dimensions)))
	lvl := m.t("report.no_score")
	if dm.Level != nil {
		lvl = dm.Level.Title
	}
	facts := m.t("report.n_respondents", res.N)
	if res.N >= 2 && res.CIHigh > res.CILow {
		facts += m.t("report.ci", m.num1(res.CILow), m.num1(res.CIHigh))
	}
	if dm.Percentile != "" {
		facts += m.t("report.norms.against", dm.Percentile)
	}
	m.p("%s  \n%s%s", m.t("md.dim_score", m.score(res.Score), escape(lvl)), facts, m.t("report.target", m.num(r.Target)))
	m.change(dm.Def.ID)
	m.notes(dm.Def.ID)
	if text := dm.Def.LevelText(dm.Level); strings.TrimSpace(text) != "" {
		m.h(3, m.t("report.level_means", dm.Level.Title))
		m.embed(text, 4)
	}
	if strings.TrimSpace(dm.Def.Description) != "" {
		m.h(3, m.t("report.about_dimension"))
		m.embed(dm.Def.Description, 4)
	}
	if len(dm.Questions) > 0 {
		m.h(3, m.t("report.answers"))
		m.p("%s", m.t("md.answers_intro"))
		for _, q := range dm.Questions {
			m.question(q)
		}
	}
	if len(dm.Segments) > 0 {
		m.h(3, m.t("report.by_segment"))
		var rows [][]string
		for _, s := range dm.Segments {
			group := cellText(s.Attribute + ": " + s.Value)
			if s.Suppressed {
				rows = append(rows, []string{group, "–", rep.SuppressedText(s), ""})
				continue
			}
			lvl := ""
			if s.Level != nil {
				lvl = s.Level.Title
			}
			score := m.score(s.Score)
			if ch := rep.ChangeNote(rep.SegmentChangeOf(s.Attribute, s.Value, dm.Def.ID)); ch != "" {
				score += " (" + ch + ")"
			}
			rows = append(rows, []string{group, fmt.Sprint(s.N), score, cellText(lvl)})
		}
		m.table("lrrl", []string{m.t("report.col.group"), m.t("report.col.respondents"), m.t("report.col.score"), m.t("report.col.level")}, rows)
		m.p("%s", m.t("report.suppression_note", rep.MinGroup()))
	}
	m.h(3, m.t("report.recommendations"))
	if len(dm.Recommendations) == 0 {
		m.p("%s", m.t("report.no_recs"))
	}
	for _, it := range dm.Recommendations {
		m.action(it, 4)
	}
}

// question writes a question's answers as a table of numbers.
func (m *md) question(q *view.Question) {
	def := q.Def
	m.h(4, def.ID+" "+def.Text)
	m.questionChange(def.ID)
	switch {
	case !def.Scored():
		m.p("%s", m.t("report.free_text_n", q.Result.N))
		return
	case def.Type == assess.TypeMulti:
		var rows [][]string
		for _, b := range q.Bars {
			rows = append(rows, []string{cellText(b.Label), fmt.Sprint(b.Count), m.pct(b.Share)})
		}
		m.table("lrr", []string{m.t("report.col.option"), m.t("report.col.chosen_by"), m.t("report.col.share_respondents")}, rows)
		m.p("%s.", m.t("report.multi_n", q.Result.N))
		return
	}
	var rows [][]string
	for _, b := range q.Bars {
		side := m.t("md.side.middle")
		switch b.Side {
		case -1:
			side = m.t("md.side.weaker")
		case 1:
			side = m.t("md.side.stronger")
		}
		rows = append(rows, []string{cellText(b.Label), fmt.Sprint(b.Count), m.pct(b.Share), side})
	}
	m.table("lrrl", []string{m.t("md.col.answer"), m.t("md.col.count"), m.t("report.col.share"), m.t("md.col.reads_as")}, rows)
	s := fmt.Sprintf("n = %d", q.Result.N)
	if q.Skipped > 0 {
		s += "; " + m.t("report.skipped", q.Skipped)
	}
	m.p("%s", m.t("md.sides", s, m.pct(q.Neg), m.pct(q.Neutral), m.pct(q.Pos)))
}

// gap is the perception gap between the groups of each attribute.
func (m *md) gap() {
	m.h(2, m.t("report.gap"))
	for _, g := range m.rep.Gaps {
		m.p("%s", m.t("md.gap_intro", escape(g.Attribute)))
		var rows [][]string
		for _, r := range g.Rows {
			pv := cellText(view.GapP(m.rep.P(), r))
			if r.Significant() {
				pv = "**" + pv + "**"
			}
			rows = append(rows, []string{cellText(r.Dimension.Title), cellText(r.High.Value), m.score(r.High.Score),
				cellText(r.Low.Value), m.score(r.Low.Score), m.num1(r.Difference), pv, cellText(view.GapEffect(m.rep.P(), r))})
		}
		m.table("llrlrrrl", []string{m.t("report.col.dimension"), m.t("report.col.highest"), m.t("report.col.score"), m.t("report.col.lowest"), m.t("report.col.score"), m.t("report.col.gap"), m.t("report.col.p_adjusted"), m.t("report.col.effect")}, rows)
	}
	m.p("%s", escape(m.rep.GapTestNote()))
}

// plan is the action plan by horizon, in plan order within each.
func (m *md) plan() {
	rep := m.rep
	m.h(2, m.t("report.plan"))
	if len(rep.Plan) == 0 {
		m.p("%s", m.t("report.no_actions"))
		m.actions()
		return
	}
	m.p("%s", escape(rep.PlanIntro()))
	for _, c := range rep.Columns {
		m.h(3, m.t("report.within", c.Horizon))
		if len(c.Items) == 0 {
			m.p("%s", m.t("report.nothing_due"))
			continue
		}
		for _, it := range c.Items {
			tag := ""
			switch {
			case it.Flag != nil:
				tag = m.t("report.origin_flag", it.Flag.Title)
			case it.Check != nil:
				tag = m.t("report.origin_check", it.Check.Title)
			case it.Dimension != nil:
				tag = it.Dimension.Title
			}
			if o := rep.OverrideOf(it.Rec.ID); o != nil {
				tag = strings.TrimPrefix(tag+"; "+view.OverrideText(rep.P(), o), "; ")
			}
			fmt.Fprintf(m.w, "- **%d. %s** (%s)", it.Rank, escape(it.Rec.Title), escape(tag))
			if it.FirstStep != "" {
				// FirstStep is the rubric's own Markdown, on one line.
				s, _ := embed(it.FirstStep, 6)
				fmt.Fprintf(m.w, "  \n  %s %s", m.t("report.first_step"), strings.Join(strings.Fields(s), " "))
			}
			if it.Action != nil {
				fmt.Fprintf(m.w, "  \n  %s", m.actionLine(it.Action))
			}
			m.w.WriteString("\n")
		}
		m.w.WriteString("\n")
	}
	m.h(3, m.t("report.in_order"))
	var rows [][]string
	for _, it := range rep.Plan {
		what, prio := "", m.t("report.prio_flag")
		switch {
		case it.Flag != nil:
			what = m.t("report.for_flag", it.Flag.Title)
		case it.Check != nil:
			what = m.t("report.for_check", it.Check.Title)
		case it.Dimension != nil:
			what = it.Dimension.Title
			prio = m.num1(it.Result.Priority)
		}
		if rep.OverrideOf(it.Rec.ID) != nil {
			prio = m.t("report.prio_judgement")
			if what == "" {
				what = m.t("report.added")
			}
		}
		rows = append(rows, []string{fmt.Sprint(it.Rank), cellText(it.Rec.Title), cellText(what), m.t("report.days", it.Rec.Horizon), prio})
	}
	m.table("rlllr", []string{"#", m.t("report.col.action"), m.t("report.col.for"), m.t("report.col.within"), m.t("report.col.priority")}, rows)
	m.actions()
}

// comments quotes the free-text answers, escaped, detached from authors.
func (m *md) comments() {
	m.h(2, m.t("report.comments"))
	m.themes()
	if len(m.rep.Comments) == 0 {
		return
	}
	m.p("%s", m.t("report.comments_intro"))
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
	p := m.rep.P()
	m.h(2, m.t("report.methodology"))
	m.p("%s", m.t("report.method_intro"))
	m.h(3, m.t("report.rubric"))
	m.table("ll", []string{"", ""}, [][]string{
		{m.t("report.rubric_name"), cellText(r.Title)}, {m.t("report.identifier"), "`" + r.ID + "`"}, {m.t("report.version"), cellText(r.Version)},
		{"SHA-256", "`" + r.SHA256 + "`"}, {m.t("report.language"), cellText(r.Language)},
	})
	m.p("%s", m.t("report.rubric_note"))
	m.embed(r.Description, 4)
	m.h(3, m.t("report.how_scores"))
	m.p("%s", view.ScoringRules(p, r))
	m.h(3, m.t("report.levels"))
	var rows [][]string
	for _, lv := range r.Levels {
		desc, _ := embed(lv.Description, 6)
		rows = append(rows, []string{cellText(lv.Title), m.num(lv.Min), tableMarkdown(desc)})
	}
	m.table("lrl", []string{m.t("report.col.level"), m.t("report.col.from_score"), m.t("report.col.meaning")}, rows)
	m.h(3, m.t("report.privacy"))
	m.p("%s", view.PrivacyRules(p, m.rep.MinGroup()))
	m.h(3, m.t("report.scales"))
	rows = nil
	for _, s := range r.Scales {
		var ans []string
		for i, l := range s.Labels {
			ans = append(ans, fmt.Sprintf("%s = %s", m.num(s.Points[i]), l))
		}
		rows = append(rows, []string{"`" + s.ID + "`", cellText(strings.Join(ans, "; ")), cellText(strings.Join(s.Skip, "; "))})
	}
	m.table("lll", []string{m.t("report.col.scale"), m.t("report.col.scale_answers"), m.t("report.col.unanswered")}, rows)
	m.h(3, m.t("report.questions"))
	for _, dm := range r.Dimensions {
		m.h(4, m.t("report.dim_weight", dm.Title, m.num(dm.Weight)))
		rows = nil
		for _, q := range dm.Questions {
			w := "–"
			if q.Scored() {
				w = m.num(q.Weight)
			}
			rows = append(rows, []string{"`" + q.ID + "`", cellText(q.Text), cellText(view.Answers(p, q)), w})
		}
		m.table("lllr", []string{m.t("report.col.id"), m.t("report.col.question"), m.t("report.col.answers"), m.t("report.col.weight")}, rows)
	}
	m.h(3, m.t("report.flags_checked"))
	rows = nil
	for _, f := range r.Flags {
		rows = append(rows, []string{cellText(f.Title), cellText(view.Conditions(p, r, f)), "≥ " + view.SettingPct(p, f.Share)})
	}
	m.table("llr", []string{m.t("report.col.flag"), m.t("report.col.raised_when"), m.t("report.col.share")}, rows)
	m.h(3, m.t("report.data"))
	q := res.DataQuality
	fmt.Fprintf(m.w, "- %s\n", m.t("report.data_rows", q.Rows, res.Respondents))
	fmt.Fprintf(m.w, "- %s\n", m.t("report.data_invalid", q.InvalidCells))
	if len(q.UnmatchedColumns) > 0 {
		fmt.Fprintf(m.w, "- %s\n", m.t("report.data_unused", escape(strings.Join(q.UnmatchedColumns, ", "))))
	}
	if q.RepeatedIDs > 0 {
		fmt.Fprintf(m.w, "- %s\n", m.t("report.data_repeated", q.RepeatedIDs))
	}
	if len(m.rep.Unanswered) > 0 {
		fmt.Fprintf(m.w, "- %s\n", m.t("report.data_unanswered", escape(strings.Join(m.rep.Unanswered, "; "))))
	}
	if len(res.SegmentAttributes) > 0 {
		fmt.Fprintf(m.w, "- %s\n", m.t("report.data_by", escape(strings.Join(res.SegmentAttributes, ", "))))
	}
	if s := m.rep.Measure.Quality; s != "" {
		fmt.Fprintf(m.w, "- %s\n", escape(s))
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
