package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// The consultant's judgement (notes and overrides) and the trend against
// earlier assessments, for the templates. The model and the words are
// site/view's, so that the site, the PDF and report.md say
// the same.

func notesFor(rep *view.Report, target string) []assess.Note { return rep.NotesOn(target) }

func overrideOf(rep *view.Report, id string) *assess.OverrideResult { return rep.OverrideOf(id) }

func dropped(rep *view.Report) []view.Dropped { return rep.Dropped() }

// trendOf returns the change of a dimension ("" for overall) since the
// last assessment, or nil when there was none.
func (l loc) trendOf(rep *view.Report, dim string) *view.Change { return rep.ChangeOf(dim) }

// change says a difference in words and figures, so that neither a colour
// nor an arrow carries it alone.
func (l loc) change(d float64) string { return view.ChangeWords(l.p, d) }

// arrow is the glyph of a change: ▲, ▼ or =.
func arrow(d float64) string { return view.Arrow(d) }

// trendChart draws the overall score of each comparable assessment as a
// line, oldest first; the table beside it gives the same figures.
func (l loc) trendChart(rep *view.Report) template.HTML {
	t := rep.Trend()
	if t == nil {
		return ""
	}
	const w, h, top, left, plot = 360.0, 150.0, 18.0, 30.0, 100.0
	n := len(t.Points)
	xOf := func(i int) float64 { return left + (w-left-10)*(float64(i)+0.5)/float64(n) }
	yOf := func(v float64) float64 { return top + plot - plot*min(max(v, 0), 100)/100 }
	var b strings.Builder
	var desc []string
	for _, p := range t.Points {
		v := "–"
		if p.Overall != nil {
			v = l.num1(*p.Overall)
		}
		desc = append(desc, l.longDate(p.Date)+": "+v)
	}
	fmt.Fprintf(&b, `<svg class="trend-chart" viewBox="0 0 %s %s" role="img" aria-labelledby="trend-title trend-desc"><title id="trend-title">%s</title><desc id="trend-desc">%s</desc>`,
		f(w), f(h), esc(l.p.T("site.trend.chart_title")), esc(strings.Join(desc, "; ")))
	for _, v := range []float64{0, 50, 100} {
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(left), f(yOf(v)), f(w-10), f(yOf(v)))
		fmt.Fprintf(&b, `<text class="axis" x="%s" y="%s" text-anchor="end">%d</text>`, f(left-4), f(yOf(v)+3), int(v))
	}
	var pts []string
	for i, p := range t.Points {
		if p.Overall != nil {
			pts = append(pts, f(xOf(i))+","+f(yOf(*p.Overall)))
		}
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline class="trend-line" points="%s"/>`, strings.Join(pts, " "))
	}
	for i, p := range t.Points {
		if p.Overall != nil {
			fmt.Fprintf(&b, `<circle class="trend-dot" cx="%s" cy="%s" r="3.5"/>`, f(xOf(i)), f(yOf(*p.Overall)))
			fmt.Fprintf(&b, `<text class="trend-value" x="%s" y="%s" text-anchor="middle">%s</text>`, f(xOf(i)), f(yOf(*p.Overall)-8), l.score(p.Overall))
		}
		fmt.Fprintf(&b, `<text class="axis" x="%s" y="%s" text-anchor="middle">%s</text>`, f(xOf(i)), f(top+plot+16), esc(l.longDate(p.Date)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(lines(b.String()))
}

// trendData is the trend for the templates: nil without a chart.
func trendData(rep *view.Report) *view.Trend { return rep.Trend() }

func (l loc) trendIntro(t *view.Trend) string { return view.TrendIntro(l.p, t) }

// longDate writes a YYYY-MM-DD date in words in the report's language.
func (l loc) longDate(s string) string { return view.LongDate(l.p, s) }
