package rubrics

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
)

// shape is everything of a rubric that scoring depends on, with labels
// replaced by their positions: two translations of one rubric have the
// same shape, so their results compare.
func shape(t *testing.T, r *assess.Rubric) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintln(&b, r.Format, r.Version, r.Target, r.MinAnswered)
	for _, s := range r.Scales {
		fmt.Fprintln(&b, "scale", s.ID, s.Points, len(s.Labels), len(s.Skip))
	}
	for _, d := range r.Dimensions {
		fmt.Fprintln(&b, "dim", d.ID, d.Weight)
	}
	for _, q := range r.Questions {
		var pts []float64
		for _, o := range q.Options {
			pts = append(pts, o.Points)
		}
		fmt.Fprintln(&b, "q", q.ID, q.Dimension, q.Type, q.Scale, q.Weight, q.Reverse, pts, len(q.Skip), len(q.Aliases))
	}
	for _, l := range r.Levels {
		fmt.Fprintln(&b, "level", l.ID, l.Min)
	}
	for _, rc := range r.Recommendations {
		fmt.Fprintln(&b, "rec", rc.ID, rc.Dimension, rc.Levels, rc.Flag, rc.Horizon, view(rc.Body))
	}
	for _, f := range r.Flags {
		fmt.Fprintln(&b, "flag", f.ID, f.Severity, f.Share, f.Caps)
		for _, c := range f.When {
			var is []int
			for _, lb := range c.Is {
				is = append(is, slices.IndexFunc(r.Question(c.Question).Options, func(o assess.Option) bool { return o.Label == lb }))
			}
			fmt.Fprintln(&b, " when", c.Question, c.Dimension, is, ptr(c.Min), ptr(c.Max))
		}
	}
	return b.String()
}

// view says whether a body has a first step, which the plan shows apart.
func view(body string) bool {
	return strings.Contains(body, "**First step:**") || strings.Contains(body, "**Erster Schritt:**")
}

func ptr(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// TestGermanRubricMatchesEnglish: people-first-de is people-first
// translated: the same ids, weights, points, levels, recommendations and
// red flags, so that a German assessment compares with an English one.
func TestGermanRubricMatchesEnglish(t *testing.T) {
	en, err := Load("people-first")
	if err != nil {
		t.Fatal(err)
	}
	de, err := Load("people-first-de")
	if err != nil {
		t.Fatal(err)
	}
	if de.Language != "de" || de.ID != "people-first-de" {
		t.Errorf("language %q, id %q", de.Language, de.ID)
	}
	if a, b := shape(t, en), shape(t, de); a != b {
		t.Errorf("the German rubric differs from the English one in shape:\n%s\nvs\n%s", a, b)
	}
	// Every text is translated: no title, question or label is left in English.
	for i, q := range en.Questions {
		if de.Questions[i].Text == q.Text {
			t.Errorf("question %s is not translated", q.ID)
		}
		for j, o := range q.Options {
			if de.Questions[i].Options[j].Label == o.Label {
				t.Errorf("question %s option %q is not translated", q.ID, o.Label)
			}
		}
	}
	for i, s := range en.Scales {
		for j, l := range s.Labels {
			if de.Scales[i].Labels[j] == l {
				t.Errorf("scale %s label %q is not translated", s.ID, l)
			}
		}
	}
	for i, l := range en.Levels {
		if de.Levels[i].Title == l.Title || de.Levels[i].Description == l.Description {
			t.Errorf("level %s is not translated", l.ID)
		}
	}
	for i, rc := range en.Recommendations {
		if de.Recommendations[i].Title == rc.Title || de.Recommendations[i].Body == rc.Body {
			t.Errorf("recommendation %s is not translated", rc.ID)
		}
	}
}

// germanDemo is the demo answers with every answer in its German label,
// found by its position in the English rubric.
func germanDemo(t *testing.T, en, de *assess.Rubric) []byte {
	t.Helper()
	data, err := FS.ReadFile(DemoAnswers)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	translate := func(q, g *assess.Question, cell string) string {
		var from, to []string
		if q.ScaleDef != nil {
			from = append(append(from, q.ScaleDef.Labels...), q.ScaleDef.Skip...)
			to = append(append(to, g.ScaleDef.Labels...), g.ScaleDef.Skip...)
		}
		for i, o := range q.Options {
			from, to = append(from, o.Label), append(to, g.Options[i].Label)
		}
		from, to = append(from, q.Skip...), append(to, g.Skip...)
		parts := []string{cell}
		if q.Type == assess.TypeMulti {
			parts = strings.Split(cell, "; ")
		}
		for i, p := range parts {
			// answers match as the scorer matches them, here enough: case and quotes
			norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }
			if k := slices.IndexFunc(from, func(f string) bool { return norm(f) == norm(p) }); k >= 0 {
				parts[i] = to[k]
			} else if _, err := strconv.ParseFloat(p, 64); err != nil && p != "" && q.Type != assess.TypeText {
				t.Fatalf("%s: answer %q is not in the rubric", q.ID, p)
			}
		}
		return strings.Join(parts, "; ")
	}
	for _, row := range rows[1:] {
		for c, h := range rows[0] {
			if q := en.Question(h); q != nil {
				row[c] = translate(q, de.Question(h), row[c])
			}
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	_ = w.WriteAll(rows)
	return out.Bytes()
}

func score(t *testing.T, r *assess.Rubric, data []byte) *assess.Result {
	t.Helper()
	s := assess.NewScorer(r, assess.Options{Segments: []string{"Role", "Team"}, MinGroupSize: 5})
	src, err := assess.OpenAnswers("demo.csv", bytes.NewReader(data), r, assess.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestGermanAnswersScore: the demo answers, given in German labels, score
// against people-first-de exactly as the English ones do against
// people-first, with nothing invalid.
func TestGermanAnswersScore(t *testing.T) {
	en, _ := Load("people-first")
	de, err := Load("people-first-de")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := FS.ReadFile(DemoAnswers)
	want := score(t, en, data)
	german := germanDemo(t, en, de)
	if bytes.Contains(german, []byte("Strongly agree")) || !bytes.Contains(german, []byte("Stimme voll und ganz zu")) {
		t.Fatal("the answers were not translated")
	}
	got := score(t, de, german)
	if got.DataQuality.InvalidCells != 0 || want.DataQuality.InvalidCells != 0 {
		t.Errorf("invalid cells: German %d, English %d", got.DataQuality.InvalidCells, want.DataQuality.InvalidCells)
	}
	if got.Respondents != want.Respondents || got.Respondents == 0 {
		t.Errorf("respondents %d, want %d", got.Respondents, want.Respondents)
	}
	if !reflect.DeepEqual(got.Overall, want.Overall) {
		t.Errorf("overall %+v, want %+v", got.Overall, want.Overall)
	}
	if !reflect.DeepEqual(got.Dimensions, want.Dimensions) {
		t.Errorf("dimensions differ:\n%+v\n%+v", got.Dimensions, want.Dimensions)
	}
	if !reflect.DeepEqual(got.Flags, want.Flags) {
		t.Errorf("flags differ:\n%+v\n%+v", got.Flags, want.Flags)
	}
	if !reflect.DeepEqual(got.Recommendations, want.Recommendations) {
		t.Errorf("recommendations differ")
	}
	for i := range want.Questions {
		g, w := got.Questions[i], want.Questions[i]
		if !reflect.DeepEqual(g.MeanValue, w.MeanValue) || g.N != w.N || g.Skipped != w.Skipped || len(g.Counts) != len(w.Counts) {
			t.Errorf("question %s: %+v, want %+v", w.ID, g, w)
		}
	}
}
