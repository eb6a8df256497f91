package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/site/view"
)

// measuredReport is the demo with testtool.Measured's figures.
func measuredReport(t testing.TB) *view.Report {
	t.Helper()
	rep := demoReport(t, false)
	testtool.Measured(rep.Result)
	return view.New(rep.Result, rep.Meta)
}

// TestMeasuredSite: the overview and the methodology page say what the
// PDF and report.md say of testtool.Measured's figures, worked out by
// hand there; the drivers chart carries a title, a description and a
// table beside it; and a site without the figures shows none of it.
func TestMeasuredSite(t *testing.T) {
	dir := build(t, measuredReport(t), Options{})
	overview := text([]byte(readText(t, filepath.Join(dir, "index.html"))))
	method := text([]byte(readText(t, filepath.Join(dir, "methodology.html"))))
	for _, w := range testtool.MeasuredWords {
		if !strings.Contains(overview+" "+method, w) {
			t.Errorf("the site does not say %q", w)
		}
	}
	for _, w := range []string{
		"150 of the 300 people asked answered: a response rate of 50%.", // the data, on both pages
		"3 respondents left out:",
		"Only 150 of the 300 people asked answered (50%)", // the summary's story
		"What drives the outcome", "Service, not savings 46%", "The long view 10%",
	} {
		if !strings.Contains(overview, w) {
			t.Errorf("the overview does not say %q", w)
		}
	}
	raw := readText(t, filepath.Join(dir, "index.html"))
	for _, w := range []string{`<svg class="chart drivers"`, `role="img" aria-labelledby="drivers-t drivers-d"`,
		`<title id="drivers-t">Importance against score, per dimension</title>`,
		`Service, not savings: importance 46%, score`, `<caption class="vh">Importance against score, per dimension</caption>`} {
		if !strings.Contains(raw, w) {
			t.Errorf("the overview's drivers chart has no %q", w)
		}
	}
	// The demo has issue 19's figures of its own: take them away.
	bare := demoReport(t, false)
	r := bare.Result
	r.Reliability, r.Participation, r.Drivers = nil, nil, nil
	r.DataQuality.StraightLiners, r.DataQuality.Speeders, r.DataQuality.Excluded = 0, 0, 0
	plain := build(t, view.New(r, bare.Meta), Options{})
	for _, page := range []string{"index.html", "methodology.html"} {
		s := readText(t, filepath.Join(plain, page))
		for _, w := range []string{"What drives the outcome", "Reliability of each dimension", "people asked", "respondents left out", `class="chart drivers"`} {
			if strings.Contains(s, w) {
				t.Errorf("%s of a result without issue 19's figures says %q", page, w)
			}
		}
	}
}

// TestMeasuredPrivacy: a suppressed group never shows a head count or a
// response rate, though the participation block names it.
func TestMeasuredPrivacy(t *testing.T) {
	dir := build(t, measuredReport(t), Options{})
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, p := range pages {
		s := readText(t, p)
		if i := strings.Index(s, `id="h-participation"`); i >= 0 {
			sec := s[i : i+strings.Index(s[i:], "</section>")]
			for _, h := range testtool.MeasuredHidden {
				if strings.Contains(sec, h) {
					t.Errorf("%s: the participation table lists the suppressed group %s", filepath.Base(p), h)
				}
			}
			if !strings.Contains(sec, "Frontline staff") {
				t.Errorf("%s: the participation table lacks a shown group; the check above would pass on an empty table", filepath.Base(p))
			}
		}
		for _, h := range testtool.MeasuredHidden {
			for _, near := range []string{h + ": 25%", h + ": 33%", h + " (25%)", h + " (33%)"} {
				if strings.Contains(text([]byte(s)), near) {
					t.Errorf("%s: %q shows a suppressed group's response rate", filepath.Base(p), near)
				}
			}
		}
	}
}
