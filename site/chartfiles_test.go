package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// demoOutput writes `aiready demo`'s outputs (site.Demo, through Write and
// package output) into a fresh folder and returns it.
func demoOutput(t *testing.T, lang string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	s := Demo(lang)
	s.Out = &out
	p, err := assess.NewPlan(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return out
}

var svgLinkRE = regexp.MustCompile(`<a href="([^"]*)" download>(Download|Herunterladen) \(SVG\)</a>`)

// chartSites are sites whose chart files the tests check: the demo as
// `aiready demo` writes it (its drivers, gaps and segment radars), the
// small assessment (its trend) and the demo in German.
func chartSites(t *testing.T) map[string]string {
	t.Helper()
	return map[string]string{
		"demo":    filepath.Join(demoOutput(t, ""), "site"),
		"demo-de": filepath.Join(demoOutput(t, "de"), "site"),
		"small":   build(t, smallReport(t), Options{}),
	}
}

// TestChartFiles checks every chart file: the expected ones exist, each is
// well-formed XML with the SVG namespace, a viewBox, a width and height, a
// <title> and a <style>, with no CSS variable left and the brand colour in
// it; every "Download (SVG)" link of every page points to one of them and
// every one is linked; the demo's marker lists them.
func TestChartFiles(t *testing.T) {
	sites := chartSites(t)
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			site := readSite(t, dir)
			want := []string{"charts/radar-overview.svg", "charts/scores.svg"}
			if strings.HasPrefix(name, "demo") {
				want = append(want, "charts/drivers.svg", "charts/gap-role.svg", "charts/gap-team.svg")
			} else {
				want = append(want, "charts/trend.svg", "charts/gap-team.svg")
			}
			for n := range site {
				if slug, ok := strings.CutPrefix(n, "segment-"); ok {
					want = append(want, "charts/radar-segment-"+strings.TrimSuffix(slug, ".html")+".svg")
				}
			}
			var got []string
			for n := range site {
				if strings.HasPrefix(n, "charts/") {
					got = append(got, n)
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("chart files:\n got %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
			}
			linked := map[string]bool{}
			word := "Download (SVG)"
			if name == "demo-de" {
				word = "Herunterladen (SVG)"
			}
			for n, b := range site {
				if !strings.HasSuffix(n, ".html") {
					continue
				}
				if c := strings.Count(string(b), word); c != len(svgLinkRE.FindAllSubmatch(b, -1)) {
					t.Errorf("%s: %d times %q, not all of them links to a chart file", n, c, word)
				}
				for _, m := range svgLinkRE.FindAllSubmatch(b, -1) {
					href := string(m[1])
					if string(m[0]) != `<a href="`+href+`" download>`+word+`</a>` {
						t.Errorf("%s: link %s in the wrong language", n, m[0])
					}
					if _, ok := site[href]; !ok {
						t.Errorf("%s: link to %s, which the site does not hold", n, href)
					}
					linked[href] = true
				}
			}
			for _, n := range got {
				if !linked[n] {
					t.Errorf("%s is linked from no page", n)
				}
				checkSVGFile(t, n, site[n])
			}
			if strings.HasPrefix(name, "demo") {
				marker := readText(t, filepath.Join(dir, "..", ".aiready-output"))
				for _, n := range got {
					if !strings.Contains(marker, " /site/"+n+"\n") {
						t.Errorf("the marker does not list site/%s", n)
					}
				}
			}
		})
	}
}

// TestChartFilesBrand checks that the chart files draw in the client's
// colour: a build of the demo in blue has its darkened graphic shade, as
// the pages do, in the radar's and the drivers chart's rules.
func TestChartFilesBrand(t *testing.T) {
	rep := demoReport(t, false)
	g := newAccent(rep.Meta.Color).Graphic
	site := readSite(t, build(t, rep, Options{}))
	for _, n := range []string{"charts/radar-overview.svg", "charts/drivers.svg", "charts/scores.svg"} {
		if !strings.Contains(string(site[n]), "fill: "+g+";") {
			t.Errorf("%s does not fill with the brand's shade %s (from %s)", n, g, rep.Meta.Color)
		}
	}
	if !strings.Contains(string(site["charts/radar-overview.svg"]), ".r-main { fill: "+rep.Meta.Color+";") {
		t.Errorf("the radar's area is not in the brand colour %s", rep.Meta.Color)
	}
}

