package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/templates"
)

// TestInitExplainsEveryKey checks the assessment.toml that init writes:
// it loads as a project, every key of the project format is in it (set,
// or commented out as an example), and every key has a comment above it
// or beside it.
func TestInitExplainsEveryKey(t *testing.T) {
	r, err := rubrics.Load(rubrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	text, err := projectFile("assessment.toml", `Acme "Q": AI readiness`, "Acme \"Q\"\t", time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC), "people-first", r)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assess.LoadProject("assessment.toml", []byte(text))
	if err != nil {
		t.Fatalf("init's assessment.toml does not load: %v", err)
	}
	if p.Client != "Acme \"Q\"\t" || p.Title != `Acme "Q": AI readiness` || p.Rubric != "people-first" || p.Out != "out" {
		t.Errorf("settings not as given: %+v", p)
	}
	keyRE := regexp.MustCompile(`^(?:# )?("[^"]*"|[a-z_]+) = `)
	lines := strings.Split(text, "\n")
	seen := map[string]bool{}
	for i, ln := range lines {
		m := keyRE.FindStringSubmatch(ln)
		if m == nil {
			continue
		}
		seen[m[1]] = true
		// The comment is beside the key, or above it: above the run of
		// keys, examples and table headers that the key belongs to.
		commented := strings.Contains(ln[len(m[0]):], " # ")
		for j := i - 1; !commented && j >= 0 && lines[j] != ""; j-- {
			l := lines[j]
			example := keyRE.MatchString(l) || strings.HasPrefix(strings.TrimPrefix(l, "# "), "[") ||
				strings.HasPrefix(l, `# """`) || strings.HasPrefix(l, "# Markdown")
			commented = strings.HasPrefix(l, "#") && !example
		}
		if !commented {
			t.Errorf("line %d %q: no comment explains it", i+1, ln)
		}
	}
	for _, key := range []string{"title", "client", "date", "rubric", "inputs", "segments", "min_group_size", "comments",
		"previous", "history", "out", "consultancy", "logo", "color", "dimension", "body", "recommendation", "action", "reason"} {
		if !seen[key] {
			t.Errorf("key %q is not in init's assessment.toml", key)
		}
	}
	for _, table := range []string{"[brand]", "[columns]", "[values]", "# [[note]]", "# [[override]]"} {
		if !strings.Contains(text, "\n"+table+"\n") {
			t.Errorf("%s is not in init's assessment.toml", table)
		}
	}
}

// TestRubricNewValidates keeps 'aiready rubric new' a rubric that loads.
func TestRubricNewValidates(t *testing.T) {
	r, err := assess.LoadRubric("new.toml", []byte(templates.NewRubric))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Dimensions) < 2 || len(r.Flags) < 1 || len(r.Recommendations) < 2 {
		t.Errorf("rubric new should show every part: %d dimensions, %d flags, %d recommendations", len(r.Dimensions), len(r.Flags), len(r.Recommendations))
	}
}
