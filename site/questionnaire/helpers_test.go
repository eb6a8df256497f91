package questionnaire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
)

// answer is one question's answer as the page holds it: Kind 0 missing,
// 's' skip answer I, 'a' answer I, 'm' the options Sel, 't' Text.
type answer struct {
	Kind byte
	I    int
	Sel  []bool
	Text string
}

// MarshalJSON writes the answer as score.js reads it.
func (a answer) MarshalJSON() ([]byte, error) {
	switch a.Kind {
	case 's':
		return json.Marshal(map[string]int{"s": a.I})
	case 'a':
		return json.Marshal(map[string]int{"a": a.I})
	case 'm':
		return json.Marshal(map[string][]bool{"sel": a.Sel})
	case 't':
		return json.Marshal(a.Text)
	}
	return []byte("null"), nil
}

// randomAnswers answers like a hurried person: most questions, some
// skipped, some left out, so that min_answered and unevaluable flags occur.
func randomAnswers(rng *rand.Rand, m *model) []answer {
	out := make([]answer, len(m.Questions))
	for i, q := range m.Questions {
		x := rng.Float64()
		switch {
		case x < 0.12:
			continue
		case x < 0.2 && len(q.Skip) > 0:
			out[i] = answer{Kind: 's', I: rng.IntN(len(q.Skip))}
		case q.Type == "text":
			out[i] = answer{Kind: 't', Text: fmt.Sprintf("Note %d: «quoted» & <b>not bold</b>", rng.IntN(1000))}
		case q.Type == "multi":
			sel, any := make([]bool, len(q.Labels)), false
			for j := range sel {
				sel[j] = rng.Float64() < 0.4
				any = any || sel[j]
			}
			if any {
				out[i] = answer{Kind: 'm', Sel: sel}
			}
		default:
			out[i] = answer{Kind: 'a', I: rng.IntN(len(q.Labels))}
		}
	}
	return out
}

// nativeFile is the answers file the page's "Save my answers" writes for
// these answers (page.js save): labels, never indexes.
func nativeFile(m *model, id string, attrs map[string]string, ans []answer) []byte {
	answers := map[string]any{}
	for i, a := range ans {
		q := m.Questions[i]
		switch a.Kind {
		case 's':
			answers[q.ID] = q.Skip[a.I]
		case 'a':
			answers[q.ID] = q.Labels[a.I]
		case 't':
			answers[q.ID] = a.Text
		case 'm':
			labels := []string{}
			for j, on := range a.Sel {
				if on {
					labels = append(labels, q.Labels[j])
				}
			}
			answers[q.ID] = labels
		}
	}
	if attrs == nil {
		attrs = map[string]string{}
	}
	b, err := json.MarshalIndent(map[string]any{"respondents": []any{map[string]any{"id": id, "attributes": attrs, "answers": answers}}}, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// goScore scores answers files with the Go scorer, as `aiready score` does
// with several files: one Scorer, one source after another.
func goScore(t testing.TB, r *assess.Rubric, opt assess.Options, files ...[]byte) *assess.Result {
	t.Helper()
	s := assess.NewScorer(r, opt)
	for i, f := range files {
		src, err := assess.OpenAnswers(fmt.Sprintf("answers-%d.json", i), bytes.NewReader(f), r, assess.ReadOptions{})
		if err != nil {
			t.Fatalf("answers file %d: %v\n%s", i, err, f)
		}
		if err := s.AddSource(src); err != nil {
			t.Fatalf("answers file %d: %v", i, err)
		}
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if res.DataQuality.InvalidCells != 0 {
		t.Fatalf("the Go scorer found %d invalid answers: %v", res.DataQuality.InvalidCells, res.DataQuality.Invalid)
	}
	return res
}

// outcome is what the page shows of one respondent, in comparable form:
// the same shape from the Go result, from score.js in Node, and from the
// page's DOM in the browser.
type outcome struct {
	Dims    []dimOutcome `json:"dims"`
	Overall dimOutcome   `json:"overall"`
	Capped  string       `json:"cappedBy"`
	Raised  []string     `json:"raised"`
	Recs    []recOutcome `json:"recs"`
}

type dimOutcome struct {
	Score *float64 `json:"score"`
	Level string   `json:"level"`
}

type recOutcome struct {
	ID       string  `json:"id"`
	Priority float64 `json:"priority"`
}

func outcomeOf(res *assess.Result) outcome {
	o := outcome{Overall: dimOutcome{Score: res.Overall.Score, Level: res.Overall.Level}, Capped: res.Overall.CappedBy,
		Raised: []string{}, Recs: []recOutcome{}}
	if res.Overall.Score == nil {
		o.Overall.Level = ""
	}
	for _, d := range res.Dimensions {
		o.Dims = append(o.Dims, dimOutcome{Score: d.Score, Level: d.Level})
	}
	for _, f := range res.Flags {
		if f.Raised {
			o.Raised = append(o.Raised, f.ID)
		}
	}
	for _, rc := range res.Recommendations {
		o.Recs = append(o.Recs, recOutcome{ID: rc.ID, Priority: rc.Priority})
	}
	return o
}

// testRubrics are the rubrics the vectors and the browser use.
var testRubrics = []string{"people-first", "testdata/edge.toml", "testdata/de.toml"}

func loadTestRubric(t testing.TB, name string) *assess.Rubric {
	t.Helper()
	if rubrics.IsBuiltin(name) {
		r, err := rubrics.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := assess.LoadRubric(name, b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// english and german are the questionnaire's messages as the catalogue
// holds them, for tests that look for them on a page.
var english, german = catalogueOf("en"), catalogueOf("de")

func catalogueOf(lang string) map[string]string {
	m, _ := messagesFor(lang)
	return m
}
