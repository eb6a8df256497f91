package assess

import (
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

func (r *tableRow) cell(j int) string {
	if j < len(r.cells) {
		return strings.TrimSpace(r.cells[j])
	}
	return ""
}

func (r *tableRow) blank() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// tableSource turns the rows of a tabular input into respondents: one
// header (of one to three rows), then one respondent per row.
type tableSource struct {
	name    string
	rr      rowReader
	nq      int
	nattr   int
	cols    []Column
	plans   []colPlan
	pending []*tableRow // rows read ahead while looking for header rows
	row     tableRow
	closed  bool
}

func openTable(name string, rr rowReader, rb *Rubric, opt ReadOptions) (*tableSource, error) {
	s := &tableSource{name: name, rr: rr, nq: len(rb.Questions)}
	// The header is the first row with any text; up to two more rows are
	// read to recognise exports with several header rows.
	var rows []*tableRow
	for len(rows) < 3 {
		row := &tableRow{}
		if err := rr.read(row); err == io.EOF {
			break
		} else if err != nil {
			s.Close()
			return nil, err
		}
		if len(rows) == 0 && row.blank() {
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		s.Close()
		return nil, Errorf(Position{File: name, Line: 1, Col: 1}, "no header row")
	}
	hs, used := headerCells(rows)
	for _, r := range rows[:used] {
		for j, c := range r.cells {
			if err := checkUTF8(r.pos[j], c); err != nil {
				s.Close()
				return nil, err
			}
		}
	}
	s.pending = rows[used:]
	cols, plans, err := newColumnMatcher(rb, opt).match(hs)
	if err != nil {
		s.Close()
		return nil, err
	}
	s.cols, s.plans = cols, plans
	for _, p := range plans {
		if p.attr != "" {
			s.nattr++
		}
	}
	return s, nil
}

// Columns tells how each column was matched.
func (s *tableSource) Columns() []Column { return s.cols }

// Close releases the input; Next closes it itself at the end or an error.
func (s *tableSource) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.rr.close()
}

// Next returns the next respondent. Rows with no text in any cell (as
// spreadsheets write for blank lines) are skipped.
func (s *tableSource) Next() (*Respondent, error) {
	for {
		if s.closed {
			return nil, io.EOF
		}
		row := &s.row
		if len(s.pending) > 0 {
			row, s.pending = s.pending[0], s.pending[1:]
		} else if err := s.rr.read(row); err != nil {
			s.Close()
			return nil, err
		}
		if row.blank() {
			continue
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
		case p.q >= 0 && p.opt == "":
			if t != "" {
				vals[p.q] = v
				resp.Answers[p.q] = Cell{Values: vals[p.q : p.q+1 : p.q+1], Pos: row.pos[j]}
			}
		case p.q >= 0:
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
		resp.ID = "row " + strconv.Itoa(row.line)
	}
	return resp, nil
}

// optionSelected reads a cell of a one-column-per-option multi question:
// tools write the option's label, 1, TRUE or X for a chosen option, and
// leave the cell empty or write 0, FALSE or n/a for the others.
func optionSelected(v string) bool {
	switch Normalize(v) {
	case "", "0", "false", "no", "n", "n/a", "na", "-", "-99", "not selected", "unselected", "unchecked":
		return false
	}
	return true
}

// headerCells reads the header rows. Besides the common single row it
// recognises Qualtrics (export tags, question texts and an ImportId row;
// or the legacy V1, V2, ... row over a row of names) and raw SurveyMonkey
// exports (question texts over a row of "Response" and sub-labels, the
// text written only over a question's first column). It returns how many
// of rows are header rows.
func headerCells(rows []*tableRow) ([]headerCell, int) {
	r1 := rows[0]
	var r2 *tableRow
	if len(rows) > 1 {
		r2 = rows[1]
	}
	width := len(r1.cells)
	posAt := func(j int) Position {
		if j < len(r1.pos) {
			return r1.pos[j]
		}
		return r2.pos[j]
	}
	hs := make([]headerCell, 0, width)
	add := func(text string, alts ...string) *headerCell {
		h := headerCell{text: text, pos: posAt(len(hs))}
		for _, a := range alts {
			if a != "" && a != text {
				h.alts = append(h.alts, a)
			}
		}
		// Google Forms grid: "Question [Row statement]".
		if strings.HasSuffix(text, "]") {
			if i := strings.LastIndex(text, " ["); i > 0 {
				h.alts = append(h.alts, text[i+2:len(text)-1])
			}
		}
		hs = append(hs, h)
		return &hs[len(hs)-1]
	}
	switch {
	case len(rows) > 2 && isImportIDRow(rows[2]):
		for j := range width {
			add(r1.cell(j), r2.cell(j))
		}
		return hs, 3
	case r2 != nil && r1.cell(0) == "V1" && r1.cell(1) == "V2" && Normalize(r2.cell(0)) == "responseid":
		for j := range width {
			top, name := r1.cell(j), r2.cell(j)
			if isLegacyTag(top) || top == "" {
				add(name, top)
			} else {
				add(top, name)
			}
		}
		return hs, 2
	case r2 != nil && isSurveyMonkeySubRow(r2):
		width = max(width, len(r2.cells))
		fill := ""
		for j := range width {
			top, sub := r1.cell(j), r2.cell(j)
			if top != "" {
				fill = top
			} else if sub != "" {
				top = fill
			}
			if isResponseLabel(sub) || top == "" {
				add(top)
				continue
			}
			h := add(top+" - "+sub, sub)
			h.pairs = append(h.pairs, [2]string{top, sub})
		}
		return hs, 2
	}
	for j := range width {
		add(r1.cell(j))
	}
	return hs, 1
}

// isImportIDRow recognises Qualtrics' third header row:
// {"ImportId":"QID1"} (or with single quotes, in older exports).
func isImportIDRow(r *tableRow) bool {
	n, ids := 0, 0
	for _, c := range r.cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		if strings.HasPrefix(c, `{"ImportId"`) || strings.HasPrefix(c, `{'ImportId'`) {
			ids++
		}
	}
	return ids > 0 && 2*ids >= n
}

// isLegacyTag recognises Qualtrics legacy tags V1, V2, ...
func isLegacyTag(s string) bool {
	if len(s) < 2 || s[0] != 'V' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isResponseLabel(s string) bool {
	switch Normalize(s) {
	case "", "response", "open-ended response":
		return true
	}
	return false
}

// isSurveyMonkeySubRow recognises the second header row of a raw
// SurveyMonkey export: its first cell is empty and it says "Response" or
// "Open-Ended Response" over the questions' columns.
func isSurveyMonkeySubRow(r *tableRow) bool {
	if r.cell(0) != "" {
		return false
	}
	for _, c := range r.cells {
		if n := Normalize(c); n == "response" || n == "open-ended response" {
			return true
		}
	}
	return false
}
