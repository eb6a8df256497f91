package site

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/view"
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

// The radar's labels are measured before they are drawn, so that the
// viewBox holds them whole: an SVG cuts off what lies outside it, and the
// browser's text metrics are not known here. textEm estimates a text's
// width in em from each character's advance in DejaVu Sans Bold, rounded
// up by class: the widest face that the stylesheet's font stack meets in
// practice (it is Linux's sans-serif, and the labels are bold), so that a
// label that fits by this estimate fits with any of them.
func textEm(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w
}

func runeEm(r rune) float64 {
	switch {
	case strings.ContainsRune(" ilj.,:;!|'`I", r):
		return 0.4
	case strings.ContainsRune("ftr()[]{}-/\"", r):
		return 0.52
	case strings.ContainsRune("mwMW%@&", r):
		return 1.12
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return 1.05
	case unicode.IsUpper(r) || strings.ContainsRune("<>=+~#", r):
		return 0.86
	case unicode.IsDigit(r):
		return 0.72
	}
	return 0.74
}

// wrapWords breaks s at spaces into as few lines as keep each line within
// width em (textEm), at most maxLines; of the breaks into that many lines
// it takes the one whose longest line is shortest, so that the lines are
// about equal. A word longer than width stays whole on its line.
func wrapWords(s string, width float64, maxLines int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var best []string
	for k := 1; k <= min(maxLines, len(words)); k++ {
		lines, longest := splitWords(words, k)
		best = lines
		if longest <= width {
			break
		}
	}
	return best
}

