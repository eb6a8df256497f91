package assess

// ResultFormat is results.json's "format"; it rises on a breaking change.
const ResultFormat = 1

// Result is an assessment's outcome: what results.json holds, plus what the
// renderers need beside it (fields tagged json:"-").
type Result struct {
	Format      int       `json:"format"`
	Rubric      RubricRef `json:"rubric"`
	Respondents int       `json:"respondents"`
	// MinGroupSize is the suppression threshold that was applied: no
	// group or cell of fewer respondents is shown (below
	// MinSafeGroupSize only with --allow-small-groups).
	MinGroupSize int               `json:"min_group_size,omitempty"`
	Overall      Overall           `json:"overall"`
	Dimensions   []DimensionResult `json:"dimensions"`
	Questions    []QuestionResult  `json:"questions"`
	Segments     []SegmentResult   `json:"segments"`
	// Gaps compare the highest- and lowest-scoring shown groups of each
	// segment attribute on each dimension (gaps.go).
	Gaps  []GapResult  `json:"gaps"`
	Flags []FlagResult `json:"flags"`
	// Evidence are the project's operational figures and Checks the
	// rubric's tests of the answers' claims (evidence.go).
	Evidence        []EvidenceResult       `json:"evidence"`
	Checks          []CheckResult          `json:"checks"`
	Recommendations []RecommendationResult `json:"recommendations"`
	// Frameworks are the framework clauses the questions bear on
	// (frameworks.go).
	Frameworks []FrameworkResult `json:"frameworks"`
	// Reliability, Participation and Drivers say how far the figures can
	// be trusted and what drives the outcome (measure.go).
	Reliability   []ReliabilityResult  `json:"reliability"`
	Participation *ParticipationResult `json:"participation"`
	Drivers       *DriversResult       `json:"drivers"`
	// Themes count what the comments are about (themes_score.go).
	Themes []ThemeResult `json:"themes"`
	// MinCommentGroup is the fewest comments a group needs for its themes
	// to be shown; set when the rubric's themes apply.
	MinCommentGroup int `json:"min_comment_group,omitempty"`
	// ThemesInfo says which groups' themes are shown; nil without themes.
	ThemesInfo  *ThemesInfo `json:"-"`
	DataQuality DataQuality `json:"data_quality"`
	// Overrides are the consultant's changes to the plan, with reasons.
	Overrides []OverrideResult `json:"overrides,omitempty"`
	// Actions are the project's actions: owner, due date, status, and
	// whether a done one moved what it answers (actions.go).
	Actions []ActionResult `json:"actions,omitempty"`
	// Previous compares with the last assessment, when one is given.
	Previous *Previous `json:"previous,omitempty"`
	// Date is the assessment's date (YYYY-MM-DD), set by build so that
	// the next assessment can say since when figures changed.
	Date string `json:"date,omitempty"`
	// Norms place each dimension among a consultancy's earlier
	// assessments (build --norms); README "Norms" documents the block.
	Norms *NormsResult `json:"norms,omitempty"`

	// Added are recommendations a consultant added with an override.
	Added []*Recommendation `json:"-"`
	// overrideAt and addedAt index Overrides and Added by recommendation
	// id (set by ApplyOverrides): the site and the PDF look up each
	// recommendation, and a scan of thousands of overrides each time was
	// quadratic (100 000 overrides: 97 s).
	overrideAt map[string]int
	addedAt    map[string]*Recommendation
	// Notes are the consultant's notes beside the figures.
	Notes []Note `json:"-"`
	// History are earlier assessments, oldest first, for trend charts.
	History []*Snapshot `json:"-"`

	// RubricDef is the rubric that was applied.
	RubricDef *Rubric `json:"-"`
	// Comments are free-text answers by question id, only with
	// Options.Comments, only for groups at or above the threshold.
	Comments []Comment `json:"-"`
	// SegmentAttributes are the attributes segments were asked for, in order.
	SegmentAttributes []string `json:"-"`
}

// RubricRef identifies the method.
type RubricRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Overall is the whole group's score and level. Score is nil when no
// dimension could be scored.
type Overall struct {
	Score    *float64 `json:"score"`
	Level    string   `json:"level"`
	CappedBy string   `json:"capped_by,omitempty"`
	// Uncapped is the level the score alone gives.
	Uncapped string `json:"-"`
}

