package assess

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// themeRubric is small.toml with the themes given appended.
func themeRubric(t testing.TB, themes string) *Rubric {
	t.Helper()
	data, err := os.ReadFile("testdata/rubrics/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRubric("small.toml", append(data, "\n"+themes...))
	if err != nil {
		t.Fatalf("LoadRubric: %v", err)
	}
	return r
}

const testThemes = `
[[theme]]
id = "jobs"
title = "Jobs"
words = ["job", "redundan*", "replac*", "Arbeitsplatz*", "Straße"]

[[theme]]
id = "training"
title = "Training"
words = ["train*", "Schulung*"]

[[theme]]
id = "tools"
title = "Tools"
words = ["tool", "ÉCRAN*"]
`

func TestThemeMatching(t *testing.T) {
	r := themeRubric(t, testThemes)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"my job", []string{"jobs"}},
		{"JOB", []string{"jobs"}},                      // case
		{"Job's gone.", []string{"jobs"}},              // punctuation ends a word
		{"(job)", []string{"jobs"}},                    // brackets
		{"jobless", nil},                               // no "*": the whole word only
		{"jobs", nil},                                  // idem
		{"a blowjob", nil},                             // a word boundary before, too
		{"redundancy", []string{"jobs"}},               // "*": any ending
		{"Redundant", []string{"jobs"}},                // and any case
		{"redundan", []string{"jobs"}},                 // the empty ending
		{"redunda", nil},                               // shorter than the stem
		{"replaced by a bot", []string{"jobs"}},        //
		{"irreplaceable", nil},                         // "*" only at the end
		{"Arbeitsplätze", []string{"jobs"}},            // umlauts are folded: ä matches a
		{"ARBEITSPLÄTZE weg", []string{"jobs"}},        // in capitals too
		{"Arbeitsplatzabbau", []string{"jobs"}},        // a compound
		{"Strasse", []string{"jobs"}},                  // ß folds to ss
		{"STRASSE", []string{"jobs"}},                  //
		{"Straße", []string{"jobs"}},                   //
		{"Straßenbahn", nil},                           // "Straße" has no "*"
		{"écran", []string{"tools"}},                   // accents folded both ways
		{"ecrans", []string{"tools"}},                  //
		{"Écran", []string{"tools"}},                   //
		{"e\u0301cran", []string{"tools"}},             // a combining accent (NFD)
		{"job-training", []string{"jobs", "training"}}, // a hyphen splits words
		{"Training; the tool; my job", []string{"jobs", "training", "tools"}},
		{"Schulungen fehlen", []string{"training"}},
		{"tool2", nil},  // a digit belongs to the word
		{"tool_x", nil}, // "_" is not a letter: "tool" and "x"? no: see below
		{"", nil},
		{"   ", nil},
		{"\x00job\x00", []string{"jobs"}},
	} {
		if c.text == "tool_x" {
			// "_" is punctuation: the words are "tool" and "x".
			c.want = []string{"tools"}
		}
		if got := MatchThemes(r, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: themes %v, want %v", c.text, got, c.want)
		}
	}
}

// TestThemeStemCounts: the matcher counts distinct stems of a theme, once
// each however often they occur.
func TestThemeStemCounts(t *testing.T) {
	r := themeRubric(t, testThemes)
	m := newThemeMatcher(r.Themes)
	m.scan("job job replaced redundancy; training")
	if m.hits[0] != 3 || m.hits[1] != 1 || m.hits[2] != 0 {
		t.Errorf("hits %v, want [3 1 0]", m.hits)
	}
	m.scan("tool")
	if m.hits[0] != 0 || m.hits[2] != 1 {
		t.Errorf("hits after a second scan %v, want [0 0 1]", m.hits)
	}
}

func TestThemeLoadErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/rubrics/small.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(data), "\n") + 1 // the first line of the appended text
	bad := `[[theme]]
id = "a"
title = "A"
words = ["job", "*", "a*b", "", "two words", "job", "x!"]
colour = "red"

[[theme]]
id = "a"
title = "Again"
words = []

[[theme]]
title = "No id"
words = ["x"]
`
	_, err = LoadRubric("r.toml", append(data, "\n"+bad...))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		fmt.Sprintf("r.toml:%d:17: theme \"a\": words[1] \"*\"", lines+4),
		"words[2] \"a*b\": \"*\" may only end a stem",
		"words[3] \"\": empty",
		"words[4] \"two words\": one word only",
		"words[5] \"job\" matches the same words as words[0]",
		"words[6] \"x!\": '!' is not a letter or digit",
		fmt.Sprintf("r.toml:%d:1: theme \"a\": unknown key \"colour\"", lines+5),
		"duplicate theme id \"a\"",
		"words must list at least one word stem",
		"missing required key \"id\"",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
}

