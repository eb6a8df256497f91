package main

// Shared by the tests of `aiready questionnaire --format google|xlsform|qsf`
// (issue 22): a crafted round of respondents for a rubric's survey, and the
// figures results.json must hold for them, computed here from the
// contract's formulas, not by aiready. Each format's test writes the
// people's answers as that tool's export lays them out, scores it with
// `aiready score` and calls checkSurveyFigures.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/survey"
)

// surveyPerson is one respondent's answers.
type surveyPerson struct {
	// Seg holds the value chosen per segment attribute ("" left blank).
	Seg map[string]string
	// Pick is, per rubric question (by Index), the index into the
	// question's Answers() of a scale or choice answer (a skip answer
	// too), or of a multi question's skip answer; -1 left blank.
	Pick []int
	// Multi is, per multi question (by Index), the chosen option
	// indexes in rubric order; nil when Pick says skip or blank.
	Multi [][]int
	// Text is, per text question (by Index), the words written ("" none).
	Text []string
}

// craftSurveyPeople makes n respondents with every kind of answer: each
// label and option, skip answers, blanks, multi answers of one and of
// several options, and segment values (a segment without values gets
// "Group A".."Group C" typed in). The same seed gives the same people.
func craftSurveyPeople(r *assess.Rubric, segs []survey.SegmentSpec, n int, seed uint64) []surveyPerson {
	rng := rand.New(rand.NewPCG(seed, 22))
	people := make([]surveyPerson, n)
	for i := range people {
		p := surveyPerson{Seg: map[string]string{}, Pick: make([]int, len(r.Questions)), Multi: make([][]int, len(r.Questions)), Text: make([]string, len(r.Questions))}
		for _, s := range segs {
			vals := s.Values
			if len(vals) == 0 {
				vals = []string{"Group A", "Group B", "Group C"}
			}
			p.Seg[s.Attribute] = vals[(i+rng.IntN(2))%len(vals)]
		}
		for _, q := range r.Questions {
			p.Pick[q.Index] = -1
			labels, skip := q.Answers()
			roll := rng.IntN(20)
			switch {
			case q.Type == assess.TypeText:
				if roll < 8 {
					p.Text[q.Index] = fmt.Sprintf("Comment %d, with a comma and \"quotes\"", i+1)
				}
			case roll == 0: // left blank
			case roll == 1 && slices.Contains(skip, true): // a skip answer
				k := slices.Index(skip, true)
				p.Pick[q.Index] = k + rng.IntN(len(skip)-k)
			case q.Type == assess.TypeMulti:
				var chosen []int
				for j := range q.Options {
					if rng.IntN(3) == 0 {
						chosen = append(chosen, j)
					}
				}
				if len(chosen) == 0 {
					chosen = []int{rng.IntN(len(q.Options))}
				}
				p.Multi[q.Index] = chosen
			default:
				k := slices.Index(skip, true)
				if k < 0 {
					k = len(labels)
				}
				// every label in turn, then at random
				p.Pick[q.Index] = (i + rng.IntN(k)) % k
			}
		}
		people[i] = p
	}
	return people
}

