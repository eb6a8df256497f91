package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aiready/aiready/site/view"
)

// TestRadarLabels opens the overview and a segment page of the demo, of
// the small assessment in German and in Arabic (right to left), and of the
// demo with longer titles, in Chromium at a phone's 390 pixels and at 1280, and fails on
// any line of a radar's labels, ticks or values that its <svg> or the
// page cuts off. Screenshots of the radars go to the artefact folder.
func TestRadarLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	browserCtx := startChromium(t, bin, 5*time.Minute)
	shots := filepath.Join(artifacts(t), "radar")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name string
		rep  *view.Report
	}{
		{"demo", demoReport(t, false)},
		{"small-de", smallReportIn(t, "de")},
		{"small-ar", smallReportIn(t, "ar")},
		{"long", longTitles(demoReport(t, false))},
	} {
		dir := build(t, s.rep, Options{})
		segs, _ := filepath.Glob(filepath.Join(dir, "segment-*.html"))
		if len(segs) == 0 {
			t.Fatalf("%s: no segment page", s.name)
		}
		for _, file := range []string{filepath.Join(dir, "index.html"), segs[0]} {
			base := s.name + "-" + strings.TrimSuffix(filepath.Base(file), ".html")
			t.Run(base, func(t *testing.T) {
				tab, cancel := chromedp.NewContext(browserCtx)
				defer cancel()
				if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
					t.Fatal(err)
				}
				for _, w := range []int64{390, 1280} {
					chartAt(t, tab, w, "svg.radar", "radar", 1, filepath.Join(shots, fmt.Sprintf("%s-%d.png", base, w)))
				}
			})
		}
	}
}

// longTitles gives the demo's dimensions the built-in German rubric's
// titles, one made longer still.
func longTitles(rep *view.Report) *view.Report {
	titles := []string{"Service statt Einsparung", "Der Mensch bleibt beteiligt", "Befähigen statt abstellen", "Langfristig denken über Quartale und Jahre hinaus"}
	for i, d := range rep.Dimensions {
		d.Def.Title = titles[i%len(titles)]
	}
	return rep
}
