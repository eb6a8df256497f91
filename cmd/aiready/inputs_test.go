package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepeatedIDsCounted writes two exports in which some rows repeat an
// id of an earlier row, of the same file or the first, counts the repeats
// itself, and expects score to find the same: the count in results.json,
// the first ten warnings with both places and then the rest as a number,
// and under --strict the first repeat as the error. The files are long
// enough to take the fast path's parallel chunks.
func TestRepeatedIDsCounted(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(14, 7))
	type place struct {
		file string
		line int
	}
	first := map[string]place{}
	var want []string // the warnings, in input order
	var files []string
	for f, rows := range []int{30000, 20000} {
		name := filepath.Join(dir, fmt.Sprintf("part%d.csv", f+1))
		var b bytes.Buffer
		b.WriteString("Respondent ID,Role,s02,s03\n")
		for i := range rows {
			line := i + 2
			id := fmt.Sprintf("P%d-%d", f, i)
			switch rng.IntN(500) {
			case 0: // an id met before, in this file or the first
				keys := []string{fmt.Sprintf("P0-%d", rng.IntN(30000)), fmt.Sprintf("P%d-%d", f, rng.IntN(max(i, 1)))}
				id = keys[rng.IntN(2)]
			case 1: // no id: never a repeat
				id = ""
			}
			fmt.Fprintf(&b, "%s,%s,%d,%d\n", id, []string{"Lead", "Staff"}[rng.IntN(2)], 1+rng.IntN(5), 1+rng.IntN(5))
			if id == "" {
				continue
			}
			if p, ok := first[id]; ok {
				want = append(want, fmt.Sprintf("aiready: %s:%d:1: warning: this row has the same respondent id as %s:%d (exported twice?); both are counted", name, line, p.file, p.line))
			} else {
				first[id] = place{name, line}
			}
		}
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	if len(want) < 20 {
		t.Fatalf("only %d repeats drawn", len(want))
	}
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"score", "--format", "json"}, files...), nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var res struct {
		Rows        int `json:"respondents"`
		DataQuality struct {
			RepeatedIDs int `json:"repeated_ids"`
		} `json:"data_quality"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.DataQuality.RepeatedIDs != len(want) || res.Rows != 50000 {
		t.Errorf("repeated_ids %d, respondents %d; want %d, 50000", res.DataQuality.RepeatedIDs, res.Rows, len(want))
	}
	wantErr := strings.Join(want[:10], "\n") + "\n" +
		fmt.Sprintf("aiready: warning: %d more rows repeat an earlier row's respondent id, all counted (--strict makes them errors)\n", len(want)-10)
	// The files answer a few questions only: leave out the warnings that
	// name the others.
	var got strings.Builder
	for l := range strings.Lines(stderr.String()) {
		if !strings.Contains(l, "no column answers") {
			got.WriteString(l)
		}
	}
	if got.String() != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", got.String(), wantErr)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(append([]string{"score", "--strict"}, files...), nil, &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("--strict: exit %d, stdout %q", code, stdout.String())
	}
	strict := strings.Replace(strings.TrimSuffix(want[0], "; both are counted"), "warning: ", "", 1) + "; give each respondent once, or score without --strict to count both\n"
	if stderr.String() != strict {
		t.Errorf("--strict: %s\nwant %s", stderr.String(), strict)
	}
}
