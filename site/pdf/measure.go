package pdf

import (
	"fmt"

	"github.com/aiready/aiready/site/view"
)

// drivers is what drives the outcome: importance against score, with the
// fix-first corner marked, the same figures as a table, and what to fix
// first.
func (d *doc) drivers() {
	dr := d.rep.Measure.Drivers
	d.text(dr.Intro, d.body())
	d.y += 3
	d.driversChart(dr)
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{d.cw - 90, 30, 30, 30}, header: []cell{
		textCell(d.t("report.col.dimension"), hs),
		{spans: []span{{d.t("report.measure.col_importance"), hs}}, align: 'R'},
		{spans: []span{{d.t("report.col.score"), hs}}, align: 'R'},
		textCell(d.t("report.measure.col_fix"), hs)}}
	for _, r := range dr.Rows {
		fix := ""
		if r.FixFirst {
			fix = d.t("report.measure.yes")
		}
		t.rows = append(t.rows, []cell{textCell(r.Dimension.Def.Title, bold(st)),
			{spans: []span{{r.Importance, st}}, align: 'R'},
			{spans: []span{{d.score(r.Score), st}}, align: 'R'},
			textCell(fix, bold(colored(st, weak)))})
	}
	d.drawTable(t)
	d.y += 3
	d.text(dr.Text, bold(d.body()))
}

// driversChart plots each dimension's importance (up) against its score
// (across), the target and the even share as dashed lines, and the corner
// of the important and low-scoring shaded and named.
func (d *doc) driversChart(dr *view.Drivers) {
	const h, padL, padB, padT = 72.0, 14.0, 11.0, 3.0
	d.need(h + 4)
	f := d.f
	x0, y0 := d.left+padL, d.y+padT
	w, ph := d.cw-padL-4, h-padT-padB
	X := func(score float64) float64 { return x0 + w*min(max(score, 0), 100)/100 }
	Y := func(share float64) float64 { return y0 + ph*(1-min(share/dr.Scale, 1)) }
	target := d.rep.Rubric.Target
	// The fix-first corner.
	d.fill(mix(white, weak, 0.1))
	f.Rect(X(0), Y(dr.Scale), X(target)-X(0), Y(dr.Even)-Y(dr.Scale), "F")
	d.place(d.t("report.measure.quadrant"), bold(colored(sized(d.body(), 8), weak)), X(0)+1.5, Y(dr.Scale)+1, 'L')
	d.place(d.t("report.measure.quadrant_long"), colored(sized(d.body(), 7), weak), X(0)+1.5, Y(dr.Scale)+4.6, 'L')
	// Axes and ticks.
	d.draw(rule)
	f.SetLineWidth(0.25)
	f.Rect(x0, y0, w, ph, "D")
	st := sized(d.small(), 7)
	for _, v := range []float64{0, 25, 50, 75, 100} {
		d.place(d.num(v), st, X(v), y0+ph+1, 'C')
	}
	for _, v := range []float64{0, dr.Scale / 2, dr.Scale} {
		d.place(view.Importance(d.p, v), st, x0-1.2, Y(v)-1.4, 'R')
	}
	d.place(d.t("report.measure.axis_score"), bold(st), x0+w/2, y0+ph+5.2, 'C')
	d.place(d.t("report.measure.axis_importance"), bold(st), x0, y0-padT-0.5, 'L')
	d.draw(weak)
	f.SetLineWidth(0.3)
	f.SetDashPattern([]float64{1.2, 0.9}, 0)
	f.Line(X(target), y0, X(target), y0+ph)
	f.Line(x0, Y(dr.Even), x0+w, Y(dr.Even))
	f.SetDashPattern(nil, 0)
	d.place(d.t("report.measure.chart_target", d.num(target)), colored(st, weak), X(target)+1, y0+ph-3.6, 'L')
	d.place(d.t("report.measure.chart_even", view.Importance(d.p, dr.Even)), colored(st, weak), x0+w-1, Y(dr.Even)-3.4, 'R')
	// The dimensions, named beside their points, away from the edge; a
	// name that would cover another name or a point moves to the other
	// side, then up or down by half lines (as the site's chart).
	const dot, lw = 1.3, 42.0
	lp := &view.LabelPlacer{Dot: dot, Gap: [2]float64{0.5, 0.3}}
	for _, r := range dr.Rows {
		if r.Score != nil {
			lp.Points = append(lp.Points, [2]float64{X(*r.Score), Y(r.Share)})
		}
	}
	k := 0
	for _, r := range dr.Rows {
		if r.Score == nil {
			continue
		}
		px, py := lp.Points[k][0], lp.Points[k][1]
		c := d.accent.graphic
		if r.FixFirst {
			c = weak
		}
		d.fill(c)
		f.Circle(px, py, dot, "F")
		lines := d.layout([]span{{r.Dimension.Def.Title, bold(sized(d.body(), 7.5))}}, lw)
		tw := 0.0
		for _, ln := range lines {
			tw = max(tw, ln.w)
		}
		th := textHeight(lines)
		right := px+2.5+tw <= x0+w
		// The label's box on the right of its point (or the left), dy down.
		box := func(other bool, dy float64) view.Box {
			l := px + 2.5
			if right == other {
				l = px - 2.5 - tw
			}
			return view.Box{L: l, T: py - th/2 + dy, R: l + tw, B: py + th/2 + dy}
		}
		lp.Step = th / 2
		other, dy := lp.Place(k, box)
		bx := box(other, dy)
		y := bx.T
		for _, ln := range lines {
			if right != other {
				d.drawLine(ln, bx.L, y, lw, 'L')
			} else {
				d.drawLine(ln, bx.R-lw, y, lw, 'R')
			}
			y += ln.h
		}
		k++
	}
	d.y += h + 3
}

