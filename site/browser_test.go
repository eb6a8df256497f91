package site

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/chromedp/chromedp"

	"github.com/aiready/aiready/site/view"
)

// TestBrowser opens every page of two sites in Chromium from file://, as a
// reader would: the demo, and the small assessment in German (longer
// words, other number forms) with a light brand colour, a logo,
// suppressed groups and comments that try to inject HTML; and two pages
// of the small assessment as a right-to-left language would show them.
// On each page it checks that nothing was requested but the page itself
// and data: URLs, that nothing failed, that the console stayed quiet, that
// no script exists or runs, that axe-core finds no accessibility
// violation, and that nothing is wider than a 375-pixel phone. It writes
// full-page screenshots at 1280 and 375 pixels, and the page printed to
// PDF through the print stylesheet, to the artefact folder.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	axe, err := os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browserCtx := startChromium(t, bin, 10*time.Minute)
	shots := artifacts(t)
	t.Logf("screenshots in %s", shots)
	for _, s := range []struct {
		name  string
		rep   *view.Report
		pages []string // all when empty
	}{
		{"demo", demoReport(t, true), nil},
		{"small-de", smallReportIn(t, "de"), nil},
		{"small-rtl", smallReportIn(t, "ar"), []string{"index.html", "segments.html"}},
		{"measured", measuredReport(t), []string{"index.html", "methodology.html"}},
	} {
		// The site itself goes beside its screenshots, for a person to open.
		out := filepath.Join(shots, s.name)
		dir := filepath.Join(out, "site")
		if err := os.RemoveAll(out); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Build(dir, s.rep, Options{}); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		sort.Strings(files)
		if s.pages != nil {
			files = nil
			for _, p := range s.pages {
				files = append(files, filepath.Join(dir, p))
			}
		}
		// One page at a time: headless Chromium does not paint a tab in
		// the background, and a screenshot of one waits for ever.
		t.Run(s.name, func(t *testing.T) {
			for _, file := range files {
				t.Run(filepath.Base(file), func(t *testing.T) {
					checkPage(t, browserCtx, file, string(axe), out)
				})
			}
		})
	}
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
	id: v.id, impact: v.impact, help: v.help,
	nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))}))))`

// wideElements names the elements that reach past the right edge, whose
// parent does not: where an overflow starts.
const wideElements = `(() => {
	const w = document.documentElement.clientWidth;
	const out = e => e.getBoundingClientRect().right > w + 0.5;
	const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true; return false; };
	return [...document.body.querySelectorAll("*")].filter(e => out(e) && !out(e.parentElement) && !clipped(e))
		.slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? "." + e.className.split(" ").join(".") : "") + " " + Math.round(e.getBoundingClientRect().right) + "px");
})()`

func checkPage(t *testing.T, browserCtx context.Context, file, axe, out string) {
	var pr testtool.Problems
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(pr.Listen))
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	base := strings.TrimSuffix(filepath.Base(file), ".html")
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate("file://"+file),
	); err != nil {
		t.Fatalf("opening: %v", err)
	}
	// Nothing may run: no script element, no event handler attribute.
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length +
		[...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length`))
	if err != nil {
		t.Fatal(err)
	}
	if scripts != 0 {
		t.Errorf("%d script elements or event handler attributes on the page", scripts)
	}
	for _, w := range []int64{1280, 375} {
		var vp []chromedp.EmulateViewportOption
		if w < 800 {
			vp = append(vp, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900, vp...)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot at %d px: %v", w, err)
		}
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("%s-%d.png", base, w)), png, 0o644); err != nil {
			t.Fatal(err)
		}
		// A phone must not need sideways scrolling of the page itself;
		// wide tables scroll inside their own box.
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if wide > 0 {
			culprits, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](wideElements))
			t.Errorf("at %d px the page is %d px wider than the screen; too wide: %s", w, wide, strings.Join(culprits, ", "))
		}
		// axe-core, injected through the DevTools protocol: the page's
		// Content-Security-Policy allows no script of its own.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("running axe-core: %v", err)
		}
		var vs []axeViolation
		if err := json.Unmarshal([]byte(res), &vs); err != nil {
			t.Fatalf("axe-core result: %v: %s", err, res)
		}
		for _, v := range vs {
			t.Errorf("axe at %d px: %s (%s): %s\n\t%s", w, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
		}
	}
	// The print stylesheet, on A4, for a person to look at.
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatalf("printing: %v", err)
	}
	if err := os.WriteFile(filepath.Join(out, base+"-print.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range pr.List() {
		t.Error(p)
	}
}
