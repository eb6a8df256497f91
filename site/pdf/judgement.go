package pdf

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/site/view"
)

// What people added to the figures: the consultant's notes and overrides,
// and the change since the last assessment. The words are report.md's.

// notes draws the consultant's notes on a target, each under its label
// and indented behind a bar, so that no reader takes them for the rubric.
func (d *doc) notes(target string) {
	for _, n := range d.rep.NotesOn(target) {
		d.need(14)
		d.y += 1
		top, page := d.y, d.f.PageNo()
		d.at(d.left+5, d.y, d.cw-5, span{d.t("report.note"), bold(colored(sized(d.body(), 9), d.accent.text))})
		d.y += 5
		d.markdownAt(n.Body, d.body(), d.left+5, d.cw-5)
		if d.f.PageNo() == page {
			d.fill(d.accent.fill)
			d.f.Rect(d.left, top, 1.2, d.y-top, "F")
		}
		d.y += 3
	}
}

// change draws a score's change since the last assessment, if any.
func (d *doc) change(dim string) {
	c := d.rep.ChangeOf(dim)
	s := view.ChangeText(d.p, c)
	if s == "" {
		return
	}
	st := sized(d.body(), 9.5)
	switch {
	case c.Changed || c.Delta == nil:
		st = colored(sized(d.small(), 8.5), muted)
	default:
		st = bold(st)
	}
	d.text(s, st)
	d.y += 1
}

// judgement draws how a person placed an action in the plan, if one did.
func (d *doc) judgement(it *view.Item, x, w float64) {
	if o := d.rep.OverrideOf(it.Rec.ID); o != nil {
		d.y = d.at(x, d.y, w, span{view.OverrideText(d.p, o), italic(colored(sized(d.body(), 8.5), d.accent.text))})
	}
}

// dropped lists the recommendations the consultant took out of the plan.
func (d *doc) dropped() {
	ds := d.rep.Dropped()
	if len(ds) == 0 {
		return
	}
	d.y += 6
	d.heading(d.t("report.dropped"), 12, 30)
	d.text(d.t("report.dropped_lead"), d.body())
	d.y += 2
	for _, x := range ds {
		lines := d.layout([]span{{x.Title, bold(d.body())}}, d.cw-6)
		d.need(textHeight(lines) + 6)
		d.y = d.at(d.left+6, d.y, d.cw-6, span{x.Title, bold(d.body())})
		d.y = d.at(d.left+6, d.y, d.cw-6, span{d.t("report.judgement.drop", strings.Join(strings.Fields(x.Reason), " ")), italic(sized(d.body(), 8.5))})
		d.y += 2
	}
}

// trendChart draws the overall score of each comparable assessment as a
// line, with its figure above each point and its date below.
func (d *doc) trendChart() {
	t := d.rep.Trend()
	if t == nil {
		return
	}
	d.sub(d.t("report.trend.title"))
	d.text(view.TrendIntro(d.p, t), d.small())
	const h = 34.0
	d.need(h + 16)
	x0, w := d.left+8, d.cw-16
	top := d.y + 5
	yOf := func(v float64) float64 { return top + h - h*min(max(v, 0), 100)/100 }
	f := d.f
	d.draw(rule)
	f.SetLineWidth(0.2)
	st := sized(d.small(), 6.5)
	for _, v := range []float64{0, 50, 100} {
		f.Line(x0, yOf(v), x0+w, yOf(v))
		d.place(fmt.Sprint(v), st, x0-1.5, yOf(v)-1.2, 'R')
	}
	n := len(t.Points)
	xOf := func(i int) float64 { return x0 + w*(float64(i)+0.5)/float64(n) }
	var pts []point
	for i, p := range t.Points {
		if p.Overall != nil {
			pts = append(pts, point{X: xOf(i), Y: yOf(*p.Overall)})
		}
	}
	d.draw(d.accent.graphic)
	f.SetLineWidth(0.6)
	for i := 1; i < len(pts); i++ {
		f.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
	}
	d.fill(d.accent.graphic)
	for i, p := range t.Points {
		if p.Overall != nil {
			f.Circle(xOf(i), yOf(*p.Overall), 0.9, "F")
			d.place(d.score(p.Overall), bold(sized(d.body(), 7.5)), xOf(i), yOf(*p.Overall)-4.5, 'C')
		}
		d.place(d.rep.LongDate(p.Date), st, xOf(i), top+h+1.5, 'C')
	}
	d.y = top + h + 8
}
