package assess

import (
	"fmt"
	"strings"
)

// Warner is implemented by sources with something to say about how they
// were read, such as the encoding of a CSV that is not UTF-8. Warnings is
// complete once Next has returned io.EOF.
type Warner interface {
	Warnings() []*Error
}

// answeredBy lists the questions a tabular input has a column for; nil
// for a native input, which names questions by id (a name that is no
// question is an error there, so none can go astray).
func (s *Scorer) answeredBy(src Source) (string, []bool) {
	cols := src.Columns()
	if cols == nil {
		return "", nil
	}
	a := make([]bool, len(s.r.Questions))
	for _, c := range cols {
		if c.Kind != ColumnQuestion {
			continue
		}
		if q := s.r.Question(c.Question); q != nil {
			a[q.Index] = true
		}
	}
	return sourceName(src), a
}

// sourceName is the file a tabular source reads, for messages.
func sourceName(src Source) string {
	switch x := src.(type) {
	case *tableSource:
		return x.name
	case *longSource:
		return x.name
	}
	return ""
}

// noteUnanswered records the questions that input name does not answer,
// with one warning for the input.
func (s *Scorer) noteUnanswered(name string, a []bool) {
	if a == nil {
		return
	}
	if s.unanswered == nil {
		s.unanswered = make([]bool, len(s.r.Questions))
	}
	var missing []*Question
	for i, q := range s.r.Questions {
		if !a[i] {
			s.unanswered[i] = true
			missing = append(missing, q)
		}
	}
	if len(missing) > 0 {
		s.warnings = append(s.warnings, unansweredError(name, missing))
	}
}

// unansweredError names every question an input does not answer: each
// with its text when there are few, by id when there are many.
func unansweredError(name string, qs []*Question) *Error {
	// Each by id, and with its text when there are few.
	var list []string
	for _, q := range qs {
		if len(qs) <= 3 {
			list = append(list, fmt.Sprintf("%q (%s)", q.ID, quoteShort(q.Text, 60)))
		} else {
			list = append(list, q.ID)
		}
	}
	noun := "question"
	if len(qs) > 1 {
		noun = fmt.Sprintf("%d questions:", len(qs))
	}
	return &Error{Pos: Position{File: name}, Msg: fmt.Sprintf("no column answers %s %s; left out of every score of this input: map their columns in [columns] ('aiready inspect' shows each column), or check the questions' texts",
		noun, strings.Join(list, ", ")), Err: ErrUnanswered}
}

// quoteShort quotes s, cut to about n characters.
func quoteShort(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	return fmt.Sprintf("%q", truncate(s, n))
}

// unansweredIDs lists the questions some input does not answer, in rubric
// order.
func (s *Scorer) unansweredIDs() []string {
	out := []string{}
	for i, un := range s.unanswered {
		if un {
			out = append(out, s.r.Questions[i].ID)
		}
	}
	return out
}

// strictUnanswered is the error Options.Strict makes of unanswered
// questions: the warnings about them, as errors.
func (s *Scorer) strictUnanswered() error {
	var errs ErrorList
	for _, w := range s.warnings {
		if w.Err == ErrUnanswered {
			errs = append(errs, w)
		}
	}
	return errs.Err()
}
