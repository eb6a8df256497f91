// Package mdreport writes report.md: the sections of the PDF report as
// CommonMark with GFM tables, for a consultant to rework in any editor.
// Charts become tables of numbers; the rubric's Markdown is embedded with
// its headings moved under the report's and raw HTML removed; everything
// that comes from data (names of groups, answers, comments) is escaped.
package mdreport

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/aiready/aiready/site/view"
)

// Render writes report.md.
func Render(w io.Writer, rep *view.Report) error {
	var b bytes.Buffer
	if _, err := render(&b, rep); err != nil {
		return err
	}
	_, err := w.Write(view.Clean(b.Bytes())) // no control character from the inputs (view.Clean)
	return err
}

// render returns the texts of every heading it wrote, in order, for tests.
func render(w io.Writer, rep *view.Report) ([]string, error) {
	bw := bufio.NewWriter(w)
	m := &md{w: bw, rep: rep, t: rep.P().T}
	m.front()
	for _, s := range rep.Sections() { // in view's order, as the PDF
		switch s.Kind {
		case view.SectionSummary:
			m.summary()
		case view.SectionFlags:
			m.flags()
			m.flagDeltas()
		case view.SectionClaims:
			m.claims()
		case view.SectionDimension:
			m.dimension(s.Index, s.Dimension)
		case view.SectionSegments:
			m.segmentOverview()
		case view.SectionGap:
			m.gap()
		case view.SectionPlan:
			m.plan()
			m.added()
			m.dropped()
		case view.SectionComments:
			m.comments()
		case view.SectionDrivers:
			m.drivers()
		case view.SectionMethod:
			m.method()
			m.measure()
		case view.SectionFrameworks:
			m.frameworks()
		}
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("report.md: %w", err)
	}
	return m.heads, nil
}

// md is one report.md being written. Writes go to a bufio.Writer, whose
// error Flush reports.
type md struct {
	w     *bufio.Writer
	rep   *view.Report
	t     func(key string, args ...any) string
	heads []string
}

func (m *md) p(format string, args ...any) {
	fmt.Fprintf(m.w, format, args...)
	m.w.WriteString("\n\n")
}

// h writes a heading whose text is plain (it is escaped here).
func (m *md) h(level int, text string) {
	text = strings.Join(strings.Fields(text), " ")
	fmt.Fprintf(m.w, "%s %s\n\n", strings.Repeat("#", level), escape(text))
	m.heads = append(m.heads, text)
}

// embed writes rubric Markdown under a heading of level base-1.
func (m *md) embed(src string, base int) {
	s, heads := embed(src, base)
	if s == "" {
		return
	}
	m.w.WriteString(s)
	m.w.WriteString("\n\n")
	m.heads = append(m.heads, heads...)
}

// table writes a GFM table; align holds "l" or "r" per column.
func (m *md) table(align string, header []string, rows [][]string) {
	row := func(cells []string) {
		m.w.WriteString("|")
		for i := range header {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			m.w.WriteString(" " + c + " |")
		}
		m.w.WriteString("\n")
	}
	esc := make([]string, len(header))
	for i, c := range header {
		esc[i] = cellText(c)
	}
	row(esc)
	m.w.WriteString("|")
	for i := range header {
		if i < len(align) && align[i] == 'r' {
			m.w.WriteString(" ---: |")
		} else {
			m.w.WriteString(" --- |")
		}
	}
	m.w.WriteString("\n")
	for _, r := range rows {
		row(r)
	}
	m.w.WriteString("\n")
}

var entityRE = regexp.MustCompile(`^&#?[A-Za-z0-9]+;`)

// escape makes plain text literal in CommonMark, on one line: it keeps
// emphasis, links, HTML, entities, tables and line-start markers from
// being read into data.
func escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '&':
			if entityRE.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '#', '-', '+', '=':
			// a heading, list item or setext underline at a line start
			if i == 0 && (len(s) == 1 || s[1] == ' ' || s[1] == s[0]) {
				b.WriteByte('\\')
			}
		case '.', ')':
			// an ordered list item: digits, then the mark, then a space
			if i > 0 && strings.Trim(s[:i], "0123456789") == "" && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cellText is escaped text for a table cell.
