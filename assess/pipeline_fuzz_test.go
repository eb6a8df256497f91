package assess

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pipelineInput writes a random rubric (from seed) and a CSV of answers to
// it whose every cell is chosen by a byte of data: a label, a point, a
// skip answer, nothing, junk, or the raw bytes themselves.
func pipelineInput(seed uint64, data []byte) (*Rubric, [][]string, int, error) {
	rng := rand.New(rand.NewPCG(seed, 11))
	r, err := LoadRubric("rand.toml", []byte(randomRubric(rng)))
	if err != nil {
		return nil, nil, 0, err
	}
	minGroup := 1 + rng.IntN(6)
	header := []string{"Respondent", "Team"}
	for _, q := range r.Questions {
		header = append(header, q.ID)
	}
	rows := [][]string{header}
	next := func() byte {
		if len(data) == 0 {
			return byte(rng.IntN(256))
		}
		b := data[0]
		data = data[1:]
		return b
	}
	for i, n := 0, int(next()%60); i < n; i++ {
		row := []string{fmt.Sprint("r", i), fmt.Sprint("t", next()%5)}
		for _, q := range r.Questions {
			b := next()
			switch {
			case b < 200:
				row = append(row, randomAnswer(rand.New(rand.NewPCG(uint64(b), seed)), q))
			case b < 230 && len(data) > 0:
				k := min(int(b-199), len(data))
				row = append(row, string(data[:k]))
				data = data[k:]
			default:
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	return r, rows, minGroup, nil
}

// FuzzScorePipeline runs random rubrics and answers through the whole
// pipeline (CSV reading, column matching, scoring, aggregation, flags,
// suppression, plan) and checks what must hold of any result: scores in
// [0, 100], levels agree with scores, caps only lower, suppressed segments
// carry no figure, a lone small group never stands alone.
func FuzzScorePipeline(f *testing.F) {
	for seed := range uint64(20) {
		f.Add(seed, []byte{byte(seed * 13), 3, 200, 7, 250, 1, 2, 3})
	}
	f.Add(uint64(99), []byte("\xff\xfe=1+2;@x,\"\n\r\x00"))
	f.Fuzz(func(t *testing.T, seed uint64, data []byte) {
		r, rows, minGroup, err := pipelineInput(seed, data)
		if err != nil {
			t.Fatalf("random rubric: %v", err)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.WriteAll(rows)
		src, err := OpenAnswers("fuzz.csv", &b, r, ReadOptions{})
		if err != nil {
			if e, ok := err.(*Error); ok && e.Pos.File == "" {
				t.Fatalf("error without a file: %v", err)
			}
			return
		}
		s := NewScorer(r, Options{Segments: []string{"Team"}, MinGroupSize: minGroup})
		if err := s.AddSource(src); err != nil {
			return
		}
		res, err := s.Result()
		if err != nil {
			t.Fatalf("result: %v", err)
		}
		checkInvariants(t, r, res, minGroup)
	})
}

func checkInvariants(t *testing.T, r *Rubric, res *Result, minGroup int) {
	t.Helper()
	inRange := func(what string, v *float64) {
		if v != nil && (math.IsNaN(*v) || *v < 0 || *v > 100) {
			t.Errorf("%s = %v, outside [0, 100]", what, *v)
		}
	}
	levelOf := func(v *float64) string {
		if v == nil {
			return ""
		}
		return r.LevelFor(*v).ID
	}
	order := func(id string) int { return slices.IndexFunc(r.Levels, func(l *Level) bool { return l.ID == id }) }
	inRange("overall", res.Overall.Score)
	if res.Overall.Score != nil {
		if res.Overall.Uncapped != levelOf(res.Overall.Score) {
			t.Errorf("overall %v has level %q uncapped, want %q", *res.Overall.Score, res.Overall.Uncapped, levelOf(res.Overall.Score))
		}
		if order(res.Overall.Level) > order(res.Overall.Uncapped) {
			t.Errorf("a cap raised the level: %q above %q", res.Overall.Level, res.Overall.Uncapped)
		}
		if res.Overall.CappedBy == "" && res.Overall.Level != res.Overall.Uncapped {
			t.Errorf("level %q differs from the score's %q with no cap", res.Overall.Level, res.Overall.Uncapped)
		}
	}
	for _, d := range res.Dimensions {
		inRange("dimension "+d.ID, d.Score)
		if d.Score != nil && d.Level != levelOf(d.Score) {
			t.Errorf("dimension %s: level %q for %v, want %q", d.ID, d.Level, *d.Score, levelOf(d.Score))
		}
	}
	for _, fl := range res.Flags {
		if fl.Share < 0 || fl.Share > 1 || (fl.Raised && fl.Evaluable == 0) {
			t.Errorf("flag %s: share %v raised %v with %d evaluable", fl.ID, fl.Share, fl.Raised, fl.Evaluable)
		}
		if res.Overall.CappedBy == fl.ID && !fl.Raised {
			t.Errorf("capped by flag %s, which is not raised", fl.ID)
		}
	}
	suppressed := map[string]int{}
	values := map[string]int{}
	for _, sg := range res.Segments {
		values[sg.Attribute]++
		if sg.Suppressed {
			suppressed[sg.Attribute]++
			if sg.N != nil || sg.Overall != nil || sg.Dimensions != nil || sg.Questions != nil {
				t.Errorf("suppressed segment %s=%s carries figures", sg.Attribute, sg.Value)
			}
			continue
		}
		if sg.N == nil || *sg.N < minGroup {
			t.Errorf("segment %s=%s shown with n %v below %d", sg.Attribute, sg.Value, sg.N, minGroup)
		}
		if sg.Overall != nil {
			inRange("segment overall", sg.Overall.Score)
		}
		for _, d := range sg.Dimensions {
			inRange("segment dimension", d.Score)
			if d.Score != nil && d.Level != levelOf(d.Score) {
				t.Errorf("segment %s=%s dimension %s: level %q for %v", sg.Attribute, sg.Value, d.ID, d.Level, *d.Score)
			}
		}
	}
	for a, n := range suppressed {
		if n == 1 && values[a] > 1 {
			t.Errorf("attribute %s: exactly one of %d values suppressed; its figures follow from the total", a, values[a])
		}
	}
}

// FuzzXLSXLayout writes fuzzed rows (lines of text, cells split at tabs)
// into a real workbook and reads it back through layout detection and
// column matching: no panic, every error names the file.
func FuzzXLSXLayout(f *testing.F) {
	f.Add("Timestamp\tWe judge each AI rollout first by its effect on customers.\n2026-01-01\tAgree")
	f.Add("Respondent ID\tCollector ID\tq01\n\t\tResponse\n1\t2\tAgree")
	f.Add("ID\tStart time\tCompletion time\tEmail\tName\tq01\n1\tx\ty\tanonymous\t\t3")
	f.Add("respondent\tquestion\tanswer\nr1\tq01\t4\nr1\tq02\t5")
	f.Add("\n\n\tResponse\n")
	rb := layoutsRubricOnce(f)
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		if len(lines) > 40 {
			lines = lines[:40]
		}
		x := excelize.NewFile()
		defer x.Close()
		for i, line := range lines {
			cells := strings.Split(line, "\t")
			if len(cells) > 40 {
				cells = cells[:40]
			}
			for j, c := range cells {
				if c == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if x.SetCellStr("Sheet1", name, c) != nil {
					return // not a string a workbook can hold
				}
			}
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			return
		}
		for _, format := range []string{"xlsx", "surveymonkey", "microsoft-forms", "long"} {
			src, err := OpenAnswers("fuzz.xlsx", bytes.NewReader(buf.Bytes()), rb, ReadOptions{Format: format})
			if err != nil {
				if e, ok := err.(*Error); ok && e.Pos.File != "fuzz.xlsx" {
					t.Fatalf("%s: error names %q: %v", format, e.Pos.File, err)
				}
				continue
			}
			s := NewScorer(rb, Options{})
			_ = s.AddSource(src)
			if res, err := s.Result(); err == nil {
				checkInvariants(t, rb, res, 5)
			}
		}
	})
}
