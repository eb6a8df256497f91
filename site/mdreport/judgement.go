package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// The words for what people added to the figures: the consultant's notes
// and overrides, and the change since the last assessment. Shared by
// report.md and report.pdf; the site says the same in its templates.

// NoteLabel heads each of the consultant's notes.
const NoteLabel = "Consultant’s note"

// JudgementLabel marks every override: a person, not the rubric, decided.
const JudgementLabel = "Consultant’s judgement"

// OverrideText says what a person did to a recommendation and why:
// "Consultant’s judgement: put first. Why: ...".
func OverrideText(o *assess.OverrideResult) string {
	what := map[string]string{"pin": "put first", "add": "added", "drop": "left out"}[o.Action]
	return fmt.Sprintf("%s: %s. Why: %s", JudgementLabel, what, strings.Join(strings.Fields(o.Reason), " "))
}

// DroppedIntro introduces the recommendations taken out of the plan.
const DroppedIntro = "The rubric proposes these actions at these scores; the consultant has taken them out of the plan, for the reasons given."

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
func ChangeWords(d float64) string {
	switch r := round1(d); {
	case r > 0:
		return fmt.Sprintf("up %.1f", r)
	case r < 0:
		return fmt.Sprintf("down %.1f", -r)
	}
	return "no change"
}

// Signed is a change as a signed figure, "+3.2", "−1.0" or "0.0".
func Signed(d float64) string {
	switch r := round1(d); {
	case r > 0:
		return fmt.Sprintf("+%.1f", r)
	case r < 0:
		return fmt.Sprintf("−%.1f", -r)
	}
	return "0.0"
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
func ChangeText(c *view.Change) string {
	switch {
	case c == nil:
		return ""
	case c.Changed:
		return fmt.Sprintf(MethodChanged, c.Since)
	case c.Delta == nil:
		return fmt.Sprintf("No comparison with the assessment of %s: no score then or now.", c.Since)
	}
	return fmt.Sprintf("%s %s since the assessment of %s", Arrow(*c.Delta), ChangeWords(*c.Delta), c.Since)
}

// ChangeCell is a change for a table cell: "▲ +3.2", or "–".
func ChangeCell(c *view.Change) string {
	if c == nil || c.Changed || c.Delta == nil {
		return "–"
	}
	return Arrow(*c.Delta) + " " + Signed(*c.Delta)
}

// MethodChanged says why no change is shown; %s is the last date.
const MethodChanged = "The rubric has changed since the assessment of %s, so these scores are not compared with it: a changed method is not progress."

// TrendIntro introduces the trend chart or table.
func TrendIntro(t *view.Trend) string {
	s := fmt.Sprintf("The overall score at each of the last %d assessments made with this rubric.", len(t.Points))
	if t.Omitted > 0 {
		s += fmt.Sprintf(" %d earlier %s made with another rubric or version %s left out: %s measured differently.",
			t.Omitted, pick(t.Omitted, "assessment", "assessments"), pick(t.Omitted, "is", "are"), pick(t.Omitted, "it was", "they were"))
	}
	return s
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// notes writes the consultant's notes on a target as block quotes,
// each labelled, so that no reader takes them for the rubric's words.
func (m *md) notes(target string) {
	for _, n := range m.rep.NotesOn(target) {
		body, _ := embed(n.Body, 4)
		var b strings.Builder
		b.WriteString("> **" + NoteLabel + ":**\n>\n")
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
	if s := ChangeText(m.rep.ChangeOf(dim)); s != "" {
		m.p("%s", escape(s))
	}
}

// trend writes the scores of the comparable assessments as a table.
func (m *md) trend() {
	t := m.rep.Trend()
	if t == nil {
		return
	}
	m.h(3, "Trend")
	m.p("%s", escape(TrendIntro(t)))
	header := []string{"Assessment", "Overall"}
	align := "lr"
	for _, d := range m.rep.Rubric.Dimensions {
		header = append(header, d.Title)
		align += "r"
	}
	var rows [][]string
	for _, p := range t.Points {
		row := []string{cellText(view.LongDate(p.Date)), score(p.Overall)}
		for _, s := range p.Dims {
			row = append(row, score(s))
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
	m.h(3, "Left out by the consultant")
	m.p("%s", DroppedIntro)
	for _, d := range ds {
		fmt.Fprintf(m.w, "- **%s**  \n  %s: left out. Why: %s\n", escape(d.Title), JudgementLabel, escape(d.Reason))
	}
	m.w.WriteString("\n")
}

// judgement writes how a person placed an action in the plan, if one did.
func (m *md) judgement(it *view.Item) {
	if o := m.rep.OverrideOf(it.Rec.ID); o != nil {
		m.p("*%s*", escape(OverrideText(o)))
	}
}
