package questionnaire

import (
	"math"
	"sort"

	"github.com/aiready/aiready/assess"
)

// model is what the page's script scores with: the rubric reduced to
// numbers and indexes, so that the script needs no label matching and
// follows the Go scorer (assess/score.go, assess/aggregate.go) step for
// step. Titles are here for the results; Markdown bodies are not: they are
// rendered into the page by Go and only shown or moved by the script.
type model struct {
	Rubric      rubricRef         `json:"rubric"`
	StorageKey  string            `json:"storageKey"`
	Target      float64           `json:"target"`
	MinAnswered float64           `json:"minAnswered"`
	Dimensions  []dimensionModel  `json:"dimensions"`
	Questions   []questionModel   `json:"questions"`
	Levels      []levelModel      `json:"levels"`
	Flags       []flagModel       `json:"flags"`
	Recs        []recModel        `json:"recommendations"`
	Segments    []string          `json:"segments"`
	Messages    map[string]string `json:"messages"`
}

type rubricRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
	Title   string `json:"title"`
}

type dimensionModel struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Weight float64 `json:"weight"`
	// TotalWeight is the Go scorer's sum of scored question weights, in
	// rubric order, so that min_answered compares the very same number.
	TotalWeight float64 `json:"totalWeight"`
	// Questions counts the dimension's questions, text ones too.
	Questions int `json:"questions"`
}

// questionModel is one question. Answers are the labels the page offers
// (scale labels or option labels) with their raw Points; Skip the answers
// that count as missing. Lo and Hi are the scorer's range: the first and
// last scale point, the lowest and highest option points (choice), or 0
// and the sum of positive option points (multi).
type questionModel struct {
	ID      string    `json:"id"`
	Dim     int       `json:"dim"`
	Type    string    `json:"type"`
	Weight  float64   `json:"weight"`
	Reverse bool      `json:"reverse"`
	Lo      float64   `json:"lo"`
	Hi      float64   `json:"hi"`
	Labels  []string  `json:"labels"`
	Points  []float64 `json:"points"`
	Skip    []string  `json:"skip"`
}

type levelModel struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Min   float64 `json:"min"`
}

// flagModel is a red flag. Caps is a level index or -1; Rank orders by
// severity (0 high, 1 medium, 2 low).
type flagModel struct {
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	Severity string      `json:"severity"`
	Rank     int         `json:"rank"`
	Share    float64     `json:"share"`
	Caps     int         `json:"caps"`
	When     []condModel `json:"when"`
}

// condModel is one condition: on question Q or dimension Dim (the other
// is -1). Is lists answer indexes (nil: no "is" test); Min and Max bound
// raw points or the dimension score.
type condModel struct {
	Q   int      `json:"q"`
	Dim int      `json:"dim"`
	Is  []int    `json:"is"`
	Min *float64 `json:"min"`
	Max *float64 `json:"max"`
}

// recModel is a recommendation: for dimension Dim at Levels (indexes), or
// for Flag (an index); the other is -1. IDRank is the position of its id
// in byte order, the Go scorer's tie-break, so the script need not compare
// strings the way Go does.
type recModel struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Dim     int    `json:"dim"`
	Levels  []int  `json:"levels"`
	Flag    int    `json:"flag"`
	Horizon int    `json:"horizon"`
	IDRank  int    `json:"idRank"`
}

func severityRank(s string) int {
	switch s {
	case "high":
		return 0
	case "medium":
		return 1
	}
	return 2
}

