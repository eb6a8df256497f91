package assess

import (
	"fmt"
	"strings"
)

// mapped applies an explicit [columns] entry.
func (m *columnMatcher) mapped(h headerCell, key, target string) (Column, colPlan, *Error) {
	none := colPlan{q: -1}
	switch {
	case strings.EqualFold(target, "ignore"):
		return Column{Kind: ColumnIgnored, How: "mapping", Why: fmt.Sprintf("[columns] %q = \"ignore\"", key)}, none, nil
	case strings.HasPrefix(target, "attr:"):
		name := strings.TrimSpace(strings.TrimPrefix(target, "attr:"))
		if name == "" {
			return Column{Kind: ColumnIgnored, How: "mapping"}, none, Errorf(h.pos, "[columns] %q = %q: the attribute needs a name, as in \"attr:Team\"", key, target)
		}
		return Column{Kind: ColumnAttribute, Attr: name, How: "mapping"}, colPlan{q: -1, attr: name}, nil
	}
	if q := m.questionByID(target); q != nil {
		return Column{Kind: ColumnQuestion, Question: q.ID, How: "mapping"}, colPlan{q: q.Index}, nil
	}
	if i := strings.IndexByte(target, ':'); i > 0 {
		if q := m.questionByID(target[:i]); q != nil {
			if q.Type != TypeMulti {
				return Column{Kind: ColumnIgnored, How: "mapping"}, none, Errorf(h.pos, "[columns] %q = %q: question %q is not a multi question, so a column cannot hold one of its options", key, target, q.ID)
			}
			label, ok := m.ix.option(q, target[i+1:])
			if !ok {
				return Column{Kind: ColumnIgnored, How: "mapping"}, none, Errorf(h.pos, "[columns] %q = %q: question %q has no option %q", key, target, q.ID, strings.TrimSpace(target[i+1:]))
			}
			return Column{Kind: ColumnQuestion, Question: q.ID, Option: label, How: "mapping"}, colPlan{q: q.Index, opt: label}, nil
		}
	}
	return Column{Kind: ColumnIgnored, How: "mapping"}, none, Errorf(h.pos, "[columns] %q = %q: rubric %q has no such question; use a question id, \"QUESTION:OPTION\", \"attr:NAME\" or \"ignore\"", key, target, m.rb.ID)
}

func (m *columnMatcher) questionByID(id string) *Question {
	id = strings.TrimSpace(id)
	if q := m.ix.byID[id]; q != nil {
		return q
	}
	if qs := m.ix.byNormID[Normalize(id)]; len(qs) == 1 {
		return qs[0]
	}
	return nil
}