// checkSVGFile checks one chart file as a standalone SVG document.
func checkSVGFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if bytes.Contains(b, []byte("var(--")) {
		t.Errorf("%s: a CSS variable is left: %s", name, b[bytes.Index(b, []byte("var(--")):][:40])
	}
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n<svg ")) {
		t.Errorf("%s: does not start with an XML declaration and <svg", name)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	seen := map[string]bool{}
	var style string
	inStyle := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if root == nil {
				c := e.Copy()
				root = &c
			}
			seen[e.Name.Local] = true
			inStyle = e.Name.Local == "style"
		case xml.EndElement:
			inStyle = false
		case xml.CharData:
			if inStyle {
				style += string(e)
			}
		}
	}
	if root == nil || root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("%s: the root is not an <svg> in the SVG namespace: %v", name, root)
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	for _, a := range []string{"viewBox", "width", "height"} {
		if attrs[a] == "" {
			t.Errorf("%s: no %s", name, a)
		}
	}
	for _, e := range []string{"title", "style", "text"} {
		if !seen[e] {
			t.Errorf("%s: no <%s>", name, e)
		}
	}
	if !strings.Contains(style, "font-family:") || !strings.Contains(style, "sans-serif") {
		t.Errorf("%s: its style sets no font falling back to sans-serif:\n%s", name, style)
	}
}

// svgRendered is what Chromium makes of a chart file opened on its own:
// the size of its root and the text of each <text>.
const svgRendered = `(() => {
	const r = document.documentElement.getBoundingClientRect();
	return {root: document.documentElement.localName, w: r.width, h: r.height,
		texts: [...document.querySelectorAll("text")].map(t => t.textContent)};
})()`

type svgRender struct {
	Root  string   `json:"root"`
	W     float64  `json:"w"`
	H     float64  `json:"h"`
	Texts []string `json:"texts"`
}

// TestChartFilesBrowser opens every chart file of the demo (English and
// German) and of the small assessment in Chromium, on its own as
// PowerPoint would take it: each renders at a size above zero and holds
// its texts, the dimension titles among them wherever the chart has one
// per dimension. Screenshots go to the artefact folder.
func TestChartFilesBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	sites := chartSites(t)
	titles := map[string][]string{}
	for name, lang := range map[string]string{"demo": "", "demo-de": "de"} {
		p, err := assess.NewPlan(Demo(lang))
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range view.New(res, MetaOf(p.Report)).Dimensions {
			titles[name] = append(titles[name], d.Def.Title)
		}
	}
	for _, d := range smallReport(t).Dimensions {
		titles["small"] = append(titles["small"], d.Def.Title)
	}
	browserCtx := startChromium(t, bin, 5*time.Minute)
	shots := filepath.Join(artifacts(t), "charts")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	nospace := strings.NewReplacer(" ", "", "\n", "", "\u00a0", "")
	for name, dir := range sites {
		files, _ := filepath.Glob(filepath.Join(dir, chartsDir, "*.svg"))
		if len(files) < 5 {
			t.Fatalf("%s: only %d chart files", name, len(files))
		}
		for _, file := range files {
			base := name + "-" + strings.TrimSuffix(filepath.Base(file), ".svg")
			t.Run(base, func(t *testing.T) {
				tab, cancel := chromedp.NewContext(browserCtx)
				defer cancel()
				if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(tab, chromedp.Evaluate[svgRender](svgRendered))
				if err != nil {
					t.Fatal(err)
				}
				if got.Root != "svg" || got.W <= 0 || got.H <= 0 {
					t.Fatalf("renders as <%s> of %.0f × %.0f", got.Root, got.W, got.H)
				}
				if len(got.Texts) == 0 {
					t.Fatal("no <text> rendered")
				}
				if !strings.Contains(base, "trend") {
					all := nospace.Replace(strings.Join(got.Texts, "|"))
					for _, d := range titles[name] {
						if !strings.Contains(all, nospace.Replace(d)) {
							t.Errorf("no text holds the dimension %q; texts: %q", d, got.Texts)
						}
					}
				}
				png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("screenshot: %v", err)
				}
				if err := os.WriteFile(filepath.Join(shots, base+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}