// themeCSV is a table of respondents: per team, n respondents, the first
// c of whom wrote the comment text.
func themeCSV(groups []struct {
	team    string
	n, c    int
	comment string
}) string {
	var b strings.Builder
	b.WriteString("Respondent,Team,a1,a2,b1,b2,t\n")
	id := 0
	for _, g := range groups {
		for i := range g.n {
			id++
			txt := ""
			if i < g.c {
				txt = fmt.Sprintf("%s (%d)", g.comment, i)
			}
			fmt.Fprintf(&b, "R%d,%s,%d,Agree,Speed,x,%s\n", id, g.team, 1+id%5, txt)
		}
	}
	return b.String()
}

func scoreThemes(t *testing.T, r *Rubric, csv string, opt Options) *Result {
	t.Helper()
	return scoreMeasure(t, r, "a.csv", []byte(csv), opt)
}

type themeGroupSpec = struct {
	team    string
	n, c    int
	comment string
}

// TestThemeThreshold: with 9 comments no count is shown anywhere, with 10
// they are; a group below min_comment_group or suppressed gives no count
// and no quote; the plain and the fast path agree.
func TestThemeThreshold(t *testing.T) {
	r := themeRubric(t, testThemes)
	for _, n := range []int{9, 10} {
		csv := themeCSV([]themeGroupSpec{{"Alpha", 12, n, "the tool is slow"}})
		res := scoreThemes(t, r, csv, Options{Segments: []string{"Team"}})
		shown := res.ThemesInfo != nil && res.ThemesInfo.Shown
		if shown != (n >= 10) {
			t.Errorf("%d comments: shown %v", n, shown)
		}
		for _, th := range res.Themes {
			if (th.Count != nil) != (n >= 10) || (th.Share != nil) != (n >= 10) {
				t.Errorf("%d comments: theme %s count %v share %v", n, th.ID, th.Count, th.Share)
			}
			if n < 10 && (len(th.Segments) > 0 || th.Dimension != nil) {
				t.Errorf("%d comments: theme %s shows %+v", n, th.ID, th)
			}
		}
		if n == 10 && (*res.Themes[2].Count != 10 || *res.Themes[0].Count != 0) {
			t.Errorf("10 comments: counts %d, %d; want 0 jobs, 10 tools", *res.Themes[0].Count, *res.Themes[2].Count)
		}
		// min_comment_group moves the threshold.
		res = scoreThemes(t, r, csv, Options{Segments: []string{"Team"}, MinCommentGroup: n})
		if !res.ThemesInfo.Shown {
			t.Errorf("%d comments, min_comment_group %d: not shown", n, n)
		}
	}

	// Alpha: 20 comments about tools; Beta: 4 respondents (suppressed),
	// each writing about jobs; Gamma: 9 comments about training, fewer
	// than the threshold; Delta: 12 comments about tools; Eps, 2
	// respondents, suppressed with Beta, so that Gamma is shown.
	csv := themeCSV([]themeGroupSpec{
		{"Alpha", 20, 20, "the tool"}, {"Beta", 4, 4, "redundancy fears, replaced, job"},
		{"Gamma", 9, 9, "training"}, {"Delta", 14, 12, "tool"}, {"Eps", 2, 0, ""},
	})
	for _, plain := range []bool{true, false} {
		res := scoreThemes(t, r, csv, Options{Segments: []string{"Team"}, Comments: true, PlainOnly: plain})
		if !res.ThemesInfo.Shown || *res.Themes[0].Count != 4 || *res.Themes[1].Count != 9 || *res.Themes[2].Count != 32 {
			t.Fatalf("overall counts wrong: %+v", res.Themes)
		}
		for _, th := range res.Themes {
			for _, sg := range th.Segments {
				if sg.Value != "Alpha" && sg.Value != "Delta" {
					t.Errorf("theme %s shows group %s", th.ID, sg.Value)
				}
			}
			for _, q := range th.Quotes {
				if strings.Contains(q.Text, "redundancy") || strings.Contains(q.Text, "training") {
					t.Errorf("theme %s quotes %q, from a suppressed or too small group", th.ID, q.Text)
				}
			}
		}
		if len(res.Themes[2].Quotes) != 3 || len(res.Themes[0].Quotes) != 0 || len(res.Themes[1].Quotes) != 0 {
			t.Errorf("quotes %d, %d, %d; want 0, 0, 3", len(res.Themes[0].Quotes), len(res.Themes[1].Quotes), len(res.Themes[2].Quotes))
		}
		// Shortest first, ties by text: "tool (0)", "tool (1)", "tool (10)".
		if q := res.Themes[2].Quotes; len(q) == 3 && (q[0].Text != "tool (0)" || q[1].Text != "tool (1)" || q[2].Text != "tool (2)") {
			t.Errorf("quotes %v", q)
		}
		var gamma *ThemeGroup
		for i, g := range res.ThemesInfo.Groups {
			if g.Value == "Beta" {
				t.Error("a suppressed group is listed")
			}
			if g.Value == "Gamma" {
				gamma = &res.ThemesInfo.Groups[i]
			}
		}
		if gamma == nil || gamma.Why != "few" || gamma.Comments != 0 {
			t.Errorf("Gamma: %+v, want hidden as few", gamma)
		}
	}

	// Without comments, counts still; no quotes.
	res := scoreThemes(t, r, csv, Options{Segments: []string{"Team"}})
	if *res.Themes[2].Count != 32 || len(res.Themes[2].Quotes) != 0 || res.Comments != nil {
		t.Errorf("without comments: count %d, quotes %v", *res.Themes[2].Count, res.Themes[2].Quotes)
	}
}

