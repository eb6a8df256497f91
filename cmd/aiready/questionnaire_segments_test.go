package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/survey"
)

// TestSegmentSpecs: a segment's values come from --segment-values, else
// the project's [population.ATTR] in the file's order, else an earlier
// export (distinct, sorted, spelt as first seen), else none.
func TestSegmentSpecs(t *testing.T) {
	dir := t.TempDir()
	project := `title = "T"
rubric = "people-first"
inputs = ["answers.csv"]
segments = ["Role", "Team", "Site"]
[population]
total = 400
[population.Role]
"Frontline staff" = 300
"Executive" = 20
"Manager" = 80
`
	if err := os.WriteFile(filepath.Join(dir, "assessment.toml"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "last-year.csv")
	if err := os.WriteFile(export, []byte("Role,Team,Site,s01\nX,Sales,Oslo,\nY,support ,Bergen,\nZ,Support,,\nZ,Billing,Oslo,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pr, err := assess.OpenProject(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := loadBuiltin(t, "people-first")
	got, err := segmentSpecs(r, pr, []string{"Role", "Team", "Site"}, map[string][]string{"site": {"Oslo", "Remote"}}, export)
	if err != nil {
		t.Fatal(err)
	}
	want := []survey.SegmentSpec{
		{Attribute: "Role", Values: []string{"Frontline staff", "Executive", "Manager"}},
		{Attribute: "Team", Values: []string{"Billing", "Sales", "support"}},
		{Attribute: "Site", Values: []string{"Oslo", "Remote"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("segmentSpecs:\n got %q\nwant %q", got, want)
	}
	// Without a project or a file: no values (asked as text).
	got, err = segmentSpecs(r, nil, []string{"Team"}, nil, "")
	if err != nil || len(got) != 1 || got[0].Values != nil {
		t.Errorf("no values: %q, %v", got, err)
	}
	// An attribute the export lacks is an error naming the file.
	if _, err := segmentSpecs(r, nil, []string{"Region"}, nil, export); err == nil || !strings.Contains(err.Error(), `last-year.csv: has no column "Region"`) {
		t.Errorf("missing attribute: %v", err)
	}
}

// TestQuestionnaireFormatUsage: the command's usage errors.
func TestQuestionnaireFormatUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"questionnaire", "--format", "pdf"}, `unknown --format "pdf": use html, google, xlsform, qsf`},
		{[]string{"questionnaire", "--format", "google", "--segment-values", "Role"}, `--segment-values "Role": write ATTRIBUTE=VALUE,VALUE,...`},
		{[]string{"questionnaire", "--format", "google", "--segment-values", "Role= , "}, `no values after the =`},
		{[]string{"questionnaire", "--format", "google", "--segment-values", "Role=A", "--segment-values", "role=B"}, `"role" is given twice`},
		{[]string{"questionnaire", "--format", "qsf", "--segment-values-from", "x.csv"}, `needs the segments to take`},
		{[]string{"questionnaire", "--format", "qsf", "--segment", "Role", "--segment", " role"}, `--segment " role" is given twice`},
		{[]string{"questionnaire", "--format", "qsf", "--lang", "xx", "-o", filepath.Join(dir, "q.qsf")}, `--lang: no translation for this language: "xx"`},
		{[]string{"questionnaire", "nothere"}, `"nothere" is not a project`},
	} {
		code, _, stderr := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestSplitValues(t *testing.T) {
	for in, want := range map[string][]string{
		`Sales, North,Marketing`:  {"Sales", " North", "Marketing"},
		`Sales\, North,Marketing`: {"Sales, North", "Marketing"},
		`a\\,b`:                   {`a\`, "b"},
		`a\b,c\`:                  {`a\b`, `c\`},
		`one`:                     {"one"},
	} {
		if got := splitValues(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitValues(%q) = %q, want %q", in, got, want)
		}
	}
}
