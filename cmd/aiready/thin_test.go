package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestThinCommandLine keeps the command line what issue 16 made it: flags
// into assess.Settings, one call, and printing. Its Go (tests aside) stays
// under 2,600 lines, and no file of it reads or scores answers other than
// through the plan (assess.Plan), so that the order of the steps after
// scoring is known in one place.
func TestThinCommandLine(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	scorer := regexp.MustCompile(`\bassess\.(NewScorer|OpenAnswers|ApplyOverrides|Compare)\(|\.AddSource\(|\.Norms\.Apply\(`)
	lines := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines += strings.Count(string(b), "\n")
		for i, l := range strings.Split(string(b), "\n") {
			if scorer.MatchString(l) {
				t.Errorf("%s:%d: scores outside the plan: %s", f, i+1, strings.TrimSpace(l))
			}
		}
	}
	if lines >= 2600 {
		t.Errorf("cmd/aiready holds %d lines of Go besides tests; keep it under 2,600: what is not flags or printing belongs in assess or site", lines)
	}
}
