package site

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/internal/testtool"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/mdreport"
	"github.com/aiready/aiready/site/pdf"
	"github.com/aiready/aiready/site/view"
)

// germanReport is a small assessment on the German rubric, answered in
// German labels: fourteen respondents, a role too small to show (and one
// hidden beside it), comments, the consultant's notes and overrides (put
// first, left out, added), a previous assessment and a history for the
// trend, and norms, so that every kind of fixed text appears.
func germanReport(t testing.TB) *view.Report {
	t.Helper()
	r, err := rubrics.Load("people-first-de")
	if err != nil {
		t.Fatal(err)
	}
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Rolle"}, Comments: true, MinGroupSize: 5})
	for i := range 14 {
		role := "Beschäftigte"
		switch {
		case i < 6:
			role = "Führung"
		case i < 8:
			role = "Praktikum"
		}
		p := &assess.Respondent{ID: "r" + itoa(i), Attributes: map[string]string{"Rolle": role}, Answers: make([]assess.Cell, len(r.Questions))}
		for _, q := range r.Questions {
			var a []string
			switch q.Type {
			case assess.TypeScale:
				a = []string{q.ScaleDef.Labels[(i*3+q.Index)%len(q.ScaleDef.Labels)]}
			case assess.TypeChoice:
				a = []string{q.Options[(i+q.Index)%len(q.Options)].Label}
			case assess.TypeMulti:
				a = []string{q.Options[i%len(q.Options)].Label, q.Options[(i+2)%len(q.Options)].Label}
			case assess.TypeText:
				a = []string{[]string{"Mehr Zeit zum Lernen, bitte.", "Klare Zuständigkeiten."}[i%2]}
			}
			p.Answers[q.Index] = assess.Cell{Values: a}
		}
		if err := s.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	// The consultant's judgement: one action put first, one left out, one
	// added; notes on the whole and on a dimension.
	assess.ApplyOverrides(res, []assess.Override{
		{Recommendation: res.Recommendations[1].ID, Action: "pin", Reason: "Der Vorstand wünscht das zuerst."},
		{Recommendation: res.Recommendations[2].ID, Action: "drop", Reason: "Im letzten Jahr bereits erledigt."},
		{Recommendation: "workshop", Action: "add", Reason: "Vereinbart im Auftaktgespräch.", Title: "Workshop mit der Geschäftsleitung",
			Horizon: 30, Body: "Einen halben Tag mit der Geschäftsleitung über die Ergebnisse sprechen."},
	}, []assess.Note{
		{Dimension: "overall", Body: "Die Servicefrage wiegt am schwersten."},
		{Dimension: r.Dimensions[0].ID, Body: "Führung und Beschäftigte sehen das unterschiedlich."},
	})
	// The last assessment for the change beside each score, and two earlier
	// ones with this rubric (one with another version, left out) for the
	// trend chart.
	f := func(v float64) *float64 { return &v }
	last := &assess.Snapshot{Date: "2026-05-20", Rubric: res.Rubric, Overall: f(45),
		Dims: map[string]*float64{r.Dimensions[0].ID: f(50), r.Dimensions[1].ID: f(40)}}
	assess.Compare(res, last)
	other := res.Rubric
	other.Version = "0.9"
	res.History = []*assess.Snapshot{
		{Date: "2025-05-20", Rubric: other, Overall: f(30), Dims: map[string]*float64{}},
		{Date: "2025-11-20", Rubric: res.Rubric, Overall: f(38.5), Dims: map[string]*float64{r.Dimensions[0].ID: f(41)}},
		last,
	}
	// Issue 19's figures, and a shown group's response rate.
	testtool.Measured(res)
	res.Participation.Segments = append(res.Participation.Segments, assess.SegmentParticipation{Attribute: "Rolle", Value: "Führung", Population: 10, Rate: 0.6})
	// Norms of twelve earlier assessments place each dimension.
	res.Norms = &assess.NormsResult{Rubric: res.Rubric.ID, Version: res.Rubric.Version, Assessments: 12}
	for i, d := range r.Dimensions {
		res.Norms.Dimensions = append(res.Norms.Dimensions, assess.DimensionNorm{ID: d.ID, N: 12, Percentile: f(float64(40 + 11*i))})
	}
	return view.New(res, view.Meta{Title: "Muster & Co: KI-Bereitschaft", Client: "Muster & Co",
		Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Consultancy: "Beispiel Beratung", Comments: true})
}

var (
	tagRE        = regexp.MustCompile(`<[^>]*>`)
	styleBlockRE = regexp.MustCompile(`(?s)<style>.*?</style>`)
	verbRE       = regexp.MustCompile(`%(\[\d+\])?[sdv%]`)
)

// englishFragments are the pieces of the English catalogue that a German
// report must not contain: of every message that German words
// differently, the runs of text between its arguments and tags that are
// long enough to be telling and that no German message shares.
func englishFragments() []string {
	en, de := i18n.Messages("en"), i18n.Messages("de")
	var german strings.Builder
	for _, m := range de {
		german.WriteString(m + "\n")
	}
	var out []string
	for k, m := range en {
		if de[k] == m {
			continue
		}
		for _, piece := range verbRE.Split(tagRE.ReplaceAllString(m, "\x00"), -1) {
			for _, p := range strings.Split(piece, "\x00") {
				p = strings.Join(strings.Fields(strings.Trim(p, " .,;:()“”\"'·-")), " ")
				if len([]rune(p)) >= 12 && !strings.Contains(german.String(), p) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// text is what a reader of an HTML page sees, more or less: its tags gone,
// its entities resolved, its white space collapsed.
func text(b []byte) string {
	b = styleBlockRE.ReplaceAll(b, nil)
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(string(b), " "))), " ")
}

// TestGermanBuild renders the German assessment as a site, a PDF (read back
// with pdftotext) and report.md, and finds in none of them an English
// message of the catalogue, nor a key printed for a missing message; and
// finds the German forms of numbers and dates.
func TestGermanBuild(t *testing.T) {
	rep := germanReport(t)
	outputs := map[string]string{}
	dir := build(t, rep, Options{})
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) < 8 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`<html lang="de">`)) {
			t.Errorf("%s: not marked as German", filepath.Base(p))
		}
		outputs[filepath.Base(p)] = text(b)
	}
	var md bytes.Buffer
	if err := mdreport.Render(&md, rep); err != nil {
		t.Fatal(err)
	}
	outputs["report.md"] = strings.Join(strings.Fields(md.String()), " ")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		missingTool(t, "pdftotext not found: install poppler-utils")
	}
	var doc bytes.Buffer
	if _, err := pdf.Render(&doc, rep, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	outputs["report.pdf"] = strings.Join(strings.Fields(string(txt)), " ")
	// Norms too small to compare with say so in a sentence of their own.
	small := *rep.Result
	nr := *small.Norms
	nr.Assessments, nr.Suppressed, nr.Dimensions = 4, true, nil
	small.Norms = &nr
	md.Reset()
	if err := mdreport.Render(&md, view.New(&small, rep.Meta)); err != nil {
		t.Fatal(err)
	}
	outputs["report.md (few norms)"] = strings.Join(strings.Fields(md.String()), " ")

	frags := englishFragments()
	if len(frags) < 150 {
		t.Fatalf("only %d English fragments to look for: the check is broken", len(frags))
	}
	keyRE := regexp.MustCompile(`\[(site|report|md|pdf|demo)\.[a-z0-9_.]+\]`)
	for name, s := range outputs {
		for _, f := range frags {
			if strings.Contains(s, f) {
				t.Errorf("%s: English text %q", name, f)
			}
		}
		if k := keyRE.FindString(s); k != "" {
			t.Errorf("%s: a missing message printed as %s", name, k)
		}
	}
	for name, want := range map[string][]string{
		"index.html": {"Gesamtbereitschaft", "20. November 2026", "seit der Erhebung vom 20. Mai 2026", "Anmerkung der Beratung",
			"Veränderung seit dem 20. Mai 2026", "51. Perzentil", "Entwicklung", "20. November 2025", "Gesamtwert im Zeitverlauf"},
		"plan.html":        {"Von der Beratung herausgenommen", "Einschätzung der Beratung: vorgezogen", "Begründung: Im letzten Jahr"},
		"methodology.html": {"So werden die Werte berechnet", "„Nicht zutreffend“"},
		"report.md": {"Zusammenfassung für die Geschäftsleitung", "**Datum:** 20. November 2026", "Erster Schritt:",
			"Veränderung seit dem 20. Mai 2026", "Perzentil der Vergleichsdaten", "12 Erhebungen", "Von der Beratung ergänzt",
			"Einschätzung der Beratung: herausgenommen. Begründung:", "1 frühere Erhebung"},
		"report.md (few norms)": {"Die Vergleichsdaten umfassen 4 Erhebungen"},
		"report.pdf": {"Zusammenfassung für die Geschäftsleitung", "Seite 2 von", "Inhalt", "Anmerkung der Beratung",
			"Perzentil", "Entwicklung", "Von der Beratung herausgenommen"},
	} {
		for _, w := range want {
			if !strings.Contains(outputs[name], w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	// Scores have a decimal comma: "57,5", never "57.5".
	decimal := regexp.MustCompile(`\b\d{1,3},\d\b`)
	point := regexp.MustCompile(`\b\d{1,2}\.\d\b`)
	for _, name := range []string{"index.html", "report.md", "report.pdf"} {
		if !decimal.MatchString(outputs[name]) {
			t.Errorf("%s: no score with a decimal comma", name)
		}
		o := strings.ReplaceAll(outputs[name], "1.0.0", "")
		for _, f := range rep.Rubric.Frameworks { // clause ids ("GOVERN-1.7", "A.6.2.6") are names, not numbers
			for _, c := range f.Clauses {
				o = strings.ReplaceAll(o, c.ID, "")
			}
		}
		if m := point.FindString(o); m != "" {
			t.Errorf("%s: a number with a decimal point: %q", name, m)
		}
	}
}

// TestRightToLeft: a report in a language written right to left says so
// to the browser, and keeps the charts' geometry left to right.
func TestRightToLeft(t *testing.T) {
	rep := smallReport(t)
	rep.Meta.Lang = "ar"
	rep.Printer = i18n.New("ar")
	dir := build(t, rep, Options{})
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`<html lang="ar" dir="rtl">`)) {
		t.Error("no dir=rtl on an Arabic page")
	}
	en, err := os.ReadFile(filepath.Join(build(t, smallReport(t), Options{}), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(en, []byte(`dir=`)) {
		t.Error("an English page has a dir attribute")
	}
}