// DimensionResult is a group's score on one dimension.
type DimensionResult struct {
	ID    string   `json:"id"`
	Score *float64 `json:"score"`
	Level string   `json:"level"`
	N     int      `json:"n"`
	// SD is the sample standard deviation of respondent scores; CILow and
	// CIHigh bound the 95% interval of the mean (normal approximation,
	// clamped to 0-100). All zero when N < 2.
	// Suppressed is set on a segment's dimension answered by fewer than
	// the threshold: no score, no n.
	Suppressed bool    `json:"suppressed,omitempty"`
	SD         float64 `json:"-"`
	CILow      float64 `json:"-"`
	CIHigh     float64 `json:"-"`
}

// QuestionResult is the distribution of one question's answers.
type QuestionResult struct {
	ID        string         `json:"id"`
	N         int            `json:"n"`
	MeanValue *float64       `json:"mean_value,omitempty"`
	Counts    map[string]int `json:"counts,omitempty"`
	// Skipped counts skip answers (and empty cells are not counted at all).
	Skipped int `json:"-"`
	// Invalid counts answers that matched nothing.
	Invalid int `json:"-"`
	// Suppressed is set on a segment's question answered by fewer than
	// the threshold.
	Suppressed bool `json:"-"`
}

// SegmentResult is the figures of one value of a segment attribute. A
// suppressed segment carries only Attribute, Value and Suppressed.
type SegmentResult struct {
	Attribute  string            `json:"attribute"`
	Value      string            `json:"value"`
	N          *int              `json:"n,omitempty"`
	Suppressed bool              `json:"suppressed"`
	Overall    *Overall          `json:"overall,omitempty"`
	Dimensions []DimensionResult `json:"dimensions,omitempty"`
	// Questions are the segment's answer distributions (nil if suppressed).
	Questions []QuestionResult `json:"-"`
	// Why says why a segment is suppressed: "small" (below the threshold)
	// or "complementary" (to protect a small one).
	Why string `json:"-"`
}

// FlagResult is whether a red flag is raised.
type FlagResult struct {
	ID        string  `json:"id"`
	Share     float64 `json:"share"`
	Raised    bool    `json:"raised"`
	Matches   int     `json:"-"`
	Evaluable int     `json:"-"`
}

// RecommendationResult is one item of the action plan, in plan order.
type RecommendationResult struct {
	ID        string  `json:"id"`
	Dimension string  `json:"dimension,omitempty"`
	Flag      string  `json:"flag,omitempty"`
	Check     string  `json:"check,omitempty"`
	Priority  float64 `json:"priority"`
	Horizon   int     `json:"horizon"`
}

// DataQuality tells how clean the input was.
type DataQuality struct {
	Rows             int      `json:"rows"`
	InvalidCells     int      `json:"invalid_cells"`
	UnmatchedColumns []string `json:"unmatched_columns"`
	// NotResponses counts rows that were never responses, by reason
	// ("preview", "spam": Qualtrics' survey previews and flagged spam);
	// absent when none.
	NotResponses map[string]int `json:"not_responses,omitempty"`
	// StraightLiners and Speeders count the respondents whose answers
	// look unread (SPEC "Response quality"); Excluded how many of them
	// were left out of every figure (--exclude-flagged).
	StraightLiners int `json:"straight_liners"`
	Speeders       int `json:"speeders"`
	Excluded       int `json:"excluded"`
	// UnansweredQuestions are the rubric's questions that some input does
	// not answer (no column of a table, no respondent of a native file),
	// in rubric order: their answers from that input are missing, which
	// changes the scores they feed.
	UnansweredQuestions []string `json:"unanswered_questions"`
	// Invalid holds the first invalid cells, with positions, for warnings.
	Invalid []*Error `json:"-"`
	// Warnings are what reading the inputs gave reason to say: an input
	// read as Windows-1252, a question an input does not answer.
	Warnings []*Error `json:"-"`
	// PersonalValues names the segment attributes some of whose values
	// looked like personal data (e-mail addresses, phone numbers, ...)
	// and were read as not stated; for a warning, never in results.json.
	PersonalValues []string `json:"-"`

	// IDRepeats counts the rows that repeat a respondent id (repeats.go).
	IDRepeats
}

// Comment is one free-text answer, detached from who gave it.
type Comment struct {
	Question string
	Text     string
}
