package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var rowRE = regexp.MustCompile(`(?s)<tr class="suppressed">.*?</tr>`)

// TestSuppressedGroupsShowNoFigure checks, on every page of the small
// assessment, that the two hidden Role groups ("Intern" is too small,
// "Leader" is hidden beside it) get no page and no link, that each is
// named only with the reason, and that no figure of theirs appears: the
// only number in their rows is the threshold, and only for the small one.
func TestSuppressedGroupsShowNoFigure(t *testing.T) {
	site := readSite(t, build(t, smallReport(t), Options{}))
	for n := range site {
		if strings.Contains(n, "intern") || strings.Contains(n, "leader") {
			t.Errorf("a hidden group has a page: %s", n)
		}
	}
	digits := regexp.MustCompile(`[0-9]+`)
	seen := 0
	for n, b := range site {
		s := string(b)
		if strings.Contains(s, "segment-role-intern") || strings.Contains(s, "segment-role-leader") {
			t.Errorf("%s links to a hidden group's page", n)
		}
		for _, row := range rowRE.FindAllString(s, -1) {
			seen++
			text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(row, "")
			switch {
			case strings.Contains(text, "Intern"):
				if !strings.Contains(text, "fewer than 5") {
					t.Errorf("%s: Intern's row does not say why: %s", n, text)
				}
				if d := digits.FindAllString(text, -1); len(d) != 1 || d[0] != "5" {
					t.Errorf("%s: Intern's row holds a figure: %s", n, text)
				}
			case strings.Contains(text, "Leader"):
				if strings.Contains(text, "fewer than") || digits.MatchString(text) {
					t.Errorf("%s: Leader, hidden to protect another group, is said to be small or shows a figure: %s", n, text)
				}
				if !strings.Contains(text, "protect a smaller group") {
					t.Errorf("%s: Leader's row does not say why: %s", n, text)
				}
			}
		}
	}
	// segments.html and one row per dimension page for each hidden group.
	if want := 2 * (1 + 3); seen != want {
		t.Errorf("%d rows of hidden groups, want %d", seen, want)
	}
}

// TestOverride redefines blocks from a --templates folder: the overview's
// summary and extra CSS. The override applies to this build only, its
// output is escaped like the embedded templates', and a broken template
// is an error that names its file.
func TestOverride(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("brand.html", `{{define "overview-summary"}}<p class="custom">Custom summary for {{.Rep.Meta.Consultancy}}: {{score .Rep.Overall.Score}}</p>{{end}}
{{define "extra-css"}}.custom { color: #123456 }{{end}}`)
	rep := smallReport(t)
	site := readSite(t, build(t, rep, Options{Templates: dir}))
	index := string(site["index.html"])
	for _, want := range []string{`<p class="custom">Custom summary for Example &lt;Advisory&gt;: 48.9</p>`, `.custom { color: #123456 }`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(index, "Overall readiness") {
		t.Error("the overridden block is still there")
	}
	if !strings.Contains(string(site["plan.html"]), ".custom { color: #123456 }") {
		t.Error("extra-css is not on every page")
	}
	// The embedded templates are untouched by an override.
	plain := readSite(t, build(t, rep, Options{}))
	if strings.Contains(string(plain["index.html"]), "custom") {
		t.Error("an override leaked into a later build")
	}

	write("broken.html", `{{define "footer"}}{{.Nope}{{end}}`)
	if err := Build(t.TempDir(), rep, Options{Templates: dir}); err == nil || !strings.Contains(err.Error(), "broken.html") {
		t.Errorf("Build with a broken template: %v, want an error naming broken.html", err)
	}
	if err := Build(t.TempDir(), rep, Options{Templates: filepath.Join(dir, "missing")}); err == nil {
		t.Error("Build with a missing templates folder: no error")
	}
}
