package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aiready/aiready/rubrics"
)

// TestDemoThemes counts the themes of the demo's comments independently
// (a regular expression per theme, made here from the rubric's stems, over
// the comment columns of the demo CSV read with encoding/csv) and expects
// results.json's counts, and the same counts in the site, the PDF and
// report.md, in English and German.
func TestDemoThemes(t *testing.T) {
	r, err := rubrics.Builtins.Load(rubrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Themes) != 7 {
		t.Fatalf("%d themes in the built-in rubric, want 7", len(r.Themes))
	}
	rows := demoRows(t)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	res := map[string]*regexp.Regexp{}
	for _, th := range r.Themes {
		var alts []string
		for _, w := range th.Words {
			if p, ok := strings.CutSuffix(w, "*"); ok {
				alts = append(alts, regexp.QuoteMeta(p)+`[\pL\pN]*`)
			} else {
				alts = append(alts, regexp.QuoteMeta(w))
			}
		}
		res[th.ID] = regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN])`)
	}
	want := map[string]int{}
	wantTeam := map[string]map[string]int{}
	comments, teamComments := 0, map[string]int{}
	for _, row := range rows[1:] {
		for _, q := range []string{"u10", "l10"} {
			text := strings.TrimSpace(row[col[q]])
			if text == "" {
				continue
			}
			comments++
			team := row[col["Team"]]
			teamComments[team]++
			for id, re := range res {
				if re.MatchString(text) {
					want[id]++
					if wantTeam[id] == nil {
						wantTeam[id] = map[string]int{}
					}
					wantTeam[id][team]++
				}
			}
		}
	}
	if comments < 50 || teamComments["Customer Service"] < 10 {
		t.Fatalf("the demo has %d comments (%v): too few for themes to tell anything", comments, teamComments)
	}

	for _, lang := range []string{"en", "de"} {
		out := filepath.Join(t.TempDir(), "demo")
		runOut(t, "demo", "-q", "--lang", lang, out)
		js := readFile(t, filepath.Join(out, "results.json"))
		var got struct {
			Themes []struct {
				ID       string
				Count    *int
				Share    *float64
				Segments []struct {
					Attribute, Value string
					Count            int
				}
			}
		}
		if err := json.Unmarshal([]byte(js), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Themes) != 7 {
			t.Fatalf("%s: %d themes in results.json", lang, len(got.Themes))
		}
		outputs := readerOutputs(t, out, []string{"site/comments.html"}, func(md string) string {
			return strings.Join(strings.Fields(strings.ReplaceAll(md, "|", " ")), " ")
		}, "-layout")
		title := map[string]string{"en": "What the comments are about", "de": "Worum es in den Kommentaren geht"}[lang]
		pct := map[string]string{"en": "%", "de": " %"}[lang]
		for i, th := range got.Themes {
			if th.ID != r.Themes[i].ID || th.Count == nil || *th.Count != want[th.ID] {
				t.Errorf("%s: theme %s count %v, the independent count %d", lang, th.ID, th.Count, want[th.ID])
				continue
			}
			for _, sg := range th.Segments {
				if sg.Attribute == "Team" && sg.Count != wantTeam[th.ID][sg.Value] {
					t.Errorf("%s: theme %s, %s: %d, the independent count %d", lang, th.ID, sg.Value, sg.Count, wantTeam[th.ID][sg.Value])
				}
				if sg.Attribute == "Team" && teamComments[sg.Value] < 10 {
					t.Errorf("%s: theme %s shows %s, which has %d comments", lang, th.ID, sg.Value, teamComments[sg.Value])
				}
			}
			cell := fmt.Sprintf("%s %d (%d%s)", r.Themes[i].Title, want[th.ID], int(math.Round(100*float64(want[th.ID])/float64(comments))), pct)
			for name, s := range outputs {
				if !strings.Contains(s, title) {
					t.Errorf("%s %s lacks %q", lang, name, title)
				}
				if !strings.Contains(s, cell) {
					t.Errorf("%s %s lacks %q", lang, name, cell)
				}
			}
		}
		// Internal Audit (3 people) is suppressed: no count, anywhere.
		if strings.Contains(js, `"value": "Internal Audit", "count"`) || strings.Contains(outputs["site/comments.html"], "Internal Audit") {
			t.Errorf("%s: a suppressed group's themes are shown", lang)
		}
	}
}
