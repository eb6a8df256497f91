package pdf

import (
	"fmt"
	"math"

	"github.com/aiready/aiready/site/view"
)

// The figures, as site/view writes them.

// score formats a score with one decimal, or a dash when there is none.
func (d *doc) score(s *float64) string { return view.ScoreOr(d.p, s, "–") }

func (d *doc) num1(f float64) string { return view.Score(d.p, f) }

// pct is a share of answers; a flag's share is view.FlagShare, its
// threshold view.SettingPct.
func (d *doc) pct(share float64) string { return view.AnswerShare(d.p, share) }

func (d *doc) num(v float64) string { return view.Setting(d.p, v) }

// radar draws dimension scores on axes from the centre (0) to the rim
// (100), with the target as a dashed ring. Fewer than three dimensions
// make no polygon; bars show them instead.
func (d *doc) radar(cx, cy, r float64, dims []*view.Dimension, target float64) {
	f := d.f
	n := len(dims)
	if n < 3 {
		d.scoreBars(cx-r, cy-r, 2*r, dims, target)
		return
	}
	at := func(i int, v float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*v/100*math.Cos(a), cy + r*v/100*math.Sin(a)
	}
	ring := func(v float64) []point {
		pts := make([]point, n)
		for i := range pts {
			pts[i].X, pts[i].Y = at(i, v)
		}
		return pts
	}
	d.draw(rule)
	f.SetLineWidth(0.2)
	for _, v := range []float64{25, 50, 75, 100} {
		f.Polygon(ring(v), "D")
	}
	for i := range n {
		x, y := at(i, 100)
		f.Line(cx, cy, x, y)
	}
	// The group's scores.
	pts := make([]point, n)
	for i, dm := range dims {
		v := 0.0
		if dm.Result.Score != nil {
			v = min(max(*dm.Result.Score, 0), 100)
		}
		pts[i].X, pts[i].Y = at(i, v)
	}
	d.fill(d.accent.graphic)
	f.SetAlpha(0.18)
	f.Polygon(pts, "F")
	f.SetAlpha(1)
	d.draw(d.accent.graphic)
	f.SetLineWidth(0.6)
	f.Polygon(pts, "D")
	for _, p := range pts {
		f.Circle(p.X, p.Y, 0.9, "F")
	}
	// The target, over the scores so that it stays visible.
	d.draw(weak)
	f.SetLineWidth(0.35)
	f.SetDashPattern([]float64{1.2, 0.9}, 0)
	f.Polygon(ring(target), "D")
	f.SetDashPattern(nil, 0)
	// Ring values along the first axis.
	st := sized(d.small(), 6.5)
	for _, v := range []float64{25, 50, 75, 100} {
		x, y := at(0, v)
		d.place(d.num(v), st, x+0.8, y-1.6, 'L')
	}
	// Labels outside the rim.
	for i, dm := range dims {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		lx, ly := cx+(r+4)*math.Cos(a), cy+(r+4)*math.Sin(a)
		align, w := byte('C'), 44.0
		if math.Abs(math.Cos(a)) > 0.3 {
			w = 31
		}
		x := lx - w/2
		switch c := math.Cos(a); {
		case c > 0.3:
			align, x = 'L', lx
		case c < -0.3:
			align, x = 'R', lx-w
		}
		sp := []span{{dm.Def.Title, bold(sized(d.body(), 8.5))}, {"", style{brk: 1, size: 8.5}},
			{d.score(dm.Result.Score), colored(sized(d.body(), 8.5), d.accent.text)}}
		lines := d.layout(sp, w)
		h := textHeight(lines)
		y := ly - h/2
		if math.Sin(a) < -0.7 {
			y = ly - h
		} else if math.Sin(a) > 0.7 {
			y = ly
		}
		for _, ln := range lines {
			d.drawLine(ln, x, y, w, align)
			y += ln.h
		}
	}
}

// place draws a single line of text at (x, top) aligned on x.
func (d *doc) place(s string, st style, x, top float64, align byte) {
	for _, ln := range d.layout([]span{{s, st}}, 400) {
		w := 0.0
		switch align {
		case 'R':
			w = x
			x = 0
		case 'C':
			x -= 200
			w = 400
		}
		d.drawLine(ln, x, top, w, align)
		top += ln.h
	}
}

// scoreBars draws one horizontal bar per dimension, for rubrics with too
// few dimensions for a radar.
func (d *doc) scoreBars(x, y, w float64, dims []*view.Dimension, target float64) {
	for _, dm := range dims {
		d.place(dm.Def.Title+"  "+d.score(dm.Result.Score), bold(sized(d.body(), 8.5)), x, y, 'L')
		y += 5
		d.gauge(x, y, w, 4, dm.Result.Score, target)
		y += 9
	}
}

