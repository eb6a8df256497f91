package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// overlappingDriversLabels lists the pairs of the drivers chart's point
// labels that cover each other, and the labels that cover a point other
// than their own, as the browser lays them out.
const overlappingDriversLabels = `(() => {
  const labels = [...document.querySelectorAll("svg.drivers text.d-label")];
  const dots = [...document.querySelectorAll("svg.drivers circle")];
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const out = [];
  labels.forEach((a, i) => {
    const ra = a.getBoundingClientRect();
    labels.slice(i + 1).forEach(b => { if (hit(ra, b.getBoundingClientRect())) out.push(a.textContent + " / " + b.textContent); });
    dots.forEach((d, j) => { if (j !== i && hit(ra, d.getBoundingClientRect())) out.push(a.textContent + " / point " + j); });
  });
  return out;
})()`

// TestDriversLabels opens the overview of the demo with issue 19's
// figures (testtool.Measured), of the German assessment with them, and of
// the demo with long dimension titles and scores at the chart's edges, in
// Chromium at a phone's 390 pixels and at 1280, and fails on any line of
// the drivers chart's labels, ticks and names that its <svg> or the page
// cuts off. Screenshots go to the artefact folder.
func TestDriversLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	bin := chromium(t)
	browserCtx := startChromium(t, bin, 5*time.Minute)
	shots := filepath.Join(artifacts(t), "drivers")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name string
		rep  *view.Report
	}{
		{"demo", measuredReport(t)},
		{"de", germanReport(t)},
		{"edges", edgeDrivers(t)},
	} {
		file := filepath.Join(build(t, s.rep, Options{}), "index.html")
		t.Run(s.name, func(t *testing.T) {
			tab, cancel := chromedp.NewContext(browserCtx)
			defer cancel()
			if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
				t.Fatal(err)
			}
			for _, w := range []int64{390, 1280} {
				chartAt(t, tab, w, "svg.drivers", "drivers chart", 10, filepath.Join(shots, fmt.Sprintf("%s-%d.png", s.name, w)))
				overlaps, err := chromedp.Run(tab, chromedp.Evaluate[[]string](overlappingDriversLabels))
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range overlaps {
					t.Errorf("at %d px the drivers chart's labels overlap: %s", w, o)
				}
			}
		})
	}
}

// edgeDrivers is the demo with issue 19's figures, long dimension titles
// and scores at 0, 100 and near both, so that labels sit at every edge of
// the chart: the most important dimension at the top right, the least
// at the bottom left.
func edgeDrivers(t *testing.T) *view.Report {
	t.Helper()
	rep := demoReport(t, false)
	res := rep.Result
	testtool.Measured(res)
	for i, v := range []float64{100, 0, 97.5, 2.5} {
		res.Dimensions[i].Score = &v
	}
	res.Drivers.Dimensions[0].Weight, res.Drivers.Dimensions[1].Weight = 0.3, 0.0
	res.Drivers.Dimensions[2].Weight, res.Drivers.Dimensions[3].Weight = 0.11, 0.0
	res.Drivers.R2 = 0.41
	titles := []string{"Service statt Einsparung, auch wenn es teuer wird", "Der Mensch bleibt beteiligt", "Befähigen statt abstellen", "Langfristig denken über Quartale und Jahre hinaus"}
	for i, d := range res.RubricDef.Dimensions {
		d.Title = titles[i]
	}
	return view.New(res, rep.Meta)
}
