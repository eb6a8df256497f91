package assess

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// rowReader reads the rows of a tabular input (CSV, XLSX).
type rowReader interface {
	// read fills row with the next row, reusing its slices; io.EOF at the end.
	read(row *tableRow) error
	close() error
}

// tableRow is one row of cells, each with its position.
type tableRow struct {
	cells []string
	pos   []Position
	line  int
}

// cell is cell j trimmed, as headers and bookkeeping columns are read: cut
// to maxHeaderCell bytes, since no survey tool writes a header or a status
// that long, and a hostile 15 MB header would otherwise be normalised whole
// by every candidate layout. Answers are read from cells, not through here.
func (r *tableRow) cell(j int) string {
	if j >= len(r.cells) {
		return ""
	}
	c := strings.TrimSpace(r.cells[j])
	if len(c) > maxHeaderCell {
		c = strings.ToValidUTF8(c[:maxHeaderCell], "")
	}
	return c
}

// maxHeaderCell bounds the header text read from one cell: a question's
// text with its HTML is a few kilobytes at most.
const maxHeaderCell = 64 << 10

func (r *tableRow) blank() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// tableSource turns the rows of a tabular input into respondents: one
// header (of one to three rows, after any title lines), then one
// respondent per row.
type tableSource struct {
	name    string
	rr      rowReader
	rb      *Rubric
	nq      int
	nattr   int
	layout  tableLayout
	cols    []Column
	plans   []colPlan
	pending []*tableRow // rows read ahead while looking for the header
	readErr error       // how reading ahead (sampleRows) ended, for Next after pending
	row     tableRow
	closed  bool
	rec     *recoder
	rules   rowRules
	// excluded counts responses left out, by reason; kept counts those
	// read but worth a word in inspect ("survey test", "incomplete").
	excluded, kept map[string]int
	problems       ErrorList // matching problems, kept when lenient
	headerLine     int
}

