package site

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/aiready/aiready/site/view"
)

// The drivers chart: each dimension's importance for the outcome (up)
// against its score (across), with the target and the even share as
// dashed lines and the corner of the important and low-scoring shaded
// and named "fix first". Its figures are in the table beside it, and its
// title and description say them to a screen reader.
//
// As the radar's, its texts are measured (textEm) at the largest size
// the stylesheet gives them, a phone's, before the viewBox is set, so
// that the viewBox holds every one of them whole.
const (
	drvX0, drvY0   = 80.0, 40.0 // the plot's top left corner
	drvW, drvH     = 480.0, 300.0
	drvFont        = 22.0 // the largest size of a point's label (a phone's)
	drvSmall       = 16.0 // of ticks and axis names
	drvLabelGap    = 12.0
	drvLabelWidth  = 8.5 // em before a point's label wraps
	drvLabelLines  = 3
	drvLineSpacing = 1.15
	drvDot         = 7.0 // a point's radius, with a little room
)

// svgText is one text of the chart, laid out, for measuring and drawing.
type svgText struct {
	class, anchor string
	x, y          float64 // the first line's baseline
	lines         []string
	font          float64 // the size it is measured at
}

// box returns the text's extent: left, top, right, bottom.
func (t svgText) box() (float64, float64, float64, float64) {
	w := 0.0
	for _, l := range t.lines {
		w = max(w, textEm(l)*t.font)
	}
	left := t.x
	switch t.anchor {
	case "end":
		left -= w
	case "middle":
		left -= w / 2
	}
	top := t.y - t.font
	bottom := t.y + drvLineSpacing*t.font*float64(len(t.lines)-1) + 0.3*t.font
	return left, top, left + w, bottom
}

func (t svgText) write(b *strings.Builder) {
	fmt.Fprintf(b, `<text class="%s" x="%s" y="%s" text-anchor="%s">`, t.class, f(t.x), f(t.y), t.anchor)
	if len(t.lines) == 1 {
		b.WriteString(esc(t.lines[0]))
	} else {
		for i, l := range t.lines {
			dy := "0"
			if i > 0 {
				dy = strconv.FormatFloat(drvLineSpacing, 'f', -1, 64) + "em"
			}
			fmt.Fprintf(b, `<tspan x="%s" dy="%s">%s</tspan>`, f(t.x), dy, esc(l))
		}
	}
	b.WriteString(`</text>`)
}