// newModel reduces r for the script.
func newModel(r *assess.Rubric, segments []string, msgs map[string]string) *model {
	m := &model{
		Rubric:      rubricRef{ID: r.ID, Version: r.Version, SHA256: r.SHA256, Title: r.Title},
		StorageKey:  "aiready-questionnaire:" + r.ID + ":" + r.SHA256,
		Target:      r.Target,
		MinAnswered: r.MinAnswered,
		Segments:    append([]string{}, segments...),
		// Empty lists, not null: the script walks them.
		Dimensions: []dimensionModel{}, Questions: []questionModel{}, Levels: []levelModel{},
		Flags: []flagModel{}, Recs: []recModel{},
		Messages: msgs,
	}
	for _, d := range r.Dimensions {
		m.Dimensions = append(m.Dimensions, dimensionModel{ID: d.ID, Title: d.Title, Weight: d.Weight, TotalWeight: d.TotalWeight, Questions: len(d.Questions)})
	}
	for _, q := range r.Questions {
		m.Questions = append(m.Questions, newQuestionModel(q))
	}
	levelIndex := map[string]int{}
	for i, l := range r.Levels {
		levelIndex[l.ID] = i
		m.Levels = append(m.Levels, levelModel{ID: l.ID, Title: l.Title, Min: l.Min})
	}
	flagIndex := map[string]int{}
	for i, f := range r.Flags {
		flagIndex[f.ID] = i
		fm := flagModel{ID: f.ID, Title: f.Title, Severity: f.Severity, Rank: severityRank(f.Severity), Share: f.Share, Caps: -1, When: []condModel{}}
		if f.Caps != "" {
			fm.Caps = levelIndex[f.Caps]
		}
		for _, c := range f.When {
			fm.When = append(fm.When, newCondModel(r, c))
		}
		m.Flags = append(m.Flags, fm)
	}
	ids := make([]string, len(r.Recommendations))
	for i, rc := range r.Recommendations {
		ids[i] = rc.ID
	}
	sort.Strings(ids)
	rank := map[string]int{}
	for i, id := range ids {
		rank[id] = i
	}
	for _, rc := range r.Recommendations {
		if rc.Check != "" {
			continue // a check needs a project's evidence or segments, which a questionnaire has not
		}
		rm := recModel{ID: rc.ID, Title: rc.Title, Dim: -1, Flag: -1, Horizon: rc.Horizon, IDRank: rank[rc.ID], Levels: []int{}}
		if rc.Flag != "" {
			rm.Flag = flagIndex[rc.Flag]
		} else {
			rm.Dim = r.Dimension(rc.Dimension).Index
			for _, l := range rc.Levels {
				rm.Levels = append(rm.Levels, levelIndex[l])
			}
		}
		m.Recs = append(m.Recs, rm)
	}
	return m
}

func newQuestionModel(q *assess.Question) questionModel {
	qm := questionModel{ID: q.ID, Dim: q.DimIndex(), Type: q.Type, Weight: q.Weight, Reverse: q.Reverse,
		Labels: []string{}, Points: []float64{}, Skip: []string{}}
	switch q.Type {
	case assess.TypeScale:
		s := q.ScaleDef
		qm.Labels = append(qm.Labels, s.Labels...)
		qm.Points = append(qm.Points, s.Points...)
		qm.Skip = append(qm.Skip, s.Skip...)
		qm.Lo, qm.Hi = s.Points[0], s.Points[len(s.Points)-1]
	case assess.TypeChoice, assess.TypeMulti:
		qm.Lo, qm.Hi = math.Inf(1), math.Inf(-1)
		var positive float64
		for _, o := range q.Options {
			qm.Labels = append(qm.Labels, o.Label)
			qm.Points = append(qm.Points, o.Points)
			qm.Lo, qm.Hi = min(qm.Lo, o.Points), max(qm.Hi, o.Points)
			if o.Points > 0 {
				positive += o.Points
			}
		}
		if q.Type == assess.TypeMulti {
			qm.Lo, qm.Hi = 0, positive
		}
	}
	if q.Type != assess.TypeText {
		qm.Skip = append(qm.Skip, q.Skip...)
	}
	return qm
}

func newCondModel(r *assess.Rubric, c assess.Condition) condModel {
	cm := condModel{Q: -1, Dim: -1, Min: c.Min, Max: c.Max}
	if c.Dimension != "" {
		cm.Dim = r.Dimension(c.Dimension).Index
		return cm
	}
	q := r.Question(c.Question)
	cm.Q = q.Index
	if len(c.Is) == 0 {
		return cm
	}
	labels := make([]string, 0, len(q.Options))
	if q.Type == assess.TypeScale {
		labels = q.ScaleDef.Labels
	} else {
		for _, o := range q.Options {
			labels = append(labels, o.Label)
		}
	}
	cm.Is = []int{}
	for _, s := range c.Is {
		n := assess.Normalize(s)
		for i, l := range labels {
			if assess.Normalize(l) == n {
				cm.Is = append(cm.Is, i)
				break
			}
		}
	}
	return cm
}