// scoreSurvey runs `aiready score --format json -r RUBRIC extra... FILE`
// (scoreJSON) and decodes what checkSurveyFigures reads.
func scoreSurvey(t *testing.T, file, rubric string, extra ...string) surveyResults {
	t.Helper()
	_, stdout, _ := scoreJSON(t, file, rubric, extra...)
	var res surveyResults
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// surveyResults is the part of results.json checkSurveyFigures reads.
type surveyResults struct {
	exportResults
	Dimensions []struct {
		ID    string   `json:"id"`
		Score *float64 `json:"score"`
		N     int      `json:"n"`
	} `json:"dimensions"`
}

// checkSurveyFigures checks that results.json holds exactly the figures of
// people: every question answered somewhere, no column left to map (the
// columns matched to nothing are exactly the tool's own, toolColumns: its
// time stamps, ids and status, which results.json lists as unmatched), no
// invalid cell, each question's n, mean value and counts, each
// dimension's score and n, and each segment group's n.
func checkSurveyFigures(t *testing.T, name string, r *assess.Rubric, people []surveyPerson, res surveyResults, toolColumns ...string) {
	t.Helper()
	checkRespondents(t, name, res.exportResults, len(people))
	checkUnanswered(t, name, res.exportResults)
	if got, want := slices.Sorted(slices.Values(res.DataQuality.UnmatchedColumns)), slices.Sorted(slices.Values(toolColumns)); !slices.Equal(got, want) {
		t.Errorf("%s: columns matched to nothing: %q, want the tool's own %q", name, got, want)
	}
	if res.DataQuality.InvalidCells != 0 {
		t.Errorf("%s: %d invalid cells, want none", name, res.DataQuality.InvalidCells)
	}
	// Per question: the answers' values v in [0, 1], as the contract
	// defines them, and the counts by point or label.
	values := make([][]float64, len(people)) // person → question → v (NaN: missing)
	for i := range values {
		values[i] = make([]float64, len(r.Questions))
	}
	for _, q := range r.Questions {
		if !q.Scored() {
			continue
		}
		w := want{counts: map[string]int{}}
		labels, _ := q.Answers()
		sum := 0.0
		for i, p := range people {
			v := math.NaN()
			switch {
			case q.Type == assess.TypeMulti && p.Multi[q.Index] != nil:
				pos, got := 0.0, 0.0
				for _, o := range q.Options {
					pos += max(o.Points, 0)
				}
				for _, j := range p.Multi[q.Index] {
					got += q.Options[j].Points
					w.counts[q.Options[j].Label]++
				}
				v = min(max(got/pos, 0), 1)
			case q.Type == assess.TypeScale && p.Pick[q.Index] >= 0 && p.Pick[q.Index] < len(q.ScaleDef.Points):
				pts := q.ScaleDef.Points
				k := p.Pick[q.Index]
				v = (pts[k] - pts[0]) / (pts[len(pts)-1] - pts[0])
				w.counts[strconv.FormatFloat(pts[k], 'g', -1, 64)]++
			case q.Type == assess.TypeChoice && p.Pick[q.Index] >= 0 && p.Pick[q.Index] < len(q.Options):
				lo, hi := math.Inf(1), math.Inf(-1)
				for _, o := range q.Options {
					lo, hi = min(lo, o.Points), max(hi, o.Points)
				}
				o := q.Options[p.Pick[q.Index]]
				v = (o.Points - lo) / (hi - lo)
				w.counts[o.Label]++
			}
			_ = labels
			if !math.IsNaN(v) && q.Reverse {
				v = 1 - v
			}
			values[i][q.Index] = v
			if !math.IsNaN(v) {
				w.n++
				sum += v
			}
		}
		if w.n > 0 {
			w.mean = sum / float64(w.n)
		}
		checkQuestion(t, name, res.exportResults, q.ID, w)
	}
	// Per dimension: each person's score over the answered weight, kept
	// when it reaches min_answered of the dimension's weight; the mean.
	for _, d := range r.Dimensions {
		var sum float64
		n := 0
		for i := range people {
			var sw, swv, total float64
			for _, q := range d.Questions {
				if !q.Scored() {
					continue
				}
				total += q.Weight
				if v := values[i][q.Index]; !math.IsNaN(v) {
					sw += q.Weight
					swv += q.Weight * v
				}
			}
			if sw == 0 || sw < r.MinAnswered*total {
				continue
			}
			sum += 100 * swv / sw
			n++
		}
		j := slices.IndexFunc(res.Dimensions, func(x struct {
			ID    string   `json:"id"`
			Score *float64 `json:"score"`
			N     int      `json:"n"`
		}) bool {
			return x.ID == d.ID
		})
		if j < 0 {
			t.Errorf("%s: dimension %q is not in results.json", name, d.ID)
			continue
		}
		got := res.Dimensions[j]
		if got.Score == nil {
			t.Errorf("%s: dimension %q: score null, want %.12g (n %d)", name, d.ID, sum/float64(n), n)
		} else if got.N != n || math.Abs(*got.Score-sum/float64(n)) > 1e-9 {
			t.Errorf("%s: dimension %q: score %.12g n %d, want %.12g n %d", name, d.ID, *got.Score, got.N, sum/float64(n), n)
		}
	}
	// Per segment group: its n (a suppressed group too).
	groups := map[[2]string]int{}
	for _, p := range people {
		for a, v := range p.Seg {
			if v != "" {
				groups[[2]string{a, v}]++
			}
		}
	}
	for _, s := range res.Segments {
		k := [2]string{s.Attribute, s.Value}
		if groups[k] != s.N {
			t.Errorf("%s: segment %s = %s: n %d, want %d", name, s.Attribute, s.Value, s.N, groups[k])
		}
		delete(groups, k)
	}
	for k, n := range groups {
		t.Errorf("%s: segment %s = %s (n %d) is not in results.json", name, k[0], k[1], n)
	}
}

// TestSurveyPeoplePlainCSV checks the checker: the crafted people written
// as a plain table (ids over labels, a multi answer's labels joined by
// ";") score to the figures checkSurveyFigures computes, in both built-in
// languages.
func TestSurveyPeoplePlainCSV(t *testing.T) {
	for _, rubric := range []string{"people-first", "people-first-de"} {
		t.Run(rubric, func(t *testing.T) {
			r := loadBuiltin(t, rubric)
			segs := []survey.SegmentSpec{{Attribute: "Role", Values: []string{"Executive", "Manager", "Frontline staff"}}, {Attribute: "Team"}}
			people := craftSurveyPeople(r, segs, 60, 1)
			var b strings.Builder
			cw := csv.NewWriter(&b)
			head := []string{"Role", "Team"}
			for _, q := range r.Questions {
				head = append(head, q.ID)
			}
			_ = cw.Write(head)
			for _, p := range people {
				row := []string{p.Seg["Role"], p.Seg["Team"]}
				for _, q := range r.Questions {
					labels, _ := q.Answers()
					var cell string
					switch {
					case q.Type == assess.TypeText:
						cell = p.Text[q.Index]
					case p.Multi[q.Index] != nil:
						var ls []string
						for _, j := range p.Multi[q.Index] {
							ls = append(ls, labels[j])
						}
						cell = strings.Join(ls, ";")
					case p.Pick[q.Index] >= 0:
						cell = labels[p.Pick[q.Index]]
					}
					row = append(row, cell)
				}
				_ = cw.Write(row)
			}
			cw.Flush()
			file := filepath.Join(t.TempDir(), "plain.csv")
			if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			res := scoreSurvey(t, file, rubric, "--segment", "Role", "--segment", "Team", "--allow-small-groups")
			checkSurveyFigures(t, "plain.csv", r, people, res)
		})
	}
}

func loadBuiltin(t *testing.T, name string) *assess.Rubric {
	t.Helper()
	r, err := rubrics.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
