package assess

import (
	"io"
	"sort"
)

// Inspection tells how one input was read: its layout, how each column
// was matched or why it was not, the answers no question recognises, and
// the [columns] and [values] lines that would fix what can be guessed.
// It is what `aiready inspect` shows; assess renders none of it.
type Inspection struct {
	File string
	// Format is the container ("csv", "xlsx", "toml", "json"); Delimiter
	// the CSV delimiter.
	Format    string
	Delimiter rune
	// Layout is one of Layouts (or "toml", "json"); LayoutWhy says what
	// gave it away; Forced is set when ReadOptions.Format named it.
	Layout    string
	LayoutWhy string
	Forced    bool
	// HeaderLine is the line (row) of the first header row, HeaderRows
	// how many there are, TitleRows how many rows before were skipped.
	HeaderLine, HeaderRows, TitleRows int
	// LongRoles names the respondent, question and answer columns of a
	// long layout.
	LongRoles [3]string

	Columns     []InspectColumn
	Questions   []InspectQuestion // in rubric order
	Respondents int
	// Excluded counts the responses left out (see Excluder); Kept those
	// read but worth knowing of: "survey test" (Qualtrics test
	// responses), "incomplete" (never submitted or not finished).
	Excluded, Kept map[string]int
	Unrecognised   []UnrecognisedValue
	// Problems are the matching errors that scoring would stop at
	// (columns that answer one question twice, mappings to nothing).
	Problems []*Error
	// SuggestColumns and SuggestValues are lines for assessment.toml's
	// [columns] and [values] tables (or a --map file); lines that need a
	// person's choice are TOML comments.
	SuggestColumns, SuggestValues []string
	// IDRepeats counts the rows whose respondent id an earlier row, of
	// this input or one inspected before it with the same IDCheck, gave.
	IDRepeats
}

// InspectColumn is one column and how it was matched. Texts are the
// header's other texts (the question text under a Qualtrics export tag).
// Long layouts list each question name as a column.
type InspectColumn struct {
	Column
	Texts []string
	// QuestionName marks, in a long layout, a name found in the question
	// column rather than a column of the file.
	QuestionName bool
	// Values counts the distinct values of an attribute (up to
	// maxDistinct), to tell a segment from a free-text field.
	Values int
}

// InspectQuestion is how one rubric question was answered.
type InspectQuestion struct {
	ID                         string
	Columns                    []int // indexes into Inspection.Columns
	Answered, Skipped, Invalid int
	// Numbers are the numbers that answered a choice question by an
	// option's points, not its label: right for points, wrong for the
	// codes some tools export instead of labels.
	Numbers []string
}

// UnrecognisedValue is an answer that is no label, point or skip answer of
// its question: counted as missing when scoring (an error with --strict).
type UnrecognisedValue struct {
	Question string
	Value    string
	Count    int
	Lines    []int // the first lines (rows) it occurs on
}

const (
	maxDistinct          = 1000
	maxValuesPerQuestion = 40 // distinct unrecognised values kept per question
	maxLinesPerValue     = 5
)

// Inspect reads a whole input (streaming) and tells how it was read. It
// fails only when the input cannot be read; what does not match is the
// finding, not an error.
func Inspect(name string, r io.Reader, rb *Rubric, opt ReadOptions) (*Inspection, error) {
	return InspectWith(&IDCheck{}, name, r, rb, opt)
}

