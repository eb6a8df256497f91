package assess

import (
	"hash/maphash"
	"io"
	"strings"
)

// The long layout holds one answer per row: a respondent column, a
// question column and an answer column, as databases and several tools
// export. Question names are matched as headers are (mapping, id, text,
// alias, "Question - Option"); a name that is no question is an
// attribute ("Team"), or personal data that is dropped ("Email"). Other
// columns give attributes, taken from a respondent's first row that has
// them. A multi question may take one row per chosen option.
//
// It streams: a respondent's rows must be together, as exports write
// them. Only a 64-bit hash and the first line of every respondent id are
// kept, to report an id that comes back after others as an error that
// asks for the file to be sorted: merging it silently would need every
// respondent in memory, and a consultant should know the file is not in
// the order it seems.

// longPrefetch is how many rows are read ahead at the start, so that
// Columns can tell the question names before scoring begins.
const longPrefetch = 1000

// maxLongNames bounds the question names remembered with their match.
const maxLongNames = 4096

type longSource struct {
	name    string
	rr      rowReader
	rb      *Rubric
	m       *columnMatcher
	rec     *recoder
	roles   longRoles
	lenient bool

	cols    []Column
	extra   []colPlan      // by physical column; q < 0 for the role columns
	byName  map[string]int // headerKey of a question name → index in names
	names   []longName
	pending []*tableRow
	row     tableRow
	closed  bool

	cur        *Respondent
	curID      string
	seen       map[uint64]int
	seed       maphash.Seed
	problems   ErrorList
	layout     tableLayout
	headerLine int
}

type longName struct {
	plan colPlan
	col  int // index in cols
}

func openLong(name string, rr rowReader, rows []*tableRow, l tableLayout, rb *Rubric, m *columnMatcher, rec *recoder, lenient bool) (Source, error) {
	s := &longSource{name: name, rr: rr, rb: rb, m: m, rec: rec, roles: *l.long, lenient: lenient,
		byName: map[string]int{}, seen: map[uint64]int{}, seed: maphash.MakeSeed(), layout: l, headerLine: rows[0].line}
	s.pending = append(s.pending, rows[1:]...)
	s.extra = make([]colPlan, len(l.hs))
	for j, h := range l.hs {
		switch j {
		case s.roles.resp:
			s.cols = append(s.cols, Column{Index: j, Header: h.text, Kind: ColumnIdentity, How: "respondent",
				Why: "the long layout's respondent id: used to group rows, never shown"})
			s.extra[j] = colPlan{q: -1}
			continue
		case s.roles.question, s.roles.answer:
			s.extra[j] = colPlan{q: -1}
			continue
		}
		c, p, err := m.matchOne(h, false)
		if err != nil && !lenient {
			_ = rr.close()
			return nil, err
		} else if err != nil {
			s.problems = append(s.problems, err)
		}
		if c.Kind == ColumnQuestion {
			c, p = Column{Kind: ColumnIgnored, How: "long", Why: "in a long file, questions come from the question column"}, colPlan{q: -1}
		}
		c.Index, c.Header = j, h.text
		s.cols = append(s.cols, c)
		s.extra[j] = p
	}
	// Read ahead, so that Columns names the questions of the first rows.
	for _, row := range s.pending {
		if _, err := s.plan(row); err != nil {
			_ = rr.close()
			return nil, err
		}
	}
	for len(s.pending) < longPrefetch {
		row := &tableRow{}
		if err := rr.read(row); err == io.EOF {
			break
		} else if err != nil {
			_ = rr.close()
			return nil, err
		}
		if row.blank() {
			continue
		}
		if _, err := s.plan(row); err != nil {
			_ = rr.close()
			return nil, err
		}
		s.pending = append(s.pending, row)
	}
	dropPersonalColumns(s.cols, s.extra, l.hs, l.name, s.pending)
	return s, nil
}

// Columns lists the respondent column, the other columns, then every
// question name seen so far as a column of its own (Index is the
// question column's).
func (s *longSource) Columns() []Column { return s.cols }

// Excluded: the long layout leaves nothing out.
func (s *longSource) Excluded() map[string]int { return map[string]int{} }

// Warnings says how the input was decoded, when not as UTF-8 (see Warner).
func (s *longSource) Warnings() []*Error { return rowWarnings(s.rr) }

func (s *longSource) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.rr.close()
}