func cellText(s string) string { return escape(s) }

// The figures, as site/view writes them.

func (m *md) score(s *float64) string { return view.ScoreOr(m.rep.P(), s, "–") }

func (m *md) num1(f float64) string { return view.Score(m.rep.P(), f) }

// pct is a share of answers; a flag's share is view.FlagShare, its
// threshold view.SettingPct.
func (m *md) pct(share float64) string { return view.AnswerShare(m.rep.P(), share) }

func (m *md) num(v float64) string { return view.Setting(m.rep.P(), v) }

func (m *md) title() string {
	if t := m.rep.Meta.Title; t != "" {
		return t
	}
	return m.rep.Rubric.Title
}

// front is the cover: what, for whom, when, by whom.
func (m *md) front() {
	rep, meta, r := m.rep, m.rep.Meta, m.rep.Rubric
	m.h(1, m.title())
	var lines []string
	if meta.Client != "" {
		lines = append(lines, m.t("md.client", escape(meta.Client)))
	}
	if !meta.Date.IsZero() {
		lines = append(lines, m.t("md.date", view.Date(m.rep.P(), meta.Date)))
	}
	if meta.Consultancy != "" {
		lines = append(lines, m.t("md.prepared_by", escape(meta.Consultancy)))
	}
	lines = append(lines, m.t("md.respondents", rep.Result.Respondents),
		m.t("md.method", escape(r.Title), escape(r.Version)))
	// Two trailing spaces: a hard line break, so the lines stay one block.
	m.p("%s", strings.Join(lines, "  \n"))
	if rep.SmallGroups != "" {
		m.p("> **%s**", escape(rep.SmallGroups))
	}
}

// summary is the executive summary.
func (m *md) summary() {
	rep, r := m.rep, m.rep.Rubric
	ov := rep.Overall
	m.h(2, m.t("report.summary"))
	lvl := m.t("report.no_score")
	if ov.Level != nil {
		lvl = ov.Level.Title
	}
	m.p("%s", m.t("md.overall", m.score(ov.Score), escape(lvl)))
	m.change("")
	m.p("%s", m.t("report.respondents_target", rep.Result.Respondents, m.num(r.Target)))
	if ov.CappedBy != nil && ov.Uncapped != nil && ov.Level != nil {
		m.p("> **%s** %s", m.t("report.held_down"), escape(view.CappedText(rep.P(), ov)))
	}
	if story := rep.Story(); len(story) > 0 {
		m.p("%s", escape(strings.Join(story, " ")))
	}
	m.notes("overall")
	m.h(3, m.t("report.scores_by_dimension"))
	var rows [][]string
	changes := rep.Result.Previous != nil && !rep.Result.Previous.RubricChanged
	for _, dm := range rep.Dimensions {
		lvl := m.t("report.no_score")
		if dm.Level != nil {
			lvl = dm.Level.Title
		}
		gap := "–"
		if s := dm.Result.Score; s != nil {
			gap = m.num1(*s - r.Target)
		}
		row := []string{cellText(dm.Def.Title), m.score(dm.Result.Score), cellText(lvl), m.num(r.Target), gap}
		if rep.Norms != nil && rep.Norms.Shown {
			row = append(row, cellText(cmp.Or(dm.Percentile, "–")))
		}
		if changes {
			row = append(row, view.ChangeCell(rep.P(), rep.ChangeOf(dm.Def.ID)))
		}
		rows = append(rows, row)
	}
	align := "lrlrr"
	head := []string{m.t("report.col.dimension"), m.t("report.col.score"), m.t("report.col.level"), m.t("report.col.target"), m.t("report.col.diff_target")}
	if rep.Norms != nil && rep.Norms.Shown {
		align += "l"
		head = append(head, m.t("report.col.percentile"))
	}
	if changes {
		align += "r"
		head = append(head, m.t("report.col.change_since", rep.ChangeOf("").Since))
	}
	m.table(align, head, rows)
	if rep.Norms != nil {
		m.p("%s", escape(rep.Norms.Line))
	}
	m.trend()
	if len(rep.Raised) > 0 {
		m.h(3, m.t("report.flags_raised"))
		for _, f := range rep.Raised {
			fmt.Fprintf(m.w, "- **%s** (%s): %s\n", escape(f.Def.Title), m.t("report.severity."+f.Def.Severity), escape(view.ShareText(rep.P(), f)))
		}
		m.w.WriteString("\n")
	}
	if len(rep.Plan) > 0 {
		m.h(3, m.t("report.first_actions"))
		for i, it := range rep.Plan {
			if i == 5 {
				break
			}
			fmt.Fprintf(m.w, "%d. **%s** (%s)\n", it.Rank, escape(it.Rec.Title), escape(view.Origin(rep.P(), it)))
		}
		m.w.WriteString("\n")
		if len(rep.Plan) > 5 {
			m.p("%s", m.t("report.all_actions", len(rep.Plan)))
		}
	}
}

