package assess

import "sync"

// Question types.
const (
	TypeScale  = "scale"
	TypeChoice = "choice"
	TypeMulti  = "multi"
	TypeText   = "text"
)

// Rubric is a loaded, validated rubric. Load one with LoadRubric; the
// cross-references (Question.Dim, Question.ScaleDef, ...) are filled in and
// safe to follow.
type Rubric struct {
	Format      int
	ID          string
	Title       string
	Version     string
	Language    string
	Description string  // Markdown
	Target      float64 // score a dimension should reach
	MinAnswered float64 // share of a dimension's weight a respondent must answer
	// Outcome is the question whose answers the dimensions are to drive
	// (`outcome = "QUESTION"`): a scale question of no dimension, not
	// scored; nil without one (drivers.go).
	Outcome *Question

	Scales          []*Scale
	Dimensions      []*Dimension
	Questions       []*Question
	Levels          []*Level
	Recommendations []*Recommendation
	Flags           []*Flag
	// Checks test the answers' claims against a project's evidence or
	// against each other (evidence.go).
	Checks []*Check
	// Themes sort the free-text comments by what they are about (themes.go).
	Themes []*Theme
	// Frameworks are the standards and laws the questions bear on, in the
	// file's order (frameworks.go).
	Frameworks []*Framework

	// SHA256 is the hex digest of the file's bytes; with ID and Version it
	// identifies the method that produced a result.
	SHA256 string
	// Source is the file name the rubric was loaded from.
	Source string
	// Bytes are the file's bytes, for `rubric export`.
	Bytes []byte

	scales     map[string]*Scale
	dimensions map[string]*Dimension
	questions  map[string]*Question
	levels     map[string]*Level
	flags      map[string]*Flag
	checks     map[string]*Check
	recs       map[string]*Recommendation
	// ix finds questions by header (columns.go), built on first use
	// and shared: every reader of the rubric's answers needs it.
	ixOnce sync.Once
	ix     *questionIndex
}

// index is the rubric's question index, built once.
func (r *Rubric) index() *questionIndex {
	r.ixOnce.Do(func() { r.ix = newQuestionIndex(r) })
	return r.ix
}

// Scale is a named answer scale.
type Scale struct {
	ID     string
	Points []float64
	Labels []string
	Skip   []string
}

// Dimension is one thing the rubric measures.
type Dimension struct {
	ID          string
	Title       string
	Weight      float64
	Description string // Markdown
	// Levels say, per level id, what that level looks like in this
	// dimension (Markdown); a level it leaves out is described by the
	// level's own description.
	Levels map[string]string
	Index  int
	// Questions are the dimension's questions in rubric order, text ones too.
	Questions []*Question
	// TotalWeight is the summed weight of the dimension's scored questions.
	TotalWeight float64
}

// Option is one answer of a choice or multi question.
type Option struct {
	Label  string
	Points float64
}

// Question is one item of the survey.
type Question struct {
	ID        string
	Dimension string
	Type      string
	Scale     string
	Text      string
	Weight    float64
	Reverse   bool
	Aliases   []string
	Options   []Option
	Skip      []string // extra skip answers (choice, multi); a scale's own skip list applies too
	Index     int
	// Maps are the framework clauses the question bears on, as its maps
	// name them (frameworks.go).
	Maps []*Clause

	Dim      *Dimension
	ScaleDef *Scale // nil unless Type is scale

	// lo and hi are the lowest and highest raw points (scale, choice), or
	// 0 and the sum of positive option points (multi).
	lo, hi float64
	// matcher resolves a cell to an answer; built at load time.
	m *answerMatcher
}

// Scored reports whether the question's answers have values: they are
// counted and, if the question has a dimension, count towards its score
// (the outcome question has none).
func (q *Question) Scored() bool { return q.Type != TypeText }

// DimIndex is the index of the question's dimension, or -1 for the
// outcome question, which has none.
func (q *Question) DimIndex() int {
	if q.Dim == nil {
		return -1
	}
	return q.Dim.Index
}

// Level is a maturity level; levels rise with Min.
type Level struct {
	ID          string
	Title       string
	Min         float64
	Description string // Markdown
	Index       int
}

// Recommendation is an action the rubric proposes, for a dimension at
// some levels, or for a raised flag.
type Recommendation struct {
	ID        string
	Dimension string
	Levels    []string
	Flag      string
	Check     string // shown while this check is contradicted
	Title     string
	Horizon   int // days: 30, 60 or 90
	Body      string
}

// Flag is a red flag raised on the share of respondents matching all of When.
type Flag struct {
	ID       string
	Title    string
	Severity string // low | medium | high
	Share    float64
	Caps     string // level id, or ""
	Body     string
	When     []Condition
	Index    int
}

// Check kinds.
const (
	CheckEvidence = "evidence"
	CheckGap      = "gap"
)

// Check tests a claim of the answers. An evidence check is contradicted
// when Dimension scores at least Min while the evidence figure moved the
// wrong way since its baseline by at least WorsenedBy; a gap check when
// the gap between the shown groups of Attribute on Dimension is at least
// Min and significant.
type Check struct {
	ID         string
	Title      string
	Kind       string // CheckEvidence or CheckGap
	Dimension  string // the claim's dimension (evidence) or the gap's (gap)
	Min        float64
	Evidence   string  // evidence checks
	WorsenedBy float64 // evidence checks
	Attribute  string  // gap checks
	Severity   string  // low | medium | high
	Caps       string  // level id, or ""
	Body       string
	Index      int
	Pos        Position
}

// Condition is one test of a flag on one respondent.
type Condition struct {
	Question  string
	Dimension string
	Is        []string
	Min, Max  *float64

	q   *Question
	dim *Dimension
	is  []bool // by option index (choice, multi) or point index (scale)
}

// Scale returns the named scale, or nil.
func (r *Rubric) Scale(id string) *Scale { return r.scales[id] }

// Dimension returns the dimension with the id, or nil.
func (r *Rubric) Dimension(id string) *Dimension { return r.dimensions[id] }

// Question returns the question with the id, or nil.
func (r *Rubric) Question(id string) *Question { return r.questions[id] }

// Level returns the level with the id, or nil.
func (r *Rubric) Level(id string) *Level { return r.levels[id] }

// Flag returns the flag with the id, or nil.
func (r *Rubric) Flag(id string) *Flag { return r.flags[id] }

// Check returns the check with the id, or nil.
func (r *Rubric) Check(id string) *Check { return r.checks[id] }

// Recommendation returns the recommendation with the id, or nil.
func (r *Rubric) Recommendation(id string) *Recommendation { return r.recs[id] }

// LevelFor returns the last level whose Min is at most score.
func (r *Rubric) LevelFor(score float64) *Level {
	var l *Level
	for _, lv := range r.Levels {
		if lv.Min <= score {
			l = lv
		}
	}
	return l
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

// LevelText is what level lv looks like in dimension d: the dimension's
// own text for it, else the level's description.
func (d *Dimension) LevelText(lv *Level) string {
	if lv == nil {
		return ""
	}
	if s, ok := d.Levels[lv.ID]; ok {
		return s
	}
	return lv.Description
}
