package view

import (
	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// Themes is what the comments are about, as the site's comments page,
// the PDF's and report.md's comments sections show it: the same words
// and figures in each. Counts are shown only for groups with at least
// min_comment_group comments; quotes only with comments shown.
type Themes struct {
	// Shown: the whole group's themes are counted and shown; else Why
	// says why not.
	Shown bool
	Intro string
	Why   string
	// Note defines the "relates most to" column.
	Note string
	Rows []*ThemeRow
	// Attrs are the themes by segment attribute, shown groups only.
	Attrs []*ThemeAttr
}

// ThemeRow is one theme of the whole group.
type ThemeRow struct {
	Def       *assess.Theme
	Count     int
	Cell      string // "13 (20%)", as every output prints it
	Share     string // "20%"
	Dimension string // the dimension's title, or "–"
	Quotes    []string
}

// ThemeAttr is one attribute's groups: the counts of those with enough
// comments (Values, and Cells[theme][value]) and a sentence on the others.
type ThemeAttr struct {
	Name   string
	Values []string
	Cells  [][]string // per theme (rubric order), per value
	Hidden string     // "Not shown: ...", or ""
}

// ThemeCell is a theme's count and share as every output prints it.
func ThemeCell(p *i18n.Printer, count int, share float64) string {
	return p.T("report.themes.cell", count, p.Pct(share))
}

func (rep *Report) themes() {
	res, p := rep.Result, rep.P()
	info := res.ThemesInfo
	if info == nil || len(res.Themes) != len(rep.Rubric.Themes) {
		return
	}
	th := &Themes{Shown: info.Shown}
	rep.Themes = th
	minC := res.MinCommentGroup
	if !info.Shown {
		th.Why = p.T("report.themes.too_few", minC)
		return
	}
	th.Intro = p.N("report.themes.intro", info.Comments, minC)
	th.Note = p.T("report.themes.note")
	for i, t := range res.Themes {
		row := &ThemeRow{Def: rep.Rubric.Themes[i], Dimension: "–"}
		if t.Count != nil && t.Share != nil {
			row.Count = *t.Count
			row.Cell = ThemeCell(p, *t.Count, *t.Share)
			row.Share = p.Pct(*t.Share)
		}
		if t.Dimension != nil {
			if d := rep.Rubric.Dimension(*t.Dimension); d != nil {
				row.Dimension = d.Title
			}
		}
		if rep.Meta.Comments {
			for _, q := range t.Quotes {
				row.Quotes = append(row.Quotes, q.Text)
			}
		}
		th.Rows = append(th.Rows, row)
	}
	// By attribute, in the order of the segments.
	var cur *ThemeAttr
	few := map[*ThemeAttr][]string{}
	comp := map[*ThemeAttr][]string{}
	for _, g := range info.Groups {
		if cur == nil || cur.Name != g.Attribute {
			cur = &ThemeAttr{Name: g.Attribute, Cells: make([][]string, len(res.Themes))}
			th.Attrs = append(th.Attrs, cur)
		}
		switch g.Why {
		case "few":
			few[cur] = append(few[cur], g.Value)
			continue
		case "complementary":
			comp[cur] = append(comp[cur], g.Value)
			continue
		}
		cur.Values = append(cur.Values, g.Value)
		for i, t := range res.Themes {
			cell := "–"
			for _, s := range t.Segments {
				if s.Attribute == g.Attribute && s.Value == g.Value {
					cell = ThemeCell(p, s.Count, s.Share)
				}
			}
			cur.Cells[i] = append(cur.Cells[i], cell)
		}
	}
	for _, a := range th.Attrs {
		var parts []string
		if v := few[a]; len(v) > 0 {
			parts = append(parts, p.T("report.themes.hidden_few", List(p, v), minC))
		}
		if v := comp[a]; len(v) > 0 {
			parts = append(parts, p.T("report.themes.hidden_complementary", List(p, v)))
		}
		for i, s := range parts {
			if i > 0 {
				a.Hidden += " "
			}
			a.Hidden += s
		}
	}
}

// List joins values as a sentence lists them: "a, b and c".
func List(p *i18n.Printer, v []string) string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return v[0]
	}
	out := v[0]
	for _, s := range v[1 : len(v)-1] {
		out += ", " + s
	}
	return p.T("report.themes.and", out, v[len(v)-1])
}
