package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/view"
)

// The words for what people added to the figures: the consultant's notes
// and overrides, and the change since the last assessment. Shared by
// report.md and report.pdf; the site says the same in its templates.

// OverrideText says what a person did to a recommendation and why:
// "Consultant’s judgement: put first. Why: ...".
func OverrideText(p *i18n.Printer, o *assess.OverrideResult) string {
	why := strings.Join(strings.Fields(o.Reason), " ")
	switch o.Action {
	case assess.ActionPin:
		return p.T("report.judgement.pin", why)
	case assess.ActionAdd:
		return p.T("report.judgement.add", why)
	}
	return p.T("report.judgement.drop", why)
}

// Arrow is the glyph beside a change: up, down, or level at one decimal.
func Arrow(d float64) string {
	switch r := round1(d); {
	case r > 0:
		return "▲"
	case r < 0:
		return "▼"
	}
	return "="
}

// ChangeWords says a change in words and figures, so that neither a
// colour nor an arrow carries it alone: "up 3.2", "down 1.0", "no change".
func ChangeWords(p *i18n.Printer, d float64) string {
	switch r := round1(d); {
	case r > 0:
		return p.T("report.change.up", p.Dec(fmt.Sprintf("%.1f", r)))
	case r < 0:
		return p.T("report.change.down", p.Dec(fmt.Sprintf("%.1f", -r)))
	}
	return p.T("report.change.none")
}

// Signed is a change as a signed figure, "+3.2", "−1.0" or "0.0".
func Signed(p *i18n.Printer, d float64) string {
	switch r := round1(d); {
	case r > 0:
		return "+" + p.Dec(fmt.Sprintf("%.1f", r))
	case r < 0:
		return "−" + p.Dec(fmt.Sprintf("%.1f", -r))
	}
	return p.Dec("0.0")
}

// round1 rounds half away from zero to one decimal, as scores are shown.
func round1(d float64) float64 {
	if d < 0 {
		return -float64(int64(-d*10+0.5)) / 10
	}
	return float64(int64(d*10+0.5)) / 10
}

// ChangeText is a change in one sentence for beside a score, or "" when
// there is nothing to compare.
func ChangeText(p *i18n.Printer, c *view.Change) string {
	switch {
	case c == nil:
		return ""
	case c.Changed:
		return p.T("report.change.method", c.Since)
	case c.Delta == nil:
		return p.T("report.change.no_score", c.Since)
	}
	return p.T("report.change.since", Arrow(*c.Delta), ChangeWords(p, *c.Delta), c.Since)
}

// ChangeCell is a change for a table cell: "▲ +3.2", or "–".
func ChangeCell(p *i18n.Printer, c *view.Change) string {
	if c == nil || c.Changed || c.Delta == nil {
		return "–"
	}
	return Arrow(*c.Delta) + " " + Signed(p, *c.Delta)
}

// TrendIntro introduces the trend chart or table.
func TrendIntro(p *i18n.Printer, t *view.Trend) string {
	s := p.T("report.trend.intro", len(t.Points))
	if t.Omitted > 0 {
		s += " " + p.N("report.trend.omitted", t.Omitted)
	}
	return s
}

// notes writes the consultant's notes on a target as block quotes,
// each labelled, so that no reader takes them for the rubric's words.
func (m *md) notes(target string) {
	for _, n := range m.rep.NotesOn(target) {
		body, _ := embed(n.Body, 4)
		var b strings.Builder
		b.WriteString("> **" + m.t("report.note") + ":**\n>\n")
		for _, ln := range strings.Split(body, "\n") {
			if ln == "" {
				b.WriteString(">\n")
				continue
			}
			b.WriteString("> " + ln + "\n")
		}
		m.w.WriteString(b.String())
		m.w.WriteString("\n")
	}
}

// change writes a score's change since the last assessment, if any.
func (m *md) change(dim string) {
	if s := ChangeText(m.rep.P(), m.rep.ChangeOf(dim)); s != "" {
		m.p("%s", escape(s))
	}
}

// trend writes the scores of the comparable assessments as a table.
func (m *md) trend() {
	t := m.rep.Trend()
	if t == nil {
		return
	}
	m.h(3, m.t("report.trend.title"))
	m.p("%s", escape(TrendIntro(m.rep.P(), t)))
	header := []string{m.t("report.col.assessment"), m.t("report.col.overall")}
	align := "lr"
	for _, d := range m.rep.Rubric.Dimensions {
		header = append(header, d.Title)
		align += "r"
	}
	var rows [][]string
	for _, p := range t.Points {
		row := []string{cellText(m.rep.LongDate(p.Date)), m.score(p.Overall)}
		for _, s := range p.Dims {
			row = append(row, m.score(s))
		}
		rows = append(rows, row)
	}
	m.table(align, header, rows)
}

// dropped lists the recommendations the consultant took out of the plan.
func (m *md) dropped() {
	ds := m.rep.Dropped()
	if len(ds) == 0 {
		return
	}
	m.h(3, m.t("report.dropped"))
	m.p("%s", escape(m.t("report.dropped_lead")))
	for _, d := range ds {
		fmt.Fprintf(m.w, "- **%s**  \n  %s\n", escape(d.Title), escape(m.t("report.judgement.drop", strings.Join(strings.Fields(d.Reason), " "))))
	}
	m.w.WriteString("\n")
}

// judgement writes how a person placed an action in the plan, if one did.
func (m *md) judgement(it *view.Item) {
	if o := m.rep.OverrideOf(it.Rec.ID); o != nil {
		m.p("*%s*", escape(OverrideText(m.rep.P(), o)))
	}
}