// gauge is a 0-100 bar filled to the score, with the target marked.
func (d *doc) gauge(x, y, w, h float64, s *float64, target float64) {
	f := d.f
	d.fill(paper)
	f.Rect(x, y, w, h, "F")
	if s != nil {
		d.fill(d.accent.graphic)
		f.Rect(x, y, w*min(max(*s, 0), 100)/100, h, "F")
	}
	d.draw(weak)
	f.SetLineWidth(0.5)
	tx := x + w*target/100
	f.Line(tx, y-1, tx, y+h+1)
}

// band draws a dimension's score on the rubric's levels: the levels as
// bands, the score as a bar, the 95% interval as a whisker, the target as
// a dashed line.
func (d *doc) band(dm *view.Dimension, target float64) {
	f := d.f
	levels := d.rep.Rubric.Levels
	x, w := d.left, d.cw
	d.need(26)
	y := d.y + 6
	const h = 7.0
	for i, lv := range levels {
		lo, hi := lv.Min, 100.0
		if i+1 < len(levels) {
			hi = levels[i+1].Min
		}
		lo, hi = min(max(lo, 0), 100), min(max(hi, 0), 100)
		if hi <= lo {
			continue
		}
		c := mix(white, rule, 0.35+0.65*float64(i%2))
		if dm.Level == lv {
			c = mix(white, d.accent.fill, 0.14)
		}
		d.fill(c)
		bx, bw := x+w*lo/100, w*(hi-lo)/100
		f.Rect(bx, y, bw, h, "F")
		st := sized(d.small(), 6.5)
		if dm.Level == lv {
			st = bold(colored(st, ink))
		}
		ly := y + h + 1
		for _, ln := range d.layout([]span{{lv.Title, st}}, bw-1) {
			d.drawLine(ln, bx+0.5, ly, bw-1, 'C')
			ly += ln.h
		}
	}
	if s := dm.Result.Score; s != nil {
		v := min(max(*s, 0), 100)
		d.fill(d.accent.graphic)
		f.Rect(x, y+2, w*v/100, h-4, "F")
		if dm.Result.N >= 2 && dm.Result.CIHigh > dm.Result.CILow {
			lo, hi := x+w*dm.Result.CILow/100, x+w*dm.Result.CIHigh/100
			d.draw(ink)
			f.SetLineWidth(0.35)
			f.Line(lo, y+h/2, hi, y+h/2)
			f.Line(lo, y+1.2, lo, y+h-1.2)
			f.Line(hi, y+1.2, hi, y+h-1.2)
		}
		d.place(d.score(s), bold(sized(d.body(), 8)), x+w*v/100, y-4.2, 'C')
	}
	tx := x + w*target/100
	d.draw(weak)
	f.SetLineWidth(0.45)
	f.SetDashPattern([]float64{1, 0.7}, 0)
	f.Line(tx, y-1, tx, y+h+1)
	f.SetDashPattern(nil, 0)
	d.place(d.t("pdf.target_mark", d.num(target)), colored(sized(d.small(), 6.5), weak), tx+1, y-3.6, 'L')
	d.y = y + h + 9
}

// Widths of the parts of a question's bar row.
const (
	totalW = 11.0 // share of weak or strong answers, each side
	infoW  = 24.0 // n and skips
)

// barColors gives each answer of a question its colour: warm for weak
// answers, grey at the midpoint, the accent for strong ones, deeper the
// further from the middle.
func (d *doc) barColors(bars []view.Bar) []rgb {
	out := make([]rgb, len(bars))
	var nNeg, nPos int
	for _, b := range bars {
		switch b.Side {
		case -1:
			nNeg++
		case 1:
			nPos++
		}
	}
	iNeg, iPos := 0, 0
	for i, b := range bars {
		switch b.Side {
		case -1:
			// the first weak answer is the weakest: deepest colour
			out[i] = mix(weak, white, 0.55*float64(iNeg)/float64(max(nNeg, 1)))
			iNeg++
		case 0:
			out[i] = rgb{205, 208, 213}
		case 1:
			iPos++
			out[i] = mix(d.accent.graphic, white, 0.55*float64(nPos-iPos)/float64(max(nPos, 1)))
		}
	}
	return out
}

