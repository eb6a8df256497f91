package assess

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Previous compares a result with the last assessment's results.json.
type Previous struct {
	Date         string           `json:"date"`
	OverallDelta *float64         `json:"overall_delta"`
	Dimensions   []DimensionDelta `json:"dimensions"`
	// RubricChanged is set when the rubric's id, version or sha256 differ:
	// then the method changed and no delta is shown as progress.
	RubricChanged bool `json:"rubric_changed"`
	// Segments, Questions and Flags are additions to SPEC's contract
	// (trend_more.go): the change of every group, question and red flag
	// whose earlier figure exists. None when the rubric changed.
	Segments  []SegmentDelta  `json:"segments,omitempty"`
	Questions []QuestionDelta `json:"questions,omitempty"`
	Flags     []FlagChange    `json:"flags,omitempty"`
}

// DimensionDelta is one dimension's change since the last assessment.
type DimensionDelta struct {
	ID    string   `json:"id"`
	Delta *float64 `json:"delta"`
}

// Snapshot is the part of an earlier results.json that trends need.
type Snapshot struct {
	File    string
	Date    string
	Rubric  RubricRef
	Overall *float64
	Dims    map[string]*float64
	Order   []string
	// Segments are the groups shown then (suppressed ones are left out:
	// no change is ever shown for them), Questions the mean answer value
	// of each scored question, Flags each red flag's state (trend_more.go).
	Segments  map[SegmentKey]*SegmentSnap
	Questions map[string]*float64
	Flags     map[string]FlagSnap
}

type snapshotJSON struct {
	Format      *int       `json:"format"`
	Date        string     `json:"date"`
	Rubric      *RubricRef `json:"rubric"`
	Respondents *int       `json:"respondents"`
	Overall     struct {
		Score *float64 `json:"score"`
	} `json:"overall"`
	Dimensions []earlierDim `json:"dimensions"`
	earlierMore
}

// resultsJSONError places a JSON error in a file that should be a
// results.json at the line and column where decoding stopped.
func resultsJSONError(file string, data []byte, err error) *Error {
	pos := Position{File: file, Line: 1, Col: 1}
	msg := err.Error()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		pos.Line, pos.Col = lineCol(data, int(se.Offset)-1)
	case errors.As(err, &te):
		pos.Line, pos.Col = lineCol(data, int(te.Offset)-1)
		msg = fmt.Sprintf("%s is a JSON %s where results.json has another type", te.Field, te.Value)
	}
	return &Error{Pos: pos, Msg: "not a results.json: " + msg, Err: err}
}

// ReadSnapshot parses an earlier results.json. modTime dates a file that
// carries no date of its own (one written by `score --format json`).
func ReadSnapshot(file string, data []byte, modTime time.Time) (*Snapshot, error) {
	var sj snapshotJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&sj); err != nil {
		return nil, resultsJSONError(file, data, err)
	}
	switch {
	case sj.Format == nil || sj.Rubric == nil:
		return nil, Errorf(Position{File: file, Line: 1, Col: 1}, "not a results.json: it has no \"format\" and \"rubric\"")
	case *sj.Format != ResultFormat:
		return nil, Errorf(Position{File: file, Line: 1, Col: 1}, "results.json format %d is not supported; this aiready reads format %d", *sj.Format, ResultFormat)
	}
	if err := checkEarlier(file, sj.Rubric, sj.Respondents, sj.Date, sj.Overall.Score, sj.Dimensions); err != nil {
		return nil, err
	}
	s := &Snapshot{File: file, Date: sj.Date, Rubric: *sj.Rubric, Overall: sj.Overall.Score, Dims: map[string]*float64{}}
	if s.Date == "" {
		s.Date = modTime.UTC().Format("2006-01-02")
	}
	for _, d := range sj.Dimensions {
		s.Dims[d.ID] = d.Score
		s.Order = append(s.Order, d.ID)
	}
	if err := sj.earlierMore.read(file, s); err != nil {
		return nil, err
	}
	return s, nil
}

// Compare sets res.Previous from the last assessment's snapshot.
func Compare(res *Result, prev *Snapshot) {
	p := &Previous{Date: prev.Date, Dimensions: []DimensionDelta{}, RubricChanged: prev.Rubric != res.Rubric}
	if !p.RubricChanged {
		p.OverallDelta = delta(res.Overall.Score, prev.Overall)
		for _, d := range res.Dimensions {
			p.Dimensions = append(p.Dimensions, DimensionDelta{ID: d.ID, Delta: delta(d.Score, prev.Dims[d.ID])})
		}
		compareMore(p, res, prev)
	}
	res.Previous = p
}

func delta(now, then *float64) *float64 {
	if now == nil || then == nil {
		return nil
	}
	d := *now - *then
	return &d
}

func (s *Snapshot) String() string { return fmt.Sprintf("%s (%s)", s.File, s.Date) }
