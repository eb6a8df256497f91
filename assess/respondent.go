package assess

// Respondent is one person's answers as read from an input, before scoring.
// Readers fill it; the Scorer reads it and keeps nothing of it but counts.
type Respondent struct {
	// Pos is where the respondent's row or table starts.
	Pos Position
	// ID is the input's respondent id, or generated. It never reaches an output.
	ID string
	// IDGenerated is set when the input gave no id and ID was made up
	// ("row 12"); only given ids are checked for repeats (repeats.go).
	IDGenerated bool
	// Attributes are the respondent's segment attributes (role, team, ...)
	// keyed by the attribute name as the input spells it.
	Attributes map[string]string
	// Answers are indexed like Rubric.Questions. A zero Cell is missing.
	Answers []Cell
	// Seconds is how long the respondent took, if Timed: from the
	// input's duration or start and end times, for finding speeders
	// (quality.go); never shown.
	Seconds float64
	Timed   bool
}

// Cell is the raw answer to one question. Values holds one string for a
// plain cell; several for a multi answer given as a list (a TOML or JSON
// array, or one column per option).
type Cell struct {
	Values []string
	Pos    Position
	// Numeric is set when the value came as a number (TOML/JSON), so
	// it is matched as a point and never as a label.
	Numeric bool
}

// Empty reports whether the cell holds no answer at all.
func (c Cell) Empty() bool {
	for _, v := range c.Values {
		if v != "" {
			return false
		}
	}
	return true
}

// Source yields respondents one at a time, so that memory does not grow with
// their number. Next returns io.EOF after the last one.
type Source interface {
	Next() (*Respondent, error)
	// Columns describes how the input's columns were matched; nil for
	// native inputs, which name questions by id.
	Columns() []Column
}

// Column tells how one input column was matched.
type Column struct {
	Index    int    // 0-based
	Header   string // as in the file
	Kind     string // ColumnQuestion, ColumnAttribute, ColumnIdentity, ColumnIgnored
	Question string // question id, for ColumnQuestion
	Option   string // option label, for a column of one multi option
	Attr     string // attribute name, for ColumnAttribute
	How      string // "id", "text", "alias", "option", "mapping", ...
	Why      string // why it was ignored
	// holds says what an identity or bookkeeping column holds ("e-mail
	// addresses"), for the message refusing it as a segment.
	holds string
}

// Column kinds.
const (
	ColumnQuestion  = "question"
	ColumnAttribute = "attribute"
	ColumnIdentity  = "identity"
	ColumnIgnored   = "ignored"
)
