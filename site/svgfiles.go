package site

import (
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/aiready/aiready/site/view"
	"github.com/aiready/aiready/templates"
)

// Every chart of the site is also written as a file of its own under
// charts/, linked under the chart as "Download (SVG)", for a consultant to
// drop into PowerPoint or Word. A file is the chart's <svg> as the page
// draws it, made standalone: the SVG namespace, a width and height, the
// rules of the stylesheet that its classes use with every CSS variable
// (the brand colour among them) resolved, and a font stack that falls
// back to sans-serif. The small bars in table cells (the answer
// distributions, the score bars and the dumbbells of the perception gap,
// one per row) are not written; the dimension scores and each attribute's
// perception gap are written as one chart of all their rows instead.

// chartsDir is the folder of the chart files, inside the site.
const chartsDir = "charts"

// chartFile is one chart written as a file.
type chartFile struct {
	Name   string // under charts/
	SVG    string // the chart as the page draws it; only its first <svg> is taken
	Legend []legendItem
}

// legendItem is a line sample and its words, drawn under a radar in its
// file, where the page has an HTML key instead.
type legendItem struct{ Class, Text string }

// File names of the charts; the templates link them with the same names.
const (
	radarOverviewFile = "radar-overview.svg"
	scoresFile        = "scores.svg"
	trendFile         = "trend.svg"
	driversFile       = "drivers.svg"
)

func segChartFile(slug string) string { return "radar-segment-" + slug + ".svg" }
func gapChartFile(attr string) string { return "gap-" + view.Slug(attr) + ".svg" }

// svgLink is the link under a chart to its file.
func (l loc) svgLink(name string) template.HTML {
	return template.HTML(`<p class="chart-download small"><a href="` + chartsDir + "/" + esc(name) + `" download>` + //nolint:gosec // names built here, escaped
		esc(l.p.T("site.chart.download")) + `</a></p>`)
}

// chartsOf lists every chart file of the site, in a fixed order.
func chartsOf(pages []*page) []chartFile {
	var out []chartFile
	for _, p := range pages {
		l := p.Site.loc
		target := legendItem{"r-target", l.p.T("site.chart.target_key", l.plain(p.Rep.Rubric.Target))}
		all := l.p.T("site.all_respondents")
		switch p.Kind {
		case kindOverview:
			out = append(out, chartFile{Name: radarOverviewFile, SVG: string(radar(p)),
				Legend: []legendItem{{"r-main", all}, target}})
			out = append(out, chartFile{Name: scoresFile, SVG: string(scoresChart(p))})
			if svg := l.trendChart(p.Rep); svg != "" {
				out = append(out, chartFile{Name: trendFile, SVG: string(svg)})
			}
			if svg := driversChart(p); svg != "" {
				out = append(out, chartFile{Name: driversFile, SVG: string(svg)})
			}
		case kindSegments:
			for _, g := range p.Rep.Gaps {
				out = append(out, chartFile{Name: gapChartFile(g.Attribute), SVG: string(l.gapChart(g))})
			}
		case kindSegment:
			out = append(out, chartFile{Name: segChartFile(p.Seg.Slug), SVG: string(segmentRadar(p)),
				Legend: []legendItem{{"r-comp", all}, {"r-main", p.Seg.Value}, target}})
		}
	}
	return out
}

// writeCharts writes the chart files of the site into dir/charts.
func writeCharts(dir string, pages []*page) error {
	charts := chartsOf(pages)
	if len(charts) == 0 {
		return nil
	}
	if err := os.Mkdir(filepath.Join(dir, chartsDir), 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	vars := chartVars(pages[0].Site.Accent)
	for _, c := range charts {
		b, err := standalone(c, vars)
		if err != nil {
			return fmt.Errorf("site: %s/%s: %w", chartsDir, c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, chartsDir, c.Name), b, 0o644); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	return nil
}

// chartFont is the font stack of the chart files: the pages' own, which
// ends in sans-serif.
const chartFont = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`

var (
	viewBoxRE = regexp.MustCompile(`viewBox="([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)"`)
	classRE   = regexp.MustCompile(`class="([^"]*)"`)
	varRE     = regexp.MustCompile(`var\((--[A-Za-z0-9_-]+)\s*(?:,\s*([^)]*))?\)`)
)

