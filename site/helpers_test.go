package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/view"
	"github.com/chromedp/chromedp"
)

// smallReport is a hand-made assessment of testdata/small.toml: fourteen
// respondents, one role too small to show (and one hidden beside it),
// a raised flag that caps the level, and comments that try to inject HTML.
func smallReport(t testing.TB) *view.Report {
	t.Helper()
	return smallReportIn(t, "")
}

// smallReportIn is smallReport with the report's own words in a language
// ("" for the rubric's).
func smallReportIn(t testing.TB, lang string) *view.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "small.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return smallReportOf(t, data, nil, lang)
}

// smallReportOf scores the small assessment's answers on the rubric data,
// with extra notes beside the usual ones, in a language ("" for the
// rubric's).
func smallReportOf(t testing.TB, data []byte, notes []assess.Note, lang string) *view.Report {
	t.Helper()
	r, err := assess.LoadRubric("small.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Role", "Team"}, Comments: true})
	agree := []string{"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Don't know"}
	goals := []string{"Cut cost", "Speed", "Service", "Service"}
	multi := []string{"Courses; Time", "Courses", "None", "Time"}
	comments := []string{"", "More time to learn, please.", "<script>alert('comment')</script> & more", ""}
	for i := range 14 {
		role := "Staff"
		switch {
		case i < 6:
			role = "Leader"
		case i < 8:
			role = "Intern"
		}
		team := "Alpha"
		if i%2 == 1 {
			team = "Beta <b>"
		}
		ans := map[string]string{
			"s1": goals[i%4],
			"s2": agree[(i*3)%6],
			"h1": agree[(i*2+1)%5],
			"h2": agree[(i+2)%5],
			"u1": multi[i%4],
			"u2": comments[i%4],
		}
		p := &assess.Respondent{ID: "r" + itoa(i), Attributes: map[string]string{"Role": role, "Team": team}, Answers: make([]assess.Cell, len(r.Questions))}
		for id, a := range ans {
			if a != "" {
				p.Answers[r.Question(id).Index] = assess.Cell{Values: []string{a}}
			}
		}
		if err := s.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	res.DataQuality.UnmatchedColumns = []string{"Email", "<i>Notes</i>"}
	// The consultant's judgement, and the last assessment for the trend.
	assess.ApplyOverrides(res, []assess.Override{
		{Recommendation: "train", Action: "pin", Reason: "The board asked for training first."},
		{Recommendation: "escalate", Action: "drop", Reason: "Already done <b>last year</b>."},
	}, append([]assess.Note{
		{Dimension: "overall", Body: "The **cost** flag matters most. <script>alert('note')</script>"},
		{Dimension: "human", Body: "Staff and leaders disagree here."},
	}, notes...))
	f := func(v float64) *float64 { return &v }
	last := &assess.Snapshot{File: "2026-05.json", Date: "2026-05-20", Rubric: res.Rubric, Overall: f(45),
		Dims: map[string]*float64{"service": f(50), "human": f(40)}}
	assess.Compare(res, last)
	// Two earlier assessments with this rubric draw the trend chart; one
	// with another version is left out of it.
	other := res.Rubric
	other.Version = "0.9"
	res.History = []*assess.Snapshot{
		{File: "2025-05.json", Date: "2025-05-20", Rubric: other, Overall: f(30), Dims: map[string]*float64{}},
		{File: "2025-11.json", Date: "2025-11-20", Rubric: res.Rubric, Overall: f(38), Dims: map[string]*float64{"service": f(41)}},
		last,
	}
	return view.New(res, view.Meta{
		Title:       "Small & Co: AI readiness",
		Client:      "Small & Co",
		Date:        time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Consultancy: "Example <Advisory>",
		Logo:        tinyPNG,
		LogoType:    "png",
		Color:       "#ffd400", // light: text on it must turn dark, links darker
		Comments:    true,
		Lang:        lang,
	})
}

// tinyPNG is a 1x1 PNG.
var tinyPNG = []byte{
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
	0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
}

// demoReport is the built-in rubric scored on the demo answers, as
// `aiready demo` builds it.
func demoReport(t testing.TB, comments bool) *view.Report {
	t.Helper()
	r, err := rubrics.Load(rubrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	// The demo's showcase holds no hostile text; the tests plant one: a
	// comment of pasted markup, which every output must show as text.
	data, err := rubrics.FS.ReadFile(rubrics.DemoAnswers)
	if err != nil {
		t.Fatal(err)
	}
	planted := bytes.Replace(data, []byte(demoPractice), []byte(demoMarkup), 1)
	if bytes.Equal(planted, data) {
		t.Fatal("the demo answers no longer hold the comment the tests replace")
	}
	f := bytes.NewReader(planted)
	src, err := assess.OpenAnswers(filepath.Base(rubrics.DemoAnswers), f, r, assess.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Role", "Team"}, Comments: comments})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	return view.New(res, view.Meta{
		Title:       "Northwind Financial: AI adoption readiness",
		Client:      "Northwind Financial",
		Date:        time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Consultancy: "Example Advisory",
		Color:       "#1f6feb",
		Comments:    comments,
	})
}

// build writes rep's site into a fresh folder and returns it.
func build(t testing.TB, rep *view.Report, opt Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := Build(dir, rep, opt); err != nil {
		t.Fatal(err)
	}
	return dir
}

// artifacts is where tests leave what a person may want to look at.
func artifacts(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("AIREADY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aiready-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// demoPractice is a comment of the demo answers (rubrics/demo/gen); the
// tests replace it with demoMarkup.
const (
	demoPractice = "Hands-on practice with real cases, not slides. Let us try the new tool on last month's cases before it goes live."
	demoMarkup   = "<script>alert(1)</script> Sorry, testing whether this form is safe. Real answer: hands-on practice with real cases."
)

// startChromium starts the Chromium at bin headless, at 1280 by 900 with
// a fresh profile and no scroll bars, for at most limit, and returns its
// context for tabs (chromedp.NewContext); the browser is closed when the
// test ends.
func startChromium(t *testing.T, bin string, limit time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancel() })
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return browserCtx
}

// chartAt shows the page in tab w pixels wide (as a phone's below 800)
// and checks the charts sel on it: at least min lines of text, none of
// them cut off by their <svg> or the page (testtool.ClippedText). The
// failures call the chart name; its screenshot is written to png.
func chartAt(t *testing.T, tab context.Context, w int64, sel, name string, min int, png string) {
	t.Helper()
	var vp []chromedp.EmulateViewportOption
	if w < 800 {
		vp = append(vp, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(w, 900, vp...)); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(tab, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel+" text")))
	if err != nil {
		t.Fatal(err)
	}
	if n < min {
		t.Fatalf("at %d px: %d texts in the %s, want at least %d", w, n, name, min)
	}
	clipped, err := chromedp.Run(tab, chromedp.Evaluate[[]string](testtool.ClippedText(sel)))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clipped {
		t.Errorf("at %d px the %s cuts off %s", w, name, c)
	}
	shot, err := chromedp.Run(tab, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot at %d px: %v", w, err)
	}
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}
