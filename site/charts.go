package site

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/aiready/aiready/site/i18n"
)

// The charts are SVG written here, not in templates: their geometry is
// arithmetic, and every text that reaches them goes through esc. Each
// chart that carries data is role="img" with a <title> and a <desc> that a
// screen reader reads, and the pages print the same figures as text;
// purely visual ones are aria-hidden beside the figures they draw.

func esc(s string) string { return html.EscapeString(s) }

// lines puts each element of a chart on a line of its own, so that a
// change to a chart reads as a short diff in the golden files. Only
// self-closing shapes and whole <text> elements are followed by a line
// break; the text inside them is untouched.
func lines(svg string) string {
	svg = strings.ReplaceAll(svg, "/>", "/>\n")
	svg = strings.ReplaceAll(svg, "</text>", "</text>\n")
	return strings.ReplaceAll(svg, "</li>", "</li>\n")
}

// f formats an SVG coordinate: short, and the same on every machine;
// rounded as every figure is (i18n.Round).
func f(x float64) string {
	s := strconv.FormatFloat(i18n.Round(x, 1), 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// wrapLabel splits a label longer than width characters into two lines
// of about equal length, at the space nearest the middle.
func wrapLabel(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= width {
		return []string{s}
	}
	best := -1
	for i := range len(s) {
		if s[i] == ' ' && (best < 0 || abs(i-len(s)/2) < abs(best-len(s)/2)) {
			best = i
		}
	}
	if best < 0 {
		return []string{s}
	}
	return []string{s[:best], s[best+1:]}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// series is one polygon of a radar.
type series struct {
	Name   string
	Class  string
	Scores []*float64
}

// radar draws the whole group's dimension scores against the target.
func radar(p *page) template.HTML {
	var s series
	s.Name, s.Class = p.Site.loc.p.T("site.all_respondents"), "r-main"
	for _, d := range p.Rep.Dimensions {
		s.Scores = append(s.Scores, d.Result.Score)
	}
	return radarSVG(p, "radar", []series{s})
}

// segmentRadar draws a segment's scores over the whole group's.
func segmentRadar(p *page) template.HTML {
	all := series{Name: p.Site.loc.p.T("site.all_respondents"), Class: "r-comp"}
	seg := series{Name: p.Seg.Value, Class: "r-main"}
	for i, d := range p.Rep.Dimensions {
		all.Scores = append(all.Scores, d.Result.Score)
		seg.Scores = append(seg.Scores, p.Seg.Dims[i].Score)
	}
	return radarSVG(p, "radar", []series{all, seg})
}

func radarSVG(p *page, id string, ss []series) template.HTML {
	dims := p.Rep.Dimensions
	target := p.Rep.Rubric.Target
	n := len(dims)
	l := p.Site.loc
	var desc []string
	for _, s := range ss {
		var parts []string
		for i, d := range dims {
			parts = append(parts, d.Def.Title+" "+l.score(s.Scores[i]))
		}
		desc = append(desc, s.Name+": "+strings.Join(parts, "; ")+".")
	}
	desc = append(desc, l.p.T("site.chart.target_desc", l.plain(target)))
	title := l.p.T("site.chart.radar_title", l.plain(target))
	var b strings.Builder
	if n < 3 {
		return barsSVG(p, id, ss, title, strings.Join(desc, " "))
	}
	const w, cx, cy, R = 640.0, 320.0, 230.0, 185.0
	// The height fits the shape and its labels, at the largest font the
	// stylesheet gives them (22 units on a phone).
	const font = 22.0
	top, bottom := cy-R-10, cy+R+10
	for i, d := range dims {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		y := cy + (R+16)*math.Sin(a)
		lines := float64(len(wrapLabel(d.Def.Title, 12)))
		y0, y1 := labelOffsets(a, int(lines))
		top = min(top, y+y0*font-font)
		bottom = max(bottom, y+y1*font+6)
	}
	fmt.Fprintf(&b, `<svg class="chart radar" viewBox="0 %s %s %s" role="img" aria-labelledby="%s-t %s-d">`, f(math.Floor(top)), f(w), f(math.Ceil(bottom-math.Floor(top))), id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(strings.Join(desc, " ")))
	pt := func(i int, v float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		r := R * v / 100
		return cx + r*math.Cos(a), cy + r*math.Sin(a)
	}
	ring := func(v float64, class string) {
		var pts []string
		for i := range n {
			x, y := pt(i, v)
			pts = append(pts, f(x)+","+f(y))
		}
		fmt.Fprintf(&b, `<polygon class="%s" points="%s"/>`, class, strings.Join(pts, " "))
	}
	for _, v := range []float64{25, 50, 75, 100} {
		ring(v, "r-grid")
	}
	for i := range n {
		x, y := pt(i, 100)
		fmt.Fprintf(&b, `<line class="r-axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(cx), f(cy), f(x), f(y))
	}
	for _, v := range []float64{50, 100} {
		_, y := pt(0, v)
		fmt.Fprintf(&b, `<text class="r-tick" x="%s" y="%s" text-anchor="end">%s</text>`, f(cx-5), f(y+12), f(v))
	}
	ring(target, "r-target")
	for _, s := range ss {
		var pts []string
		for i := range n {
			v := 0.0
			if s.Scores[i] != nil {
				v = *s.Scores[i]
			}
			x, y := pt(i, v)
			pts = append(pts, f(x)+","+f(y))
		}
		fmt.Fprintf(&b, `<polygon class="%s" points="%s"/>`, s.Class, strings.Join(pts, " "))
		for i := range n {
			if s.Scores[i] == nil {
				continue
			}
			x, y := pt(i, *s.Scores[i])
			fmt.Fprintf(&b, `<circle class="%s-dot" cx="%s" cy="%s" r="4"/>`, s.Class, f(x), f(y))
		}
	}
	// Value labels for the last (main) series, beside its points.
	main := ss[len(ss)-1]
	for i := range n {
		v := 0.0
		if main.Scores[i] != nil {
			v = *main.Scores[i]
		}
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		x, y := pt(i, v)
		// Across the axis from the target label, and clear of the point.
		x += 10*math.Cos(a+math.Pi/2) + 6*math.Cos(a)
		y += 10*math.Sin(a+math.Pi/2) + 6*math.Sin(a) + 5
		// A white halo first, so the figure reads over the lines.
		for _, class := range []string{"r-value r-halo", "r-value"} {
			fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="middle">%s</text>`, class, f(x), f(y), esc(l.score(main.Scores[i])))
		}
	}
	for i, d := range dims {
		x, y := pt(i, 100)
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		x += 16 * math.Cos(a)
		y += 16 * math.Sin(a)
		anchor := "middle"
		switch {
		case math.Cos(a) > 0.2:
			anchor = "start"
		case math.Cos(a) < -0.2:
			anchor = "end"
		}
		lines := wrapLabel(d.Def.Title, 12)
		first, _ := labelOffsets(a, len(lines))
		fmt.Fprintf(&b, `<text class="r-label" x="%s" y="%s" text-anchor="%s">`, f(x), f(y), anchor)
		for j, l := range lines {
			dy := first
			if j > 0 {
				dy = 1.15
			}
			fmt.Fprintf(&b, `<tspan x="%s" dy="%sem">%s</tspan>`, f(x), strconv.FormatFloat(i18n.Round(dy, 3), 'f', -1, 64), esc(l))
		}
		b.WriteString(`</text>`)
	}
	b.WriteString(`</svg>`)
	radarKey(&b, l, ss, target)
	return template.HTML(lines(b.String())) //nolint:gosec // built here, texts escaped
}

// radarKey explains the lines of a radar; the figures are in the page's
// tables, so the samples are hidden from screen readers and the words not.
func radarKey(b *strings.Builder, l loc, ss []series, target float64) {
	b.WriteString(`<ul class="key key-center">`)
	for _, s := range ss {
		fmt.Fprintf(b, `<li><svg class="sw-line" viewBox="0 0 28 12" aria-hidden="true"><line class="%s" x1="1" y1="6" x2="27" y2="6"/></svg>%s</li>`, s.Class, esc(s.Name))
	}
	fmt.Fprintf(b, `<li><svg class="sw-line" viewBox="0 0 28 12" aria-hidden="true"><line class="r-target" x1="1" y1="6" x2="27" y2="6"/></svg>%s</li>`, esc(l.p.T("site.chart.target_key", l.plain(target))))
	b.WriteString(`</ul>`)
}

// labelOffsets gives the baselines of the first and the last line of a
// radar label at angle a, in em from its anchor point: above the point at
// the top, below it at the bottom, centred on it at the sides. Offsets in
// em keep the lines apart when a phone's stylesheet enlarges the font.
func labelOffsets(a float64, lines int) (first, last float64) {
	span := 1.15 * float64(lines-1)
	switch {
	case math.Sin(a) < -0.2:
		first = -span
	case math.Sin(a) > 0.2:
		first = 0.9
	default:
		first = 0.35 - span/2
	}
	return first, first + span
}

// barsSVG stands in for a radar when there are fewer than three
// dimensions, where a radar has no area to show.
func barsSVG(p *page, id string, ss []series, title, desc string) template.HTML {
	dims := p.Rep.Dimensions
	l := p.Site.loc
	const w, left, right, rowH = 600.0, 200.0, 560.0, 30.0
	h := float64(len(dims)*len(ss))*rowH + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart bars" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t %s-d">`, f(w), f(h), id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
	y := 10.0
	for i, d := range dims {
		for _, s := range ss {
			fmt.Fprintf(&b, `<text class="r-label" x="%s" y="%s" text-anchor="end">%s</text>`, f(left-8), f(y+15), esc(d.Def.Title))
			fmt.Fprintf(&b, `<rect class="b-track" x="%s" y="%s" width="%s" height="18"/>`, f(left), f(y+2), f(right-left))
			v := 0.0
			if s.Scores[i] != nil {
				v = *s.Scores[i]
			}
			fmt.Fprintf(&b, `<rect class="%s-bar" x="%s" y="%s" width="%s" height="18"/>`, s.Class, f(left), f(y+2), f((right-left)*v/100))
			fmt.Fprintf(&b, `<text class="r-value" x="%s" y="%s">%s</text>`, f(left+(right-left)*v/100+4), f(y+15), esc(l.score(s.Scores[i])))
			y += rowH
		}
	}
	tx := left + (right-left)*p.Rep.Rubric.Target/100
	fmt.Fprintf(&b, `<line class="r-target" x1="%s" y1="4" x2="%s" y2="%s"/>`, f(tx), f(tx), f(y))
	fmt.Fprintf(&b, `<text class="r-target-label" x="%s" y="%s" text-anchor="middle">%s</text>`, f(tx), f(y+16), esc(l.p.T("site.chart.target_label", l.plain(p.Rep.Rubric.Target))))
	b.WriteString(`</svg>`)
	return template.HTML(lines(b.String())) //nolint:gosec // built here, texts escaped
}