// driversChart draws the report's drivers, or nothing without them.
func driversChart(p *page) template.HTML {
	m := p.Rep.Measure
	if m == nil || m.Drivers == nil {
		return ""
	}
	dr := m.Drivers
	l := p.Site.loc
	target := p.Rep.Rubric.Target
	X := func(score float64) float64 { return drvX0 + drvW*min(max(score, 0), 100)/100 }
	Y := func(share float64) float64 { return drvY0 + drvH*(1-min(max(share, 0)/dr.Scale, 1)) }
	var texts []svgText
	add := func(class, anchor string, x, y, font float64, lines ...string) {
		texts = append(texts, svgText{class, anchor, x, y, lines, font})
	}
	// Ticks, axis names, the two thresholds and the corner's name.
	for _, v := range []float64{0, 25, 50, 75, 100} {
		add("d-tick", "middle", X(v), drvY0+drvH+drvSmall+6, drvSmall, view.Setting(l.p, v))
	}
	for _, v := range []float64{0, dr.Scale / 2, dr.Scale} {
		add("d-tick", "end", drvX0-8, Y(v)+drvSmall*0.35, drvSmall, view.Importance(l.p, v))
	}
	add("d-axis", "middle", drvX0+drvW/2, drvY0+drvH+2*drvSmall+14, drvSmall, l.p.T("report.measure.axis_score"))
	add("d-axis", "start", drvX0, drvY0-14, drvSmall, l.p.T("report.measure.axis_importance"))
	add("d-threshold", "start", X(target)+6, drvY0+drvH-8, drvSmall, l.p.T("report.measure.chart_target", l.plain(target)))
	add("d-threshold", "end", drvX0+drvW-6, Y(dr.Even)-8, drvSmall, l.p.T("report.measure.chart_even", view.Importance(l.p, dr.Even)))
	add("d-corner", "start", drvX0+10, drvY0+drvSmall+8, drvSmall, l.p.T("report.measure.quadrant"))
	// The points' labels: right of the point, or left of it where the
	// right would leave the plot; a label that would cover another label
	// or a point moves to the other side, then up or down, by half lines.
	type point struct {
		x, y float64
		fix  bool
	}
	var pts []point
	var desc []string
	lp := &view.LabelPlacer{Dot: drvDot, Gap: [2]float64{2, 2}, Step: 0.6 * drvFont}
	for _, r := range dr.Rows {
		desc = append(desc, l.p.T("report.measure.chart_point", r.Dimension.Def.Title, r.Importance, l.score(r.Score)))
		if r.Score != nil {
			pts = append(pts, point{X(*r.Score), Y(r.Share), r.FixFirst})
			lp.Points = append(lp.Points, [2]float64{X(*r.Score), Y(r.Share)})
		}
	}
	k := 0
	for _, r := range dr.Rows {
		if r.Score == nil {
			continue
		}
		x, y := pts[k].x, pts[k].y
		lines := wrapWords(r.Dimension.Def.Title, drvLabelWidth, drvLabelLines)
		w := 0.0
		for _, s := range lines {
			w = max(w, textEm(s)*drvFont)
		}
		first := y + 0.35*drvFont - drvLineSpacing*drvFont*float64(len(lines)-1)/2
		right := x+drvLabelGap+w <= drvX0+drvW
		label := func(other bool, dy float64) svgText {
			if right != other {
				return svgText{"d-label", "start", x + drvLabelGap, first + dy, lines, drvFont}
			}
			return svgText{"d-label", "end", x - drvLabelGap, first + dy, lines, drvFont}
		}
		other, dy := lp.Place(k, func(other bool, dy float64) view.Box {
			l0, t0, r0, b0 := label(other, dy).box()
			return view.Box{L: l0, T: t0, R: r0, B: b0}
		})
		texts = append(texts, label(other, dy))
		k++
	}
	desc = append(desc, dr.Text)
	// The viewBox: the plot and every text, with a margin.
	const pad = 6.0
	left, top, right, bottom := drvX0, drvY0, drvX0+drvW, drvY0+drvH
	for _, tx := range texts {
		l0, t0, r0, b0 := tx.box()
		left, top, right, bottom = min(left, l0), min(top, t0), max(right, r0), max(bottom, b0)
	}
	x0, y0 := math.Floor(left-pad), math.Floor(top-pad)
	w, h := math.Ceil(right+pad-x0), math.Ceil(bottom+pad-y0)

	var b strings.Builder
	title := l.p.T("report.measure.chart_title")
	fmt.Fprintf(&b, `<svg class="chart drivers" viewBox="%s %s %s %s" role="img" aria-labelledby="drivers-t drivers-d">`, f(x0), f(y0), f(w), f(h))
	fmt.Fprintf(&b, `<title id="drivers-t">%s</title><desc id="drivers-d">%s</desc>`, esc(title), esc(strings.Join(desc, " ")))
	fmt.Fprintf(&b, `<rect class="d-fix" x="%s" y="%s" width="%s" height="%s"/>`, f(X(0)), f(Y(dr.Scale)), f(X(target)-X(0)), f(Y(dr.Even)-Y(dr.Scale)))
	fmt.Fprintf(&b, `<rect class="d-frame" x="%s" y="%s" width="%s" height="%s"/>`, f(drvX0), f(drvY0), f(drvW), f(drvH))
	fmt.Fprintf(&b, `<line class="d-line" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(X(target)), f(drvY0), f(X(target)), f(drvY0+drvH))
	fmt.Fprintf(&b, `<line class="d-line" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(drvX0), f(Y(dr.Even)), f(drvX0+drvW), f(Y(dr.Even)))
	for _, pt := range pts {
		class := "d-dot"
		if pt.fix {
			class = "d-dot d-dot-fix"
		}
		fmt.Fprintf(&b, `<circle class="%s" cx="%s" cy="%s" r="6"/>`, class, f(pt.x), f(pt.y))
	}
	for _, tx := range texts {
		tx.write(&b)
	}
	b.WriteString(`</svg>`)
	return template.HTML(lines(b.String())) //nolint:gosec // built here, texts escaped
}
