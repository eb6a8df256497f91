package assess

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func layoutsRubric(t testing.TB) *Rubric {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(layoutsDir, "rubric.toml"))
	if err != nil {
		t.Fatal(err)
	}
	rb, err := LoadRubric("rubric.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// scoreLayoutFile scores one fixture with its map file, if it has one.
func scoreLayoutFile(t *testing.T, rb *Rubric, file string, opt ReadOptions) (*Result, Source) {
	t.Helper()
	if data, err := os.ReadFile(strings.TrimSuffix(file, filepath.Ext(file)) + ".map.toml"); err == nil {
		m, err := LoadMap("map.toml", data)
		if err != nil {
			t.Fatal(err)
		}
		opt = m.With(opt)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := OpenAnswers(filepath.Base(file), f, rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	s := NewScorer(rb, Options{Segments: []string{"Team"}, MinGroupSize: 3, Comments: true})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	return res, src
}

// comparable drops what rightly differs between layouts of the same
// answers: the names of the columns not used, and the positions of the
// invalid cells (their number must still agree).
func comparable(t *testing.T, r *Result) (*Result, []byte) {
	c := *r
	c.DataQuality.UnmatchedColumns = nil
	c.DataQuality.NotResponses = nil // checked apart, against the source's count
	c.DataQuality.Invalid = nil
	js, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return &c, js
}

// The same twelve respondents, exported by each tool, score exactly as
// their plain CSV: every figure, level, flag, segment, comment and count.
func TestLayoutsScoreAlike(t *testing.T) {
	rb := layoutsRubric(t)
	want, _ := scoreLayoutFile(t, rb, filepath.Join(layoutsDir, "plain.csv"), ReadOptions{})
	wantR, wantJS := comparable(t, want)
	if want.Respondents != 12 || want.DataQuality.InvalidCells != 1 || len(want.Comments) != 5 || !want.Flags[0].Raised {
		t.Fatalf("the reference is not what the fixtures say: %d respondents, %d invalid, %d comments, flags %+v",
			want.Respondents, want.DataQuality.InvalidCells, len(want.Comments), want.Flags)
	}
	for _, tc := range []struct {
		file, layout string
		excluded     map[string]int
	}{
		{"google-forms.csv", LayoutGoogleForms, nil},
		{"microsoft-forms.xlsx", LayoutMicrosoftForms, nil},
		{"microsoft-forms.csv", LayoutMicrosoftForms, nil},
		{"surveymonkey.csv", LayoutSurveyMonkey, nil},
		{"surveymonkey.xlsx", LayoutSurveyMonkey, nil},
		{"qualtrics.csv", LayoutQualtrics, map[string]int{ExcludedPreview: 1, ExcludedSpam: 1}},
		{"qualtrics-legacy.csv", LayoutQualtrics, map[string]int{ExcludedPreview: 1}},
		{"typeform.csv", LayoutTypeform, nil},
		{"limesurvey-semicolon.csv", LayoutLimeSurvey, nil},
		{"limesurvey-comma.csv", LayoutLimeSurvey, nil},
		{"long.csv", LayoutLong, nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			for _, forced := range []string{"", tc.layout} {
				got, src := scoreLayoutFile(t, rb, filepath.Join(layoutsDir, tc.file), ReadOptions{Format: forced})
				if l := LayoutOf(src); l != tc.layout {
					t.Errorf("format %q: layout %q, want %q", forced, l, tc.layout)
				}
				gotR, gotJS := comparable(t, got)
				if !bytes.Equal(gotJS, wantJS) {
					t.Errorf("format %q: results.json differs from plain.csv's:\n%s", forced, diffLines(string(wantJS), string(gotJS)))
				} else if !reflect.DeepEqual(gotR, wantR) {
					t.Errorf("format %q: the Result differs from plain.csv's beyond results.json:\ngot  %+v\nwant %+v", forced, gotR, wantR)
				}
				ex := src.(Excluder).Excluded()
				if !reflect.DeepEqual(got.DataQuality.NotResponses, ex) && len(ex) > 0 {
					t.Errorf("format %q: data_quality.not_responses %v, the source left out %v", forced, got.DataQuality.NotResponses, ex)
				}
				if len(ex) != len(tc.excluded) || !reflect.DeepEqual(ex, tc.excluded) && len(tc.excluded) > 0 {
					t.Errorf("format %q: excluded %v, want %v", forced, ex, tc.excluded)
				}
				// No personal data reaches the result.
				all, _ := json.Marshal(got)
				for _, c := range got.Comments {
					all = append(all, c.Text...)
				}
				for _, leak := range []string{"@example.com", "anonymous", "Anonymous", "192.0.2.", "R_2YPOQ", "1180000", "k3x9v0q2"} {
					if bytes.Contains(all, []byte(leak)) {
						t.Errorf("format %q: %q reached the result", forced, leak)
					}
				}
			}
		})
	}
}

// diffLines shows the lines of b that differ from a, for short documents.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "-"+x, "+"+y)
		}
		if len(out) > 40 {
			break
		}
	}
	return strings.Join(out, "\n")
}