// openTable reads the first rows, decides the layout and the header, and
// returns the source of the rest: a *tableSource, or a *longSource for a
// long layout.
func openTable(name string, rr rowReader, rb *Rubric, opt ReadOptions) (Source, error) {
	fail := func(err error) (Source, error) {
		_ = rr.close()
		return nil, err
	}
	var rows []*tableRow
	for len(rows) < headerScanRows {
		row := &tableRow{}
		if err := rr.read(row); err == io.EOF {
			break
		} else if err != nil {
			return fail(err)
		}
		if row.blank() {
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return fail(Errorf(Position{File: name, Line: 1, Col: 1}, "no header row"))
	}
	_, forced, _ := parseFormat(opt.Format)
	m := newColumnMatcher(rb, opt)
	l, err := detectLayout(rows, forced, m)
	if err != nil {
		return fail(err)
	}
	m.layout = l.name
	used := l.skipped + l.rows
	for _, r := range rows[l.skipped:used] {
		for j, c := range r.cells {
			if err := checkUTF8(r.pos[j], c); err != nil {
				return fail(err)
			}
		}
	}
	rec, err := newRecoder(rb, opt, l.name, name)
	if err != nil {
		return fail(err)
	}
	if l.long != nil {
		return openLong(name, rr, rows[l.skipped:], l, rb, m, rec, opt.lenient)
	}
	s := &tableSource{name: name, rr: rr, rb: rb, nq: len(rb.Questions), layout: l, rec: rec,
		pending: rows[used:], excluded: map[string]int{}, kept: map[string]int{}, headerLine: rows[l.skipped].line}
	cols, plans, err := m.match(l.hs)
	if len(m.ambiguous) > 0 && (err == nil || opt.lenient) {
		s.readAhead(ambiguousSample, contentSampleBytes)
		if aerr := s.decideAmbiguous(m.ambiguous, l.hs, cols, plans); aerr != nil {
			var all ErrorList
			if err != nil {
				all = asErrorList(err)
			}
			all = append(all, asErrorList(aerr)...)
			sortErrors(all)
			err = all
		}
	}
	if err != nil {
		if !opt.lenient {
			return fail(err)
		}
		s.problems = asErrorList(err)
	}
	s.cols, s.plans = cols, plans
	s.sampleRows()
	dropPersonalColumns(cols, plans, l.hs, l.name, s.pending)
	for _, p := range plans {
		if p.attr != "" {
			s.nattr++
		}
	}
	s.rules = newRowRules(l, cols)
	return s, nil
}

func asErrorList(err error) ErrorList {
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return ErrorList{&Error{Msg: err.Error(), Err: err}}
}

// ambiguousSample is how many rows are read ahead to tell which of
// several columns answers a question, when their headers do not.
const ambiguousSample = 200

// decideAmbiguous settles each group of columns that answer one question
// equally well by their answers: a statement asked under "How often do
// you: ..." and under "How comfortable do you feel when you: ..." is the
// question whose scale labels its cells hold. The one column whose
// answers fit is read and the others are set aside; when none or several
// fit, the group is an error naming the columns.
func (s *tableSource) decideAmbiguous(groups [][]int, hs []headerCell, cols []Column, plans []colPlan) error {
	var errs ErrorList
	for _, g := range groups {
		q := s.rb.Questions[plans[g[0]].q]
		var fits []int
		for _, i := range g {
			if s.answersFit(q, i) {
				fits = append(fits, i)
			}
		}
		if len(fits) != 1 {
			why, named := ", and their answers do not tell which", g
			if len(fits) > 1 {
				why, named = ", and the answers of each fit it", fits
			}
			errs = append(errs, ambiguousError(hs, cols, named, why))
			for _, i := range g {
				if i != named[0] {
					dropDuplicate(cols, plans, i, errs[len(errs)-1])
				}
			}
			continue
		}
		for _, i := range g {
			if i == fits[0] {
				continue
			}
			cols[i].Kind, cols[i].How = ColumnIgnored, "duplicate"
			cols[i].Why = fmt.Sprintf("its answers are not those of question %q, which column %d (%s) answers", q.ID, fits[0]+1, quoteShort(cols[fits[0]].Header, 60))
			plans[i] = colPlan{q: -1}
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return errs
	}
	return nil
}

// answersFit tells whether the read-ahead cells of column j answer q:
// some do, and at least nine in ten of those not empty are a label, a
// point or a skip answer of q.
func (s *tableSource) answersFit(q *Question, j int) bool {
	fit, misfit := 0, 0
	for _, r := range s.pending {
		v := r.cell(j)
		if v == "" {
			continue
		}
		vals := []string{v}
		if s.rec != nil {
			if rv, ok := s.rec.recode(q, v); ok {
				vals = rv
			}
		}
		if len(vals) == 0 {
			fit++
			continue
		}
		switch q.resolve(Cell{Values: vals}).state {
		case answerOK, answerSkip:
			fit++
		default:
			misfit++
		}
	}
	return fit > 0 && misfit*10 <= fit+misfit
}

// Columns tells how each column was matched.
func (s *tableSource) Columns() []Column { return s.cols }

// Excluded counts the responses left out, by reason (see Excluder).
func (s *tableSource) Excluded() map[string]int { return s.excluded }

// Warnings says how the input was decoded, when not as UTF-8 (see Warner).
func (s *tableSource) Warnings() []*Error { return rowWarnings(s.rr) }

func rowWarnings(rr rowReader) []*Error {
	if w, ok := rr.(interface{ warnings() []*Error }); ok {
		return w.warnings()
	}
	return nil
}

// Close releases the input; Next closes it itself at the end or an error.
func (s *tableSource) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.rr.close()
}

// Next returns the next respondent. Rows with no text in any cell (as
// spreadsheets write for blank lines) are skipped, and so are the
// responses the layout leaves out (counted in Excluded).
func (s *tableSource) Next() (*Respondent, error) {
	for {
		if s.closed {
			return nil, io.EOF
		}
		row := &s.row
		if len(s.pending) > 0 {
			row, s.pending = s.pending[0], s.pending[1:]
		} else if err := s.readErr; err != nil {
			s.readErr = nil
			s.Close()
			return nil, err
		} else if err := s.rr.read(row); err != nil {
			s.Close()
			return nil, err
		}
		if row.blank() {
			continue
		}
		if why := s.rules.exclude(row); why != "" {
			s.excluded[why]++
			continue
		}
		if why := s.rules.note(row); why != "" {
			s.kept[why]++
		}
		resp, err := s.respondent(row)
		if err != nil {
			s.Close()
		}
		return resp, err
	}
}

func (s *tableSource) respondent(row *tableRow) (*Respondent, error) {
	resp := &Respondent{Pos: Position{File: s.name, Line: row.line, Col: 1}, Answers: make([]Cell, s.nq)}
	if s.nattr > 0 {
		resp.Attributes = make(map[string]string, s.nattr)
	}
	vals := make([]string, s.nq) // one backing array for the single-valued cells
	for j, p := range s.plans {
		if j >= len(row.cells) {
			break
		}
		v := row.cells[j]
		if p.q < 0 && p.attr == "" && !p.id {
			continue
		}
		if err := checkUTF8(row.pos[j], v); err != nil {
			return nil, err
		}
		t := strings.TrimSpace(v)
		switch {
		case p.q >= 0 && t == "":
		case p.q >= 0 && p.opt == "":
			if s.rec != nil {
				if rv, ok := s.rec.recode(s.rb.Questions[p.q], v); ok {
					if len(rv) > 0 {
						resp.Answers[p.q] = Cell{Values: rv, Pos: row.pos[j]}
					}
					continue
				}
			}
			vals[p.q] = v
			resp.Answers[p.q] = Cell{Values: vals[p.q : p.q+1 : p.q+1], Pos: row.pos[j]}
		case p.q >= 0:
			if s.rec != nil {
				if rv, ok := s.rec.recode(s.rb.Questions[p.q], v); ok {
					if len(rv) == 0 {
						continue
					}
					t = rv[0]
				}
			}
			if optionSelected(t) {
				c := &resp.Answers[p.q]
				if len(c.Values) == 0 {
					c.Pos = row.pos[j]
				}
				c.Values = append(c.Values, p.opt)
			}
		case p.attr != "":
			if t != "" {
				resp.Attributes[p.attr] = t
			}
		case p.id:
			resp.ID = t
		}
	}
	if resp.ID == "" {
		resp.ID, resp.IDGenerated = "row "+strconv.Itoa(row.line), true
	}
	resp.Seconds, resp.Timed = s.rules.seconds(row)
	return resp, nil
}

// optionSelected reads a cell of a one-column-per-option multi question:
// tools write the option's label, 1, TRUE, X or "yes" in the export's
// language for a chosen option, and leave the cell empty or write 0,
// FALSE, n/a or "no" in the export's language for the others.
func optionSelected(v string) bool {
	return !notSelected[Normalize(v)]
}

// notSelected are the cells that say an option was not chosen: "no" and
// "false" as LimeSurvey, KoboToolbox and spreadsheets write them in the
// languages of their exports.
var notSelected = map[string]bool{
	"": true, "0": true, "-": true, "-99": true, "n/a": true, "na": true, "n": true,
	"false": true, "falsch": true, "faux": true, "falso": true, "onwaar": true, "fałsz": true, "falsk": true,
	"no": true, "nein": true, "non": true, "nee": true, "não": true, "nao": true, "nej": true, "nei": true,
	"nie": true, "ne": true, "ei": true, "nem": true, "hayır": true, "όχι": true, "нет": true, "ні": true,
	"not selected": true, "unselected": true, "unchecked": true, "not chosen": true, "nicht gewählt": true,
	"nicht ausgewählt": true, "non sélectionné": true, "no seleccionado": true, "não selecionado": true,
}
