package questionnaire

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/chromedp/chromedp"
)

// clippedRadarText lists the radars' lines of text that are not wholly
// visible (testtool.ClippedText).
var clippedRadarText = testtool.ClippedText("svg.radar")

// tableOverflow(fit) says how the score table fails to fit the screen:
// the page wider than the screen, the table's visible box (the table, or
// the labelled region that scrolls it) reaching past either edge, or, if
// fit, the table wider than that region, so that a reader must scroll it
// sideways to see every column. Empty when it fits.
const tableOverflow = `(fit => {
	const vw = document.documentElement.clientWidth, out = [];
	if (document.documentElement.scrollWidth > vw) out.push("the page is " + (document.documentElement.scrollWidth - vw) + " px wider than the screen");
	let box = document.getElementById("qn-table").closest("table");
	for (let a = box.parentElement; a; a = a.parentElement) if (["auto", "scroll"].includes(getComputedStyle(a).overflowX)) { box = a; break; }
	const r = box.getBoundingClientRect();
	if (r.left < -0.5 || r.right > vw + 0.5) out.push("the score table's " + box.tagName.toLowerCase() + " spans " + Math.round(r.left) + " to " + Math.round(r.right) + " px of " + vw);
	if (fit && box.scrollWidth > box.clientWidth) out.push("the score table is " + (box.scrollWidth - box.clientWidth) + " px wider than its box, which scrolls");
	return out;
})`

// TestRadarLabels answers questionnaires in Chromium, at a phone's 390
// pixels and at 1280, and fails on any line of the result radar's labels
// that its <svg> or the page cuts off, and on a score table wider than
// the phone's screen, or needing to be scrolled sideways where it can
// fit. The rubrics: the built-in one in English and in
// German, and the test rubrics with long titles, in German and right to
// left. It needs no axe-core, only Chromium.
func TestRadarLabels(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts Chromium")
	}
	s := startSession(t, chromium(t))
	// Whether the score table must fit a phone without scrolling: the
	// German rubrics' long words ("automatisierend", "Beantwortet") need
	// more than 390 pixels in DejaVu Sans, and scroll in their region.
	for _, c := range []struct {
		rubric string
		fit    bool
	}{{"people-first", true}, {"people-first-de", false}, {"testdata/edge.toml", true}, {"testdata/de.toml", false}, {"testdata/rtl.toml", true}} {
		rubric := c.rubric
		t.Run(rubric, func(t *testing.T) {
			name := "radar-" + strings.TrimSuffix(filepath.Base(rubric), ".toml")
			tb := s.page(t, name, rubric, Options{})
			tb.answer(edgeAnswers(tb.model)[2], nil, false)
			tb.results()
			for _, w := range []int64{390, 1280} {
				tb.viewport(w)
				if n := eval[int](tb, `document.querySelectorAll("svg.radar text").length`); n == 0 {
					t.Fatalf("at %d px: no radar with text among the results", w)
				}
				for _, c := range eval[[]string](tb, clippedRadarText) {
					t.Errorf("at %d px the radar cuts off %s", w, c)
				}
				shot(tb, "#qn-results .hero", fmt.Sprintf("%s-%d", name, w))
				shot(tb, "#qn-results .table-wrap", fmt.Sprintf("%s-table-%d", name, w))
				if w < 800 {
					for _, o := range eval[[]string](tb, fmt.Sprintf("%s(%t)", tableOverflow, c.fit)) {
						t.Errorf("at %d px %s", w, o)
					}
				}
			}
		})
	}
}

// shot writes a screenshot of the element to the artefact folder.
func shot(tb *tab, sel, name string) {
	png, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		tb.t.Fatal(err)
	}
	dir := os.Getenv("AIREADY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aiready-artifacts")
	}
	dir = filepath.Join(dir, "questionnaire")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}
