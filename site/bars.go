package site

import (
	"fmt"
	"html/template"
	"strconv"

	"github.com/aiready/aiready/site/view"
)

// barFills gives each answer of a distribution its fill: the weak side
// deepens leftwards from the midpoint, the strong side rightwards.
func barFills(bars []view.Bar) []string {
	var nw, ns int
	for _, b := range bars {
		switch b.Side {
		case -1:
			nw++
		case 1:
			ns++
		}
	}
	fills := make([]string, len(bars))
	w, s := 0, 0
	for i, b := range bars {
		switch b.Side {
		case -1:
			// bars run weakest first: the first is furthest from the midpoint.
			fills[i] = sideFill(weakPale, weakDeep, nw-1-w, nw)
			w++
		case 1:
			fills[i] = sideFill(strongPale, strongDeep, s, ns)
			s++
		default:
			fills[i] = neutralFill
		}
	}
	return fills
}

// divergingBar draws a question's answers as a bar centred on the
// midpoint: weak answers to the left, strong ones to the right, the
// neutral answer across the middle. Every bar shares one scale, so bars
// of different questions compare. A key with every answer's share and
// count follows, in words; skip answers are counted apart, by the caller.
func (l loc) divergingBar(q *view.Question, id string) template.HTML {
	const w, h, c, barY, barH = 1000.0, 40.0, 500.0, 6.0, 28.0
	scale := c // px for a share of 1 on either side
	fills := barFills(q.Bars)
	var neutral float64
	for _, b := range q.Bars {
		if b.Side == 0 {
			neutral += b.Share
		}
	}
	// Built by appending rather than with fmt, since a site of many
	// segment pages draws thousands of these. Each self-closing shape,
	// </text> and </li> is followed by a line break, as lines() does.
	sb := make([]byte, 0, 2048)
	sb = append(sb, `<svg class="chart divbar" viewBox="0 0 `...)
	sb = append(sb, f(w)+" "+f(h)+`" preserveAspectRatio="none" role="img" aria-labelledby="`+id+"-t "+id+`-d">`...)
	sb = append(sb, `<title id="`+id+`-t">`...)
	sb = append(sb, esc(l.p.T("site.chart.bar_title", q.Result.N, l.pct(q.Neg), l.pct(q.Neutral), l.pct(q.Pos)))...)
	sb = append(sb, `</title><desc id="`+id+`-d">`...)
	var desc []byte
	for i, b := range q.Bars {
		if i > 0 {
			desc = append(desc, "; "...)
		}
		desc = append(desc, b.Label+" "+l.pct(b.Share)+" ("...)
		desc = strconv.AppendInt(desc, int64(b.Count), 10)
		desc = append(desc, ')')
	}
	desc = append(desc, '.')
	sb = append(sb, esc(string(desc))...)
	sb = append(sb, `</desc>`...)
	seg := func(x, width float64, i int) {
		if width <= 0 {
			return
		}
		sb = append(sb, `<rect x="`+f(x)+`" y="`+f(barY)+`" width="`+f(width)+`" height="`+f(barH)+`" fill="`+fills[i]+"\"/>\n"...)
		if width >= 40 {
			sb = append(sb, `<text x="`+f(x+width/2)+`" y="`+f(barY+barH/2+5.5)+`" text-anchor="middle" fill="`+textOn(fills[i])+`">`+l.pct(q.Bars[i].Share)+"</text>\n"...)
		}
	}
	// Weak answers, from the midpoint leftwards.
	right := c - neutral*scale/2
	for i := len(q.Bars) - 1; i >= 0; i-- {
		if b := q.Bars[i]; b.Side == -1 {
			wd := b.Share * scale
			seg(right-wd, wd, i)
			right -= wd
		}
	}
	left := c - neutral*scale/2
	for i, b := range q.Bars {
		if b.Side == 0 {
			wd := b.Share * scale
			seg(left, wd, i)
			left += wd
		}
	}
	for i, b := range q.Bars {
		if b.Side == 1 {
			wd := b.Share * scale
			seg(left, wd, i)
			left += wd
		}
	}
	// The midpoint is marked above and below the bar, clear of its labels.
	sb = append(sb, `<line class="b-mid" x1="`+f(c)+`" y1="0" x2="`+f(c)+`" y2="`+f(barY)+"\"/>\n"+
		`<line class="b-mid" x1="`+f(c)+`" y1="`+f(barY+barH)+`" x2="`+f(c)+`" y2="`+f(h)+"\"/>\n"...)
	sb = append(sb, `</svg>`...)
	// The key is the figures in words, so it is not hidden from anyone.
	sb = append(sb, `<ul class="key">`...)
	for i, b := range q.Bars {
		sb = append(sb, `<li><svg class="sw" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="`+fills[i]+"\"/>\n</svg>"+
			esc(b.Label)+" <b>"+l.pct(b.Share)+`</b> <span class="muted">(`...)
		sb = strconv.AppendInt(sb, int64(b.Count), 10)
		sb = append(sb, ")</span></li>\n"...)
	}
	sb = append(sb, `</ul>`...)
	return template.HTML(sb) //nolint:gosec // built here, texts escaped
}

// shareBar is a small bar of a share, shown beside its number; it adds no
// information of its own and is hidden from screen readers.
func shareBar(share float64) template.HTML {
	return template.HTML(fmt.Sprintf( //nolint:gosec // numbers only
		`<svg class="minibar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="b-track" width="100" height="10"/><rect class="b-fill" width="%s" height="10"/></svg>`,
		f(share*100)))
}

// scoreBar draws a score on 0-100 with the target marked, beside the
// score printed as text.
func scoreBar(p *float64, target float64) template.HTML {
	v := 0.0
	if p != nil {
		v = *p
	}
	return template.HTML(fmt.Sprintf( //nolint:gosec // numbers only
		`<svg class="scorebar" viewBox="0 0 200 14" preserveAspectRatio="none" aria-hidden="true"><rect class="b-track" y="2" width="200" height="10" rx="2"/><rect class="b-fill" y="2" width="%s" height="10" rx="2"/><line class="b-target" x1="%s" y1="0" x2="%s" y2="14"/></svg>`,
		f(v*2), f(target*2), f(target*2)))
}

// gapBar draws a perception gap as a dumbbell on 0-100, beside the table
// cells that give both scores and the difference.
func gapBar(row view.GapRow) template.HTML {
	hi, lo := 0.0, 0.0
	if row.High.Score != nil {
		hi = *row.High.Score
	}
	if row.Low.Score != nil {
		lo = *row.Low.Score
	}
	return template.HTML(fmt.Sprintf( //nolint:gosec // numbers only
		`<svg class="gapbar" viewBox="0 0 208 16" aria-hidden="true"><line class="g-track" x1="4" y1="8" x2="204" y2="8"/><line class="g-span" x1="%s" y1="8" x2="%s" y2="8"/><circle class="g-lo" cx="%s" cy="8" r="5"/><circle class="g-hi" cx="%s" cy="8" r="5"/></svg>`,
		f(4+lo*2), f(4+hi*2), f(4+lo*2), f(4+hi*2)))
}

func itoa(i int) string { return strconv.Itoa(i) }
