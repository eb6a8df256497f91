package assess

import "fmt"

// The change of every group, question and red flag since the last
// assessment: what an earlier results.json holds of them, and how they
// compare with today's. SPEC's "previous" object keeps its keys; these
// are additions (segments, questions, flags), each listed only where the
// earlier figure exists, and never for a group suppressed then or now.

// SegmentKey names a group: an attribute and one of its values.
type SegmentKey struct{ Attribute, Value string }

// SegmentSnap is a group's scores in an earlier assessment, where it was
// shown. A dimension cell suppressed then has a nil score.
type SegmentSnap struct {
	Overall *float64
	Dims    map[string]*float64
}

// FlagSnap is a red flag's state in an earlier assessment.
type FlagSnap struct {
	Raised bool
	Share  float64
}

// SegmentDelta is one group's change since the last assessment: the
// group is shown now and was shown then.
type SegmentDelta struct {
	Attribute    string           `json:"attribute"`
	Value        string           `json:"value"`
	OverallDelta *float64         `json:"overall_delta"`
	Dimensions   []DimensionDelta `json:"dimensions"`
}

// QuestionDelta is the change of a question's mean answer value (0-1,
// after reversal) since the last assessment; nil when either is missing.
type QuestionDelta struct {
	ID    string   `json:"id"`
	Delta *float64 `json:"mean_value_delta"`
}

// FlagChange is a red flag now and then: WasRaised and not Raised is a
// flag cleared since, Raised and not WasRaised a new one.
type FlagChange struct {
	ID         string  `json:"id"`
	Raised     bool    `json:"raised"`
	WasRaised  bool    `json:"was_raised"`
	ShareDelta float64 `json:"share_delta"`
}

// Cleared reports a flag raised then and not now.
func (f FlagChange) Cleared() bool { return f.WasRaised && !f.Raised }

// New reports a flag raised now and not then.
func (f FlagChange) New() bool { return f.Raised && !f.WasRaised }

// MaxEarlierItems bounds the segments, questions and flags of an earlier
// results.json (the file itself is bounded by MaxPreviousSize).
const MaxEarlierItems = 100_000

// earlierMore is the part of an earlier results.json beyond the overall
// and dimension scores.
type earlierMore struct {
	Segments []struct {
		Attribute  string `json:"attribute"`
		Value      string `json:"value"`
		Suppressed bool   `json:"suppressed"`
		Overall    *struct {
			Score *float64 `json:"score"`
		} `json:"overall"`
		Dimensions []struct {
			ID         string   `json:"id"`
			Score      *float64 `json:"score"`
			Suppressed bool     `json:"suppressed"`
		} `json:"dimensions"`
	} `json:"segments"`
	Questions []struct {
		ID        string   `json:"id"`
		MeanValue *float64 `json:"mean_value"`
	} `json:"questions"`
	Flags []struct {
		ID     string   `json:"id"`
		Share  *float64 `json:"share"`
		Raised bool     `json:"raised"`
	} `json:"flags"`
}

// read checks what an earlier results.json says of its groups, questions
// and flags, as checkEarlier does the rest, and keeps it in s.
func (e *earlierMore) read(file string, s *Snapshot) error {
	bad := func(format string, args ...any) error {
		return &Error{Pos: Position{File: file}, Msg: "not a results.json that aiready wrote: " + fmt.Sprintf(format, args...), Err: ErrEarlier}
	}
	if n := max(len(e.Segments), len(e.Questions), len(e.Flags)); n > MaxEarlierItems {
		return bad("%d segments, questions or flags; the limit is %d", n, MaxEarlierItems)
	}
	s.Segments = map[SegmentKey]*SegmentSnap{}
	for i, sg := range e.Segments {
		at := fmt.Sprintf("segments[%d]", i)
		if msg := checkEarlierText(at+".attribute", sg.Attribute, false); msg != "" {
			return bad("%s", msg)
		}
		// A value is data from the answers: any printable text.
		if !printable(sg.Value) {
			return bad("%s.value holds a control character", at)
		}
		key := SegmentKey{sg.Attribute, sg.Value}
		if _, dup := s.Segments[key]; dup {
			return bad("%s: group %q is listed twice", at, sg.Attribute+": "+sg.Value)
		}
		if sg.Suppressed {
			s.Segments[key] = nil // listed, never compared
			continue
		}
		snap := &SegmentSnap{Dims: map[string]*float64{}}
		if sg.Overall != nil {
			if msg := checkScore(at+".overall.score", sg.Overall.Score); msg != "" {
				return bad("%s", msg)
			}
			snap.Overall = sg.Overall.Score
		}
		for j, d := range sg.Dimensions {
			dat := fmt.Sprintf("%s.dimensions[%d]", at, j)
			if msg := checkScore(dat+".score", d.Score); msg != "" {
				return bad("%s", msg)
			}
			if !d.Suppressed {
				snap.Dims[d.ID] = d.Score
			}
		}
		s.Segments[key] = snap
	}
	s.Questions = map[string]*float64{}
	for i, q := range e.Questions {
		if v := q.MeanValue; v != nil && !(*v >= 0 && *v <= 1) {
			return bad("questions[%d].mean_value is %s; a mean value is from 0 to 1", i, shortNumber(*v))
		}
		s.Questions[q.ID] = q.MeanValue
	}
	s.Flags = map[string]FlagSnap{}
	for i, f := range e.Flags {
		fs := FlagSnap{Raised: f.Raised}
		if f.Share != nil {
			if !(*f.Share >= 0 && *f.Share <= 1) {
				return bad("flags[%d].share is %s; a share is from 0 to 1", i, shortNumber(*f.Share))
			}
			fs.Share = *f.Share
		}
		s.Flags[f.ID] = fs
	}
	return nil
}

// compareMore adds the changes of groups, questions and flags to p; the
// rubric is the same as then.
func compareMore(p *Previous, res *Result, prev *Snapshot) {
	for _, sg := range res.Segments {
		then := prev.Segments[SegmentKey{sg.Attribute, sg.Value}]
		if sg.Suppressed || then == nil {
			continue // suppressed now or then, or not there
		}
		sd := SegmentDelta{Attribute: sg.Attribute, Value: sg.Value, Dimensions: []DimensionDelta{}}
		if sg.Overall != nil {
			sd.OverallDelta = delta(sg.Overall.Score, then.Overall)
		}
		for _, d := range sg.Dimensions {
			dd := DimensionDelta{ID: d.ID}
			if !d.Suppressed {
				dd.Delta = delta(d.Score, then.Dims[d.ID])
			}
			sd.Dimensions = append(sd.Dimensions, dd)
		}
		p.Segments = append(p.Segments, sd)
	}
	for _, q := range res.Questions {
		if q.MeanValue == nil {
			continue
		}
		then, ok := prev.Questions[q.ID]
		if !ok {
			continue
		}
		p.Questions = append(p.Questions, QuestionDelta{ID: q.ID, Delta: delta(q.MeanValue, then)})
	}
	for _, f := range res.Flags {
		then, ok := prev.Flags[f.ID]
		if !ok {
			continue
		}
		p.Flags = append(p.Flags, FlagChange{ID: f.ID, Raised: f.Raised, WasRaised: then.Raised, ShareDelta: f.Share - then.Share})
	}
}
