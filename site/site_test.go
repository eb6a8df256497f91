package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// readSite returns every file of a built site by its slash path
// ("index.html", "charts/radar-overview.svg").
func readSite(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string][]byte) []string {
	var ns []string
	for n := range m {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// bothSites builds the demo and the small assessment.
func bothSites(t *testing.T) map[string]map[string][]byte {
	t.Helper()
	return map[string]map[string][]byte{
		"demo":  readSite(t, build(t, demoReport(t, true), Options{})),
		"small": readSite(t, build(t, smallReport(t), Options{})),
	}
}

var styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// TestGolden compares the small assessment's pages with testdata/golden.
// The stylesheet, the same in every page, is kept once in _style.css so
// that a change to it shows as one diff; `go test ./site -update` rewrites
// the files, whose diff is then reviewed like code.
func TestGolden(t *testing.T) {
	got := readSite(t, build(t, smallReport(t), Options{}))
	golden := filepath.Join("testdata", "golden")
	var css []byte
	for _, n := range names(got) {
		if !strings.HasSuffix(n, ".html") {
			continue // the chart files have a <style> of their own
		}
		m := styleRE.FindSubmatch(got[n])
		if m == nil {
			t.Fatalf("%s: no <style> element", n)
		}
		if css == nil {
			css = m[1]
		} else if !bytes.Equal(css, m[1]) {
			t.Errorf("%s: its stylesheet differs from the other pages'", n)
		}
		got[n] = styleRE.ReplaceAll(got[n], []byte("<style>/* testdata/golden/_style.css */</style>"))
	}
	got["_style.css"] = css
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(golden, 0o755); err != nil {
			t.Fatal(err)
		}
		for n, b := range got {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(golden, n)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(golden, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readSite(t, golden)
	if g, w := strings.Join(names(got), " "), strings.Join(names(want), " "); g != w {
		t.Errorf("files:\n got %s\nwant %s", g, w)
	}
	for _, n := range names(want) {
		if g, ok := got[n]; ok && !bytes.Equal(g, want[n]) {
			t.Errorf("%s differs from testdata/golden/%s (go test ./site -update rewrites it):\n%s", n, n, firstDiff(g, want[n]))
		}
	}
}

// firstDiff shows where two files first differ: the line, and the text
// around the first different byte.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	line := bytes.Count(got[:i], []byte("\n")) + 1
	clip := func(b []byte) string {
		lo, hi := max(0, i-60), min(len(b), i+60)
		return string(b[lo:hi])
	}
	return "line " + itoa(line) + ":\n got …" + clip(got) + "…\nwant …" + clip(want) + "…"
}

// TestDeterministic builds the demo twice: the bytes must be the same,
// whatever order the pages were rendered in.
func TestDeterministic(t *testing.T) {
	rep := demoReport(t, true)
	a := readSite(t, build(t, rep, Options{}))
	b := readSite(t, build(t, demoReport(t, true), Options{}))
	if g, w := strings.Join(names(a), " "), strings.Join(names(b), " "); g != w {
		t.Fatalf("files differ:\n%s\n%s", g, w)
	}
	for _, n := range names(a) {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s differs between two builds:\n%s", n, firstDiff(a[n], b[n]))
		}
	}
	if len(a) < 10 {
		t.Errorf("only %d pages: %s", len(a), strings.Join(names(a), " "))
	}
}

// TestNoScript checks that the HTML in comments (the demo answers hold
// "<script>alert(1)</script>"), in rubric Markdown, in attribute values,
// in brand texts and column names reaches no page as markup.
func TestNoScript(t *testing.T) {
	for name, site := range bothSites(t) {
		for n, b := range site {
			low := strings.ToLower(string(b))
			for _, bad := range []string{"<script", "javascript:", "<b>care", "<b>\"", "<b>last", "<first>", "<advisory>", "<i>notes", " onerror", " onload"} {
				if strings.Contains(low, bad) {
					t.Errorf("%s/%s contains %q", name, n, bad)
				}
			}
		}
		comments := string(site["comments.html"])
		want := "&lt;script&gt;alert(1)&lt;/script&gt;"
		if name == "small" {
			want = "&lt;script&gt;alert(&#39;comment&#39;)&lt;/script&gt; &amp; more"
		}
		if !strings.Contains(comments, want) {
			t.Errorf("%s/comments.html does not show the comment escaped, as %s", name, want)
		}
	}
}

var (
	hrefRE = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestLinksAndPolicy checks every page for its Content-Security-Policy, and
// every link: relative, to a file of the site, to an id that exists; and
// every image: a data: URL. Ids must be unique on a page.
func TestLinksAndPolicy(t *testing.T) {
	const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">`
	for rep, site := range bothSites(t) {
		ids := map[string]map[string]bool{}
		for n, b := range site {
			ids[n] = map[string]bool{}
			for _, m := range idRE.FindAllStringSubmatch(string(b), -1) {
				if ids[n][m[1]] {
					t.Errorf("%s/%s: id %q twice", rep, n, m[1])
				}
				ids[n][m[1]] = true
			}
		}
		for n, b := range site {
			if !strings.HasSuffix(n, ".html") {
				continue // chart files (charts/*.svg): TestChartFiles
			}
			s := string(b)
			if !strings.Contains(s, csp) {
				t.Errorf("%s/%s: no Content-Security-Policy %s", rep, n, csp)
			}
			if !strings.HasPrefix(s, "<!DOCTYPE html>\n<html lang=") {
				t.Errorf("%s/%s: does not start with a doctype and a lang attribute", rep, n)
			}
			for _, m := range hrefRE.FindAllStringSubmatch(s, -1) {
				attr, u := m[1], m[2]
				if attr == "src" || strings.HasPrefix(u, "data:") {
					if !strings.HasPrefix(u, "data:") {
						t.Errorf("%s/%s: %s=%q is not a data: URL", rep, n, attr, u)
					}
					continue
				}
				file, frag, _ := strings.Cut(u, "#")
				if file == "" {
					file = n
				}
				if strings.Contains(file, ":") || strings.Contains(strings.TrimPrefix(file, chartsDir+"/"), "/") {
					t.Errorf("%s/%s: link %q leaves the site's folder", rep, n, u)
					continue
				}
				if _, ok := site[file]; !ok {
					t.Errorf("%s/%s: link %q to a missing page", rep, n, u)
					continue
				}
				if frag != "" && !ids[file][frag] {
					t.Errorf("%s/%s: link %q to a missing id", rep, n, u)
				}
			}
		}
	}
}

// TestEdgeCases builds sites that real projects can produce but the demo
// does not: no respondent at all, and rubrics of one and two dimensions
// (no radar: bars instead), without segments, comments, brand or date.
func TestEdgeCases(t *testing.T) {
	const twoDims = `format = 1
id = "one"
title = "One"
version = "1"
[scales.yn]
points = [0, 1]
labels = ["No", "Yes"]
[[dimension]]
id = "d"
title = "Only"
[[dimension]]
id = "e"
title = "Second"
[[question]]
id = "q"
dimension = "d"
scale = "yn"
text = "Q?"
[[question]]
id = "r"
dimension = "e"
scale = "yn"
text = "R?"
[[level]]
id = "l"
title = "L"
min = 0
`
	// The same with question r moved into d and dimension e gone.
	oneDim := strings.Replace(strings.Replace(twoDims, "dimension = \"e\"", "dimension = \"d\"", 1),
		"[[dimension]]\nid = \"e\"\ntitle = \"Second\"\n", "", 1)
	for _, tc := range []struct {
		name    string
		rubric  string
		answers []string
	}{
		{"no respondents", twoDims, nil},
		{"two dimensions", twoDims, []string{"Yes", "No", "Yes", "Yes", "No", "1"}},
		{"one dimension", oneDim, []string{"Yes", "No"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := assess.LoadRubric("edge.toml", []byte(tc.rubric))
			if err != nil {
				t.Fatal(err)
			}
			s := assess.NewScorer(r, assess.Options{})
			for _, a := range tc.answers {
				p := &assess.Respondent{Answers: make([]assess.Cell, len(r.Questions))}
				for i := range p.Answers {
					p.Answers[i] = assess.Cell{Values: []string{a}}
				}
				if err := s.Add(p); err != nil {
					t.Fatal(err)
				}
			}
			res, err := s.Result()
			if err != nil {
				t.Fatal(err)
			}
			site := readSite(t, build(t, view.New(res, view.Meta{}), Options{}))
			if _, ok := site["index.html"]; !ok {
				t.Fatalf("no index.html: %s", strings.Join(names(site), " "))
			}
			if _, ok := site["segments.html"]; ok {
				t.Error("segments.html without segments")
			}
			if len(tc.answers) == 0 && !strings.Contains(string(site["index.html"]), "no score") {
				t.Error("no respondents, yet no \"no score\" on the overview")
			}
		})
	}
}