// standalone makes chart c a file of its own.
func standalone(c chartFile, vars map[string]string) ([]byte, error) {
	svg := c.SVG
	end := strings.Index(svg, "</svg>")
	open := strings.Index(svg, ">")
	if !strings.HasPrefix(svg, "<svg ") || end < 0 || open < 0 {
		return nil, fmt.Errorf("not an <svg> element")
	}
	tag, body := svg[len("<svg "):open], svg[open+1:end]
	m := viewBoxRE.FindStringSubmatch(tag)
	if m == nil {
		return nil, fmt.Errorf("no viewBox")
	}
	x, y, w, h := parseF(m[1]), parseF(m[2]), parseF(m[3]), parseF(m[4])
	if len(c.Legend) > 0 {
		var lb strings.Builder
		h = legend(&lb, c.Legend, x, y, w, h)
		body += lb.String()
		tag = strings.Replace(tag, m[0], fmt.Sprintf(`viewBox="%s %s %s %s"`, f(x), f(y), f(w), f(h)), 1)
	}
	classes := map[string]bool{}
	for _, cm := range classRE.FindAllStringSubmatch(tag+body, -1) {
		for _, c := range strings.Fields(cm[1]) {
			classes[c] = true
		}
	}
	css, err := chartCSS(classes, vars)
	if err != nil {
		return nil, err
	}
	// The <style> goes after the <title> and <desc>, which come first.
	at := 0
	if i := strings.Index(body, "</desc>"); i >= 0 {
		at = i + len("</desc>")
	} else if i := strings.Index(body, "</title>"); i >= 0 {
		at = i + len("</title>")
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" font-family="Segoe UI, Roboto, Helvetica, Arial, sans-serif" %s>`, f(w), f(h), tag)
	b.WriteString(body[:at])
	b.WriteString("\n<style>\n" + css + "</style>\n")
	b.WriteString(strings.TrimPrefix(body[at:], "\n"))
	b.WriteString("</svg>\n")
	return []byte(b.String()), nil
}

func parseF(s string) float64 {
	var v float64
	_, _ = fmt.Sscan(s, &v)
	return v
}

// legend draws the legend items in a row under the viewBox x y w h and
// returns the new height.
func legend(b *strings.Builder, items []legendItem, x, y, w, h float64) float64 {
	const font, sample, gap = 14.0, 28.0, 22.0
	total := -gap
	for _, it := range items {
		total += sample + 6 + textEm(it.Text)*font + gap
	}
	lx := x + (w-total)/2
	ly := y + h + 14
	for _, it := range items {
		fmt.Fprintf(b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", it.Class, f(lx), f(ly), f(lx+sample), f(ly))
		fmt.Fprintf(b, `<text class="r-legend" x="%s" y="%s">%s</text>`+"\n", f(lx+sample+6), f(ly+5), esc(it.Text))
		lx += sample + 6 + textEm(it.Text)*font + gap
	}
	return h + 30
}

// chartVars are the stylesheet's CSS variables as a page resolves them
// outside any level: its :root, then the brand colours.
func chartVars(a accent) map[string]string {
	vars := map[string]string{}
	for _, r := range cssRules() {
		if r.sel == ":root" {
			for _, d := range r.decls {
				if k, v, ok := strings.Cut(d, ":"); ok && strings.HasPrefix(strings.TrimSpace(k), "--") {
					vars[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
		}
	}
	for k, v := range map[string]string{"--accent": a.Color, "--on-accent": a.OnText, "--accent-text": a.Text, "--accent-tint": a.Tint, "--accent-graphic": a.Graphic} {
		vars[k] = v
	}
	return vars
}

// cssRule is a top-level rule of the stylesheet: its selector and its
// declarations, and the selectors a chart file may take. Rules inside
// @media are not read: a file is drawn at its own size, not a phone's.
type cssRule struct {
	sel   string
	decls []string
	sels  []classSel
}

// classSel is one selector of a rule made of classes alone (with no
// pseudo-class or attribute), and the classes a chart needs to take it.
type classSel struct {
	text    string
	classes []string
}

var (
	commentRE  = regexp.MustCompile(`(?s)/\*.*?\*/`)
	selClassRE = regexp.MustCompile(`\.([A-Za-z0-9_-]+)`)
	// layoutProps are the page's layout of a chart, not its look.
	layoutProps = map[string]bool{"display": true, "width": true, "height": true, "max-width": true, "margin": true}
)

// cssRules are the stylesheet's rules, read once: every chart file of
// every build takes its part of them.
var cssRules = sync.OnceValue(func() []cssRule {
	b, _ := templates.FS.ReadFile("style.css")
	src := commentRE.ReplaceAllString(string(b), "")
	var rules []cssRule
	depth, start := 0, 0
	sel := ""
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '{':
			if depth == 0 {
				sel = strings.TrimSpace(src[start:i])
				start = i + 1
			}
			depth++
		case '}':
			depth--
			if depth == 0 {
				if !strings.HasPrefix(sel, "@") {
					var decls []string
					for d := range strings.SplitSeq(src[start:i], ";") {
						if d = strings.TrimSpace(d); d != "" {
							decls = append(decls, d)
						}
					}
					rules = append(rules, cssRule{sel: sel, decls: decls, sels: classSels(sel)})
				}
				start = i + 1
			}
		}
	}
	return rules
})

// classSels are the selectors of the list sel that a chart file may take.
func classSels(sel string) []classSel {
	var out []classSel
	for s := range strings.SplitSeq(sel, ",") {
		s = strings.TrimSpace(s)
		cs := selClassRE.FindAllStringSubmatch(s, -1)
		if len(cs) == 0 || strings.ContainsAny(s, ":[") {
			continue
		}
		cl := classSel{text: s}
		for _, c := range cs {
			cl.classes = append(cl.classes, c[1])
		}
		out = append(out, cl)
	}
	return out
}

// chartCSS is the part of the stylesheet that a chart of the given
// classes uses, with its variables resolved.
func chartCSS(classes map[string]bool, vars map[string]string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "svg { font-family: %s; color: %s; direction: ltr; }\n", chartFont, vars["--ink"])
	for _, r := range cssRules() {
		var sels []string
		for _, s := range r.sels {
			ok := true
			for _, c := range s.classes {
				ok = ok && classes[c]
			}
			if ok {
				sels = append(sels, s.text)
			}
		}
		if len(sels) == 0 {
			continue
		}
		var decls []string
		for _, d := range r.decls {
			k, _, _ := strings.Cut(d, ":")
			if layoutProps[strings.TrimSpace(k)] {
				continue
			}
			v, err := resolveVars(d, vars)
			if err != nil {
				return "", err
			}
			decls = append(decls, v)
		}
		if len(decls) > 0 {
			fmt.Fprintf(&b, "%s { %s; }\n", strings.Join(sels, ", "), strings.Join(decls, "; "))
		}
	}
	return b.String(), nil
}

// resolveVars replaces every var(--x) in s with the variable's value.
func resolveVars(s string, vars map[string]string) (string, error) {
	for range 8 { // a variable's value may use another
		if !strings.Contains(s, "var(") {
			return s, nil
		}
		var err error
		s = varRE.ReplaceAllStringFunc(s, func(v string) string {
			m := varRE.FindStringSubmatch(v)
			if val, ok := vars[m[1]]; ok {
				return val
			}
			if m[2] != "" {
				return m[2]
			}
			err = fmt.Errorf("CSS variable %s has no value", m[1])
			return v
		})
		if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("CSS variables nested too deep in %q", s)
}

// scoresChart draws the dimension scores as bars against the target: the
// overview's table of scores as one chart, for its file.
func scoresChart(p *page) template.HTML {
	l := p.Site.loc
	target := p.Rep.Rubric.Target
	s := series{Name: l.p.T("site.all_respondents"), Class: "r-main"}
	var parts []string
	for _, d := range p.Rep.Dimensions {
		s.Scores = append(s.Scores, d.Result.Score)
		parts = append(parts, d.Def.Title+" "+l.score(d.Result.Score))
	}
	desc := strings.Join(parts, "; ") + ". " + l.p.T("site.chart.target_desc", l.plain(target))
	return barsSVG(p, "scores", []series{s}, l.p.T("site.chart.scores_title", l.plain(target)), desc)
}

// gapChart draws an attribute's perception gap: for each dimension a
// dumbbell from its lowest-scoring group (hollow) to its highest (filled)
// on 0-100, with both scores over the dots and the groups' names beside.
// On the page the table holds the same rows, one small dumbbell each.
func (l loc) gapChart(g *view.Gap) template.HTML {
	const font, small, rowH, scale, top = 14.0, 12.0, 44.0, 4.0, 8.0
	left, names := 120.0, 0.0
	groups := make([]string, len(g.Rows))
	var desc []string
	for i, r := range g.Rows {
		left = max(left, textEm(r.Dimension.Title)*font+16)
		groups[i] = r.High.Value + " · " + r.Low.Value
		names = max(names, textEm(groups[i])*small)
		desc = append(desc, l.p.T("site.chart.gap_row", r.Dimension.Title, r.High.Value, l.score(r.High.Score), r.Low.Value, l.score(r.Low.Score)))
	}
	left = float64(int(left) + 1)
	right := left + 100*scale
	w := float64(int(right+16+names) + 8)
	h := top + rowH*float64(len(g.Rows)) + 30
	X := func(p *float64) float64 {
		if p == nil {
			return left
		}
		return left + scale*min(max(*p, 0), 100)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart gapchart" viewBox="0 0 %s %s" role="img" aria-labelledby="gap-t gap-d">`, f(w), f(h))
	fmt.Fprintf(&b, `<title id="gap-t">%s</title><desc id="gap-d">%s</desc>`, esc(l.p.T("site.chart.gap_title", g.Attribute)), esc(strings.Join(desc, " ")))
	for i, r := range g.Rows {
		y := top + rowH*float64(i)
		ly := y + 28
		fmt.Fprintf(&b, `<text class="g-label" x="%s" y="%s" text-anchor="end">%s</text>`, f(left-12), f(ly+5), esc(r.Dimension.Title))
		fmt.Fprintf(&b, `<line class="g-track" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(left), f(ly), f(right), f(ly))
		hi, lo := X(r.High.Score), X(r.Low.Score)
		fmt.Fprintf(&b, `<line class="g-span" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(lo), f(ly), f(hi), f(ly))
		fmt.Fprintf(&b, `<circle class="g-lo" cx="%s" cy="%s" r="6"/>`, f(lo), f(ly))
		fmt.Fprintf(&b, `<circle class="g-hi" cx="%s" cy="%s" r="6"/>`, f(hi), f(ly))
		// The scores over the dots, apart when the dots are close.
		loA, hiA := "middle", "middle"
		if hi-lo < 40 {
			loA, hiA = "end", "start"
		}
		fmt.Fprintf(&b, `<text class="g-value" x="%s" y="%s" text-anchor="%s">%s</text>`, f(lo), f(ly-11), loA, esc(l.score(r.Low.Score)))
		fmt.Fprintf(&b, `<text class="g-value" x="%s" y="%s" text-anchor="%s">%s</text>`, f(hi), f(ly-11), hiA, esc(l.score(r.High.Score)))
		fmt.Fprintf(&b, `<text class="g-groups" x="%s" y="%s">%s</text>`, f(right+16), f(ly+4), esc(groups[i]))
	}
	ky := h - 12
	fmt.Fprintf(&b, `<circle class="g-hi" cx="%s" cy="%s" r="6"/>`, f(left+6), f(ky))
	fmt.Fprintf(&b, `<text class="g-groups" x="%s" y="%s">%s</text>`, f(left+18), f(ky+4), esc(l.p.T("site.col.highest")))
	kx := left + 18 + textEm(l.p.T("site.col.highest"))*small + 24
	fmt.Fprintf(&b, `<circle class="g-lo" cx="%s" cy="%s" r="6"/>`, f(kx), f(ky))
	fmt.Fprintf(&b, `<text class="g-groups" x="%s" y="%s">%s</text>`, f(kx+12), f(ky+4), esc(l.p.T("site.col.lowest")))
	b.WriteString(`</svg>`)
	return template.HTML(lines(b.String())) //nolint:gosec // built here, texts escaped
}