// plan matches the question name of a row, remembering the match.
func (s *longSource) plan(row *tableRow) (colPlan, error) {
	name := row.cell(s.roles.question)
	if name == "" {
		return colPlan{q: -1}, nil
	}
	if err := checkUTF8(row.posOf(s.roles.question), name); err != nil {
		return colPlan{}, err
	}
	key := headerKey(name)
	if i, ok := s.byName[key]; ok {
		return s.names[i].plan, nil
	}
	hs := []headerCell{{text: name, pos: row.posOf(s.roles.question)}}
	finishHeader(hs, LayoutLong)
	c, p, err := s.m.matchOne(hs[0], true)
	if err != nil {
		if !s.lenient {
			return colPlan{}, err
		}
		s.problems = append(s.problems, err)
	}
	if p.id { // a second respondent id, as a question: not read
		p.id = false
	}
	if len(s.names) < maxLongNames {
		c.Index, c.Header = s.roles.question, name
		s.byName[key] = len(s.names)
		s.names = append(s.names, longName{plan: p, col: len(s.cols)})
		s.cols = append(s.cols, c)
	}
	return p, nil
}

// Next returns the next respondent: the rows up to the next respondent id.
func (s *longSource) Next() (*Respondent, error) {
	for {
		if s.closed {
			return s.flush()
		}
		row := &s.row
		if len(s.pending) > 0 {
			row, s.pending = s.pending[0], s.pending[1:]
		} else if err := s.rr.read(row); err == io.EOF {
			s.Close()
			return s.flush()
		} else if err != nil {
			s.Close()
			return nil, err
		}
		if row.blank() {
			continue
		}
		id := row.cell(s.roles.resp)
		if id == "" {
			s.Close()
			return nil, Errorf(row.posOf(s.roles.resp), "no respondent id in this row; every row of a long file names its respondent")
		}
		var done *Respondent
		if s.cur != nil && id != s.curID {
			done = s.cur
			s.cur = nil
		}
		if s.cur == nil {
			if err := s.start(row, id); err != nil {
				s.Close()
				return nil, err
			}
		}
		if err := s.add(row); err != nil {
			s.Close()
			return nil, err
		}
		if done != nil {
			return done, nil
		}
	}
}

func (s *longSource) flush() (*Respondent, error) {
	if s.cur == nil {
		return nil, io.EOF
	}
	done := s.cur
	s.cur = nil
	return done, nil
}

func (s *longSource) start(row *tableRow, id string) error {
	if err := checkUTF8(row.posOf(s.roles.resp), id); err != nil {
		return err
	}
	h := maphash.String(s.seed, id)
	if first, ok := s.seen[h]; ok {
		return Errorf(row.posOf(s.roles.resp), "respondent %q comes back after other respondents (its rows start at line %d); a long file must keep each respondent's rows together: sort it by the %q column",
			id, first, s.layout.hs[s.roles.resp].text)
	}
	s.seen[h] = row.line
	s.curID = id
	s.cur = &Respondent{Pos: Position{File: s.name, Line: row.line, Col: 1}, ID: id, Answers: make([]Cell, len(s.rb.Questions))}
	return nil
}

// add puts one row's answer (and attributes) into the current respondent.
func (s *longSource) add(row *tableRow) error {
	resp := s.cur
	for j, p := range s.extra {
		if p.attr == "" || j >= len(row.cells) {
			continue
		}
		if t := strings.TrimSpace(row.cells[j]); t != "" {
			if err := checkUTF8(row.pos[j], t); err != nil {
				return err
			}
			if _, ok := resp.Attributes[p.attr]; !ok {
				s.setAttr(p.attr, t)
			}
		}
	}
	p, err := s.plan(row)
	if err != nil {
		return err
	}
	a := s.roles.answer
	v := ""
	if a < len(row.cells) {
		v = row.cells[a]
	}
	t := strings.TrimSpace(v)
	if t == "" || p.q < 0 && p.attr == "" {
		return nil
	}
	at := row.posOf(a)
	if err := checkUTF8(at, v); err != nil {
		return err
	}
	if p.attr != "" {
		s.setAttr(p.attr, t)
		return nil
	}
	vals := []string{v}
	if s.rec != nil {
		if rv, ok := s.rec.recode(s.rb.Questions[p.q], v); ok {
			vals = rv
		}
	}
	c := &resp.Answers[p.q]
	if p.opt != "" {
		if len(vals) == 0 || !optionSelected(vals[0]) {
			return nil
		}
		vals = []string{p.opt}
	}
	if len(vals) == 0 {
		return nil
	}
	if len(c.Values) == 0 {
		c.Pos = at
	}
	c.Values = append(c.Values, vals...)
	return nil
}

func (s *longSource) setAttr(name, v string) {
	if s.cur.Attributes == nil {
		s.cur.Attributes = map[string]string{}
	}
	s.cur.Attributes[name] = v
}