// TestThemeComplementary: the comments of the groups not shown add up to
// fewer than the threshold, so one more group is hidden: no count can be
// worked out by subtraction.
func TestThemeComplementary(t *testing.T) {
	r := themeRubric(t, testThemes)
	csv := themeCSV([]themeGroupSpec{{"Alpha", 20, 20, "tool"}, {"Beta", 15, 11, "job"}, {"Gamma", 8, 3, "training"}})
	res := scoreThemes(t, r, csv, Options{Segments: []string{"Team"}})
	why := map[string]string{}
	for _, g := range res.ThemesInfo.Groups {
		why[g.Value] = g.Why
	}
	if why["Gamma"] != "few" || why["Beta"] != "complementary" || why["Alpha"] != "" {
		t.Errorf("why %v; want Gamma few, Beta complementary", why)
	}
	for _, th := range res.Themes {
		if len(th.Segments) != 1 || th.Segments[0].Value != "Alpha" {
			t.Errorf("theme %s: segments %+v, want Alpha only", th.ID, th.Segments)
		}
	}
}

// TestThemeDimension: those who write about jobs score lower on a than
// the others.
func TestThemeDimension(t *testing.T) {
	r := themeRubric(t, testThemes)
	var b strings.Builder
	b.WriteString("Respondent,Team,a1,a2,b1,b2,t\n")
	for i := range 30 {
		a1, txt := 5, "training"
		if i%3 == 0 {
			a1, txt = 1, "my job"
		}
		fmt.Fprintf(&b, "R%d,T,%d,Disagree,Speed,x,%s\n", i, a1, txt)
	}
	res := scoreThemes(t, r, b.String(), Options{})
	if d := res.Themes[0].Dimension; d == nil || *d != "a" {
		t.Errorf("jobs relates to %v, want a", d)
	}
	if d := res.Themes[1].Dimension; d != nil {
		t.Errorf("training relates to %v, want none (its writers score higher)", *d)
	}
	if d := res.Themes[2].Dimension; d != nil {
		t.Errorf("tools, never written about, relates to %v", *d)
	}
}

func FuzzThemeMatch(f *testing.F) {
	for _, s := range [][2]string{{"job", "my job"}, {"Arbeitsplatz*", "Arbeitsplätze"}, {"Straße", "STRASSE"}, {"é*", "e\u0301"}, {"a*b", "ab"}, {"*", ""}, {"ǅ*", "ǆx"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, stem, text string) {
		doc := fmt.Sprintf("[[theme]]\nid = \"x\"\ntitle = \"X\"\nwords = [%q]\n", stem)
		data, err := os.ReadFile("testdata/rubrics/small.toml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := LoadRubric("r.toml", append(data, "\n"+doc...))
		got := []string(nil)
		if err == nil {
			got = MatchThemes(r, text)
			// A valid stem matches itself, alone or among other words.
			stem := r.Themes[0].Words[0] // as TOML read it
			body := strings.TrimSuffix(stem, "*")
			if len(MatchThemes(r, body)) != 1 || len(MatchThemes(r, text+" "+body+" ")) != 1 {
				t.Errorf("stem %q does not match itself", stem)
			}
			if strings.HasSuffix(stem, "*") && len(MatchThemes(r, body+"x")) != 1 {
				t.Errorf("stem %q does not match %q", stem, body+"x")
			}
		} else {
			got = MatchThemes(themeRubric(t, ""), text)
		}
		if len(got) > 1 {
			t.Errorf("%d themes of one", len(got))
		}
	})
}