// InspectWith is Inspect, finding repeated respondent ids with ids, so
// that a repeat of an earlier input's id is found too.
func InspectWith(ids *IDCheck, name string, r io.Reader, rb *Rubric, opt ReadOptions) (*Inspection, error) {
	opt.lenient = true
	ids.c.IDRepeats = IDRepeats{}
	src, err := OpenAnswers(name, r, rb, opt)
	if err != nil {
		return nil, err
	}
	if c, ok := src.(io.Closer); ok {
		defer c.Close()
	}
	in := &Inspection{File: name, Layout: LayoutOf(src), Excluded: map[string]int{}, Kept: map[string]int{}}
	in.describe(src)
	qcols := map[string][]int{}
	for i, c := range in.Columns {
		if c.Kind == ColumnQuestion {
			qcols[c.Question] = append(qcols[c.Question], i)
		}
	}
	for _, q := range rb.Questions {
		in.Questions = append(in.Questions, InspectQuestion{ID: q.ID, Columns: qcols[q.ID]})
	}
	type valKey struct {
		q int
		v string
	}
	bad := map[valKey]*UnrecognisedValue{}
	perQ := make([]int, len(rb.Questions))
	distinct := map[string]map[string]bool{}
	for {
		resp, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		in.Respondents++
		_ = ids.c.respondent(resp, false)
		for k, v := range resp.Attributes {
			if distinct[k] == nil {
				distinct[k] = map[string]bool{}
			}
			if len(distinct[k]) < maxDistinct {
				distinct[k][Normalize(v)] = true
			}
		}
		for i, q := range rb.Questions {
			if i >= len(resp.Answers) {
				break
			}
			c := resp.Answers[i]
			iq := &in.Questions[i]
			switch a := q.resolve(c); a.state {
			case answerOK:
				iq.Answered++
				if q.Type == TypeChoice && len(c.Values) == 1 && isNumber(Normalize(c.Values[0])) {
					iq.Numbers = addString(iq.Numbers, Normalize(c.Values[0]))
				}
			case answerSkip:
				iq.Skipped++
			case answerInvalid:
				iq.Invalid++
				k := valKey{i, a.bad}
				u := bad[k]
				if u == nil {
					if perQ[i] >= maxValuesPerQuestion {
						continue
					}
					perQ[i]++
					u = &UnrecognisedValue{Question: q.ID, Value: a.bad}
					bad[k] = u
				}
				u.Count++
				if len(u.Lines) < maxLinesPerValue {
					line := c.Pos.Line
					if line == 0 {
						line = resp.Pos.Line
					}
					u.Lines = append(u.Lines, line)
				}
			}
		}
	}
	for i := range in.Columns {
		if c := &in.Columns[i]; c.Kind == ColumnAttribute {
			c.Values = len(distinct[c.Attr])
		}
	}
	for _, u := range bad {
		in.Unrecognised = append(in.Unrecognised, *u)
	}
	order := map[string]int{}
	for i, q := range rb.Questions {
		order[q.ID] = i
	}
	sort.Slice(in.Unrecognised, func(i, j int) bool {
		a, b := in.Unrecognised[i], in.Unrecognised[j]
		if a.Question != b.Question {
			return order[a.Question] < order[b.Question]
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Value < b.Value
	})
	if x, ok := src.(Excluder); ok {
		for k, v := range x.Excluded() {
			in.Excluded[k] = v
		}
	}
	if ts, ok := src.(*tableSource); ok {
		for k, v := range ts.kept {
			in.Kept[k] = v
		}
	}
	in.IDRepeats = ids.c.result()
	in.suggest(rb)
	return in, nil
}

func addString(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	if len(list) >= maxValuesPerQuestion {
		return list
	}
	return append(list, s)
}

// describe fills what the source knows of its layout and columns.
func (in *Inspection) describe(src Source) {
	if rs, ok := src.(*recodedSource); ok {
		src = rs.Source
	}
	var l tableLayout
	var rr rowReader
	var hs []headerCell
	qcol := -1
	switch s := src.(type) {
	case *tableSource:
		l, rr, hs = s.layout, s.rr, s.layout.hs
		in.HeaderLine, in.Problems = s.headerLine, s.problems
	case *longSource:
		l, rr, hs = s.layout, s.rr, s.layout.hs
		in.HeaderLine, in.Problems = s.headerLine, s.problems
		in.LongRoles = [3]string{hs[s.roles.resp].text, hs[s.roles.question].text, hs[s.roles.answer].text}
		qcol = s.roles.question
	default:
		in.Format = in.Layout
		in.LayoutWhy = "native answers: questions named by id"
		return
	}
	in.LayoutWhy, in.Forced, in.HeaderRows, in.TitleRows = l.why, l.forced, l.rows, l.skipped
	switch r := rr.(type) {
	case *csvRows:
		in.Format, in.Delimiter = FormatCSV, r.cr.Comma
	case *xlsxRows:
		in.Format = FormatXLSX
	}
	for _, c := range src.Columns() {
		ic := InspectColumn{Column: c, QuestionName: c.Index == qcol}
		if !ic.QuestionName && c.Index < len(hs) {
			ic.Texts = hs[c.Index].alts
		}
		in.Columns = append(in.Columns, ic)
	}
}