// flags explains the raised flags and lists those checked and not raised.
func (m *md) flags() {
	rep := m.rep
	m.h(2, m.t("report.red_flags"))
	if len(rep.Raised) == 0 {
		m.p("%s", m.t("report.no_flag"))
	}
	for _, f := range rep.Raised {
		m.h(3, f.Def.Title)
		m.p("*%s · %s*", m.t("md.severity", m.t("report.severity."+f.Def.Severity)), escape(view.ShareText(rep.P(), f)))
		m.embed(f.Def.Body, 4)
		for _, it := range f.Items {
			m.action(it, 4)
		}
	}
	var rows [][]string
	for _, f := range rep.Flags {
		if !f.Result.Raised {
			rows = append(rows, []string{cellText(f.Def.Title), m.t("report.severity." + f.Def.Severity), view.FlagShare(rep.P(), f.Result.Share), view.SettingPct(rep.P(), f.Def.Share)})
		}
	}
	if len(rows) > 0 {
		m.h(3, m.t("report.not_raised"))
		m.table("llrr", []string{m.t("report.col.flag"), m.t("report.col.severity"), m.t("report.col.matching"), m.t("report.col.raised_at")}, rows)
	}
}

// action is one recommendation in full, under a heading of the level.
func (m *md) action(it *view.Item, level int) {
	m.h(level, m.t("report.action", it.Rank, it.Rec.Title))
	m.p("*%s*", escape(view.Origin(m.rep.P(), it)))
	m.judgement(it)
	m.embed(it.Rec.Body, level+1)
}

// claims is the claims-and-evidence section: the figures, then each
// contradicted check as prominently as a raised red flag, then the rest
// with why they hold or cannot be evaluated.
func (m *md) claims() {
	rep := m.rep
	m.h(2, m.t("report.claims"))
	m.p("%s", escape(m.t("report.claims_intro")))
	if len(rep.Evidence) > 0 {
		m.h(3, m.t("report.evidence_figures"))
		for _, f := range rep.Evidence {
			m.p("- %s", escape(strings.Join(view.FigureParts(rep.P(), f), " · ")))
		}
		m.w.WriteString("\n")
	}
	for _, c := range rep.Contradicted {
		m.h(3, c.Def.Title)
		m.p("*%s · %s*", escape(c.Status), m.t("md.severity", view.CheckSeverity(rep.P(), c)))
		if s := view.CheckDetail(rep.P(), c); s != "" {
			m.p("%s", escape(s))
		}
		m.embed(c.Def.Body, 4)
		for _, it := range c.Items {
			m.action(it, 4)
		}
	}
	if len(rep.Checks) > len(rep.Contradicted) {
		m.h(3, m.t("report.checks"))
		for _, c := range rep.Checks {
			if !c.Contradicted() {
				m.p("- **%s**: %s", escape(c.Def.Title), escape(c.Status))
			}
		}
		m.w.WriteString("\n")
	}
}