// splitWords splits words into k lines with the shortest longest line.
func splitWords(words []string, k int) ([]string, float64) {
	line := strings.Join(words, " ")
	if k == 1 {
		return []string{line}, textEm(line)
	}
	var best []string
	bestW := math.Inf(1)
	for i := 1; i <= len(words)-k+1; i++ {
		first := strings.Join(words[:i], " ")
		rest, restW := splitWords(words[i:], k-1)
		if w := max(textEm(first), restW); w < bestW {
			best, bestW = append([]string{first}, rest...), w
		}
	}
	return best, bestW
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
	box := radarLayout(dims, ss[len(ss)-1].Scores, l)
	R := box.R
	fmt.Fprintf(&b, `<svg class="chart radar" viewBox="%s %s %s %s" role="img" aria-labelledby="%s-t %s-d">`, f(box.x), f(box.y), f(box.w), f(box.h), id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(strings.Join(desc, " ")))
	pt := func(i int, v float64) (float64, float64) {
		a := radarAngle(i, n)
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
		x, y := valueAt(radarAngle(i, n), R*v/100)
		// A white halo first, so the figure reads over the lines.
		for _, class := range []string{"r-value r-halo", "r-value"} {
			fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="middle">%s</text>`, class, f(x), f(y), esc(l.score(main.Scores[i])))
		}
	}
	for i, d := range dims {
		a := radarAngle(i, n)
		x, y := cx+(R+labelGap)*math.Cos(a), cy+(R+labelGap)*math.Sin(a)
		anchor := labelAnchor(a)
		lines := radarLines(d.Def.Title, a)
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

// The radar's geometry, in the units of its viewBox: the centre, the
// gap between the outer ring and a dimension's label, and the label's
// font size to make room for: the largest the stylesheet gives radar
// text (22 units on a phone; 14 elsewhere, which then has room to spare).
const (
	cx, cy    = 320.0, 230.0
	labelGap  = 16.0
	labelFont = 22.0
	// labelWidth is how wide a line of a label beside the shape may grow,
	// in em, before it wraps (to at most four lines); a label above or
	// below the shape, centred on its axis, has room for 13 (three lines).
	labelWidth = 8.5
)

func radarAngle(i, n int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }

// labelAnchor lines a label up away from the shape: to the right of its
// axis on the right, to the left on the left, centred at top and bottom.
func labelAnchor(a float64) string {
	switch {
	case math.Cos(a) > 0.2:
		return "start"
	case math.Cos(a) < -0.2:
		return "end"
	}
	return "middle"
}

// radarLines wraps a dimension's title at angle a into its label's lines.
func radarLines(title string, a float64) []string {
	if labelAnchor(a) == "middle" {
		return wrapWords(title, 13, 3)
	}
	return wrapWords(title, labelWidth, 4)
}

// valueAt is where a score's figure goes beside its point r from the
// centre: across the axis from the target label, and clear of the point.
func valueAt(a, r float64) (float64, float64) {
	x := cx + r*math.Cos(a) + 10*math.Cos(a+math.Pi/2) + 6*math.Cos(a)
	y := cy + r*math.Sin(a) + 10*math.Sin(a+math.Pi/2) + 6*math.Sin(a) + 5
	return x, y
}

// radarBox is a radar's radius and its viewBox.
type radarBox struct{ R, x, y, w, h float64 }

// radarLayout sizes a radar so that its labels fit: the shape is 185
// units in radius in a viewBox 640 wide while the labels fit beside it;
// longer labels take room from the shape, down to a radius of 140 (so
// that the text stays as large on a phone), and past that the viewBox
// widens (the text then shrinks with it). The viewBox stays centred on
// the shape and holds every label, tick and figure at the largest font.
func radarLayout(dims []*view.Dimension, scores []*float64, l loc) radarBox {
	const half, pad = 320.0, 6.0
	n := len(dims)
	lines := make([][]string, n)
	widths := make([]float64, n) // each label's widest line, in units
	R := 185.0
	for i, d := range dims {
		lines[i] = radarLines(d.Def.Title, radarAngle(i, n))
		for _, s := range lines[i] {
			widths[i] = max(widths[i], textEm(s)*labelFont)
		}
		a := radarAngle(i, n)
		reach := widths[i]
		if labelAnchor(a) == "middle" {
			reach /= 2
		}
		if c := math.Abs(math.Cos(a)); c > 1e-9 {
			R = min(R, (half-pad-reach)/c-labelGap)
		}
	}
	R = max(R, 140)
	left, right := cx-R-10, cx+R+10
	top, bottom := cy-R-10, cy+R+10
	for i := range n {
		a := radarAngle(i, n)
		x, y := cx+(R+labelGap)*math.Cos(a), cy+(R+labelGap)*math.Sin(a)
		switch labelAnchor(a) {
		case "start":
			right = max(right, x+widths[i])
		case "end":
			left = min(left, x-widths[i])
		default:
			left, right = min(left, x-widths[i]/2), max(right, x+widths[i]/2)
		}
		y0, y1 := labelOffsets(a, len(lines[i]))
		top = min(top, y+y0*labelFont-labelFont)
		bottom = max(bottom, y+y1*labelFont+6)
		// The main series' figure beside its point.
		v := 0.0
		if scores[i] != nil {
			v = *scores[i]
		}
		vx, vy := valueAt(a, R*v/100)
		vw := textEm(l.score(scores[i])) * labelFont / 2
		left, right = min(left, vx-vw), max(right, vx+vw)
		top, bottom = min(top, vy-labelFont), max(bottom, vy+0.3*labelFont)
	}
	hw := max(half, cx-left+pad, right-cx+pad)
	x0, y0 := math.Floor(cx-hw), math.Floor(top)
	return radarBox{R: R, x: x0, y: y0, w: math.Ceil(2 * (cx - x0)), h: math.Ceil(bottom - y0)}
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
	// The labels are measured (textEm) so that a long title stays within
	// the viewBox: the bars move right, keeping their 360 units.
	const rowH = 30.0
	left := 200.0
	for _, d := range dims {
		left = max(left, math.Ceil(textEm(d.Def.Title)*14+16))
	}
	right := left + 360
	w := right + 40
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