// measure is the methodology's part on how far the figures can be
// trusted: the reliability of each dimension and participation.
func (d *doc) measure() {
	ms := d.rep.Measure
	if ms == nil {
		return
	}
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 8.5)
	if len(ms.Reliability) > 0 {
		d.sub(d.t("report.measure.reliability"))
		d.text(d.rep.ReliabilityIntro(), d.body())
		d.y += 2
		t := &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{48, 16, 14, d.cw - 78}, header: []cell{
			textCell(d.t("report.col.dimension"), hs),
			{spans: []span{{d.t("report.measure.col_alpha"), hs}}, align: 'R'},
			{spans: []span{{"n", hs}}, align: 'R'},
			textCell(d.t("report.measure.col_note"), hs)}}
		for _, r := range ms.Reliability {
			note := st
			if r.Weak {
				note = bold(colored(st, weak))
			}
			t.rows = append(t.rows, []cell{textCell(r.Dimension.Title, bold(st)),
				{spans: []span{{r.Alpha, st}}, align: 'R'},
				{spans: []span{{fmt.Sprint(r.Result.N), st}}, align: 'R'},
				textCell(r.Note, note)})
		}
		d.drawTable(t)
		if len(ms.Questions) > 0 {
			d.heading(d.t("report.measure.weak_questions"), 10.5, 12)
			for _, q := range ms.Questions {
				d.text("• "+q.Text, d.body())
				d.y += 1
			}
		}
	}
	if pt := ms.Participation; pt != nil {
		d.sub(d.t("report.measure.participation"))
		d.text(pt.Line, d.body())
		d.y += 2
		t := &table{x: d.left, w: d.cw, pad: 1.4, widths: []float64{d.cw - 78, 24, 24, 30}, header: []cell{
			textCell(d.t("report.measure.col_group"), hs),
			{spans: []span{{d.t("report.measure.col_asked"), hs}}, align: 'R'},
			{spans: []span{{d.t("report.measure.col_answered"), hs}}, align: 'R'},
			{spans: []span{{d.t("report.measure.col_rate"), hs}}, align: 'R'}}}
		row := func(name string, asked, answered int, rate string, low bool) {
			rs := st
			if low {
				rs = bold(colored(st, weak))
			}
			t.rows = append(t.rows, []cell{textCell(name, bold(st)),
				{spans: []span{{fmt.Sprint(asked), st}}, align: 'R'},
				{spans: []span{{fmt.Sprint(answered), st}}, align: 'R'},
				{spans: []span{{rate, rs}}, align: 'R'}})
		}
		row(d.t("report.measure.overall"), pt.Population, pt.Respondents, pt.Rate, pt.Low)
		for _, g := range pt.Groups {
			row(g.Attribute+": "+g.Value, g.Population, g.N, g.Rate, g.Low)
		}
		d.drawTable(t)
		for _, l := range pt.Limits {
			d.y += 2
			d.callout(weak, []span{{l, d.body()}})
		}
	}
}