// diverging draws a question's answers as one bar centred on the
// midpoint: weak answers left of it, strong ones right, the neutral answer
// split across it. The scale is fixed (each side up to 100%) so that bars
// compare across questions.
func (d *doc) diverging(q *view.Question, colors []rgb) {
	f := d.f
	const h = 5.5
	d.need(h + 1)
	x0 := d.left + totalW
	cw := d.cw - 2*totalW - infoW
	c := x0 + cw/2
	half := cw / 2
	y := d.y
	d.fill(paper)
	f.Rect(x0, y, cw, h, "F")
	d.draw(rule)
	f.SetLineWidth(0.15)
	for _, g := range []float64{-1, -0.5, 0.5, 1} {
		f.Line(c+g*half, y, c+g*half, y+h)
	}
	seg := func(i int, x, w float64) {
		if w <= 0 {
			return
		}
		d.fill(colors[i])
		f.Rect(x, y, w, h, "F")
		b := q.Bars[i]
		if w >= 7 {
			tc := ink
			if dark(colors[i]) {
				tc = white
			}
			d.place(d.pct(b.Share), colored(sized(d.body(), 6.5), tc), x+w/2, y+(h-6.5*ptMM*d.lead)/2, 'C')
		}
	}
	neutral := q.Neutral * half
	// Weak answers outwards from the middle: the last weak one is nearest.
	x := c - neutral/2
	for i := len(q.Bars) - 1; i >= 0; i-- {
		if q.Bars[i].Side == -1 {
			w := q.Bars[i].Share * half
			x -= w
			seg(i, x, w)
		}
	}
	x = c + neutral/2
	for i, b := range q.Bars {
		switch b.Side {
		case 0:
			w := b.Share * half
			seg(i, c-w/2, w)
		case 1:
			w := b.Share * half
			seg(i, x, w)
			x += w
		}
	}
	// The midpoint, marked outside the bar so that it hides no label.
	d.draw(ink)
	f.SetLineWidth(0.3)
	f.Line(c, y-1.2, c, y)
	f.Line(c, y+h, c, y+h+1.2)
	st := sized(d.body(), 8)
	ty := y + (h-8*ptMM*d.lead)/2
	d.place(d.pct(q.Neg), colored(st, weak), x0-1.5, ty, 'R')
	d.place(d.pct(q.Pos), colored(st, d.accent.text), x0+cw+1.5, ty, 'L')
	d.info(q, x0+cw+totalW, y, h)
	d.y = y + h + 1.5
}

// info writes how many answered and skipped beside a bar.
func (d *doc) info(q *view.Question, x, y, h float64) {
	sp := []span{{fmt.Sprintf("n = %d", q.Result.N), sized(d.small(), 7.5)}}
	if q.Skipped > 0 {
		sp = append(sp, span{"", style{brk: 1, size: 7}}, span{d.t("report.skipped", q.Skipped), sized(d.small(), 7)})
	}
	lines := d.layout(sp, infoW)
	y += (h - textHeight(lines)) / 2
	for _, ln := range lines {
		d.drawLine(ln, x, y, infoW, 'L')
		y += ln.h
	}
}

// shares draws a multi question: one bar per option, the share of
// respondents who chose it.
func (d *doc) shares(q *view.Question) {
	f := d.f
	labelW := d.cw * 0.42
	x0 := d.left + labelW + 2
	bw := d.cw - labelW - 2 - infoW - 10
	for _, b := range q.Bars {
		lines := d.layout([]span{{b.Label, sized(d.body(), 8)}}, labelW)
		h := max(textHeight(lines), 4.5)
		d.need(h + 1)
		y := d.y
		ly := y + (h-textHeight(lines))/2
		for _, ln := range lines {
			d.drawLine(ln, d.left, ly, labelW, 'L')
			ly += ln.h
		}
		by := y + (h-3.6)/2
		d.fill(paper)
		f.Rect(x0, by, bw, 3.6, "F")
		c := mix(d.accent.graphic, white, 0.25)
		if b.Value <= 0 {
			c = rgb{170, 175, 182}
		}
		d.fill(c)
		f.Rect(x0, by, bw*min(max(b.Share, 0), 1), 3.6, "F")
		d.place(d.pct(b.Share), sized(d.body(), 8), x0+bw*min(max(b.Share, 0), 1)+1.2, by+(3.6-8*ptMM*d.lead)/2, 'L')
		d.y = y + h + 1
	}
	d.need(5)
	d.place(d.t("report.multi_n", q.Result.N), sized(d.small(), 7.5), x0, d.y, 'L')
	d.y += 5
}

// legend names the colours of a question's answers, weakest first.
func (d *doc) legend(bars []view.Bar, colors []rgb) {
	st := sized(d.small(), 7.5)
	x := d.left + totalW
	right := d.left + d.cw - infoW
	lh := 7.5 * ptMM * d.lead
	d.need(lh + 16)
	d.gap(2.5)
	for i, b := range bars {
		w := d.width(fRegular, st, b.Label) + 6
		if x+w > right && x > d.left+totalW {
			x = d.left + totalW
			d.y += lh
		}
		d.fill(colors[i])
		d.f.Rect(x, d.y+(lh-2.6)/2, 2.6, 2.6, "F")
		d.place(b.Label, st, x+3.6, d.y, 'L')
		x += w + 2
	}
	d.y += lh + 1
}
