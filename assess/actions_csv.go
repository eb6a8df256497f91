package assess

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// ActionsHeader is the header of the actions CSV that `aiready plan
// export` writes and `actions = "actions.csv"` reads back. title, for and
// horizon are the plan's, for the reader of a tracker; reading ignores
// them, and any column it does not know.
var ActionsHeader = []string{"recommendation", "title", "for", "horizon", "owner", "due", "status", "note"}

// countingReader stops a file larger than its limit.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
	name  string
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return 0, Errorf(Position{File: c.name, Line: 1, Col: 1}, "the actions file is larger than %d MB; it holds one row per action", c.limit>>20)
	}
	return n, err
}

// ReadActionsCSV reads an actions CSV, streamed: UTF-8 with or without a
// byte order mark, comma, semicolon or tab, CRLF or LF, as the answer
// readers take them. Every problem is reported with its line and column.
func ReadActionsCSV(name string, r io.Reader) ([]Action, error) {
	rows, err := newCSVRows(name, bufio.NewReaderSize(&countingReader{r: r, limit: MaxActionsCSVSize, name: name}, sniffSize))
	if err != nil {
		return nil, err
	}
	var row tableRow
	if err := rows.read(&row); err != nil {
		if err == io.EOF {
			return nil, Errorf(Position{File: name, Line: 1, Col: 1}, "the actions file is empty; 'aiready plan export' writes one to start from")
		}
		return nil, err
	}
	col := map[string]int{}
	for j := range row.cells {
		h := strings.ToLower(row.cell(j))
		if _, dup := col[h]; dup && h != "" {
			return nil, Errorf(row.pos[j], "column %q is given twice", truncate(h, 40))
		}
		col[h] = j
	}
	if _, ok := col["recommendation"]; !ok {
		return nil, Errorf(Position{File: name, Line: row.line, Col: 1}, "no \"recommendation\" column: the header must be %s, as 'aiready plan export' writes it", strings.Join(ActionsHeader, ","))
	}
	var out []Action
	var errs ErrorList
	for {
		if err := rows.read(&row); err != nil {
			if err == io.EOF {
				break
			}
			var e *Error
			if errors.As(err, &e) {
				return nil, append(errs, e)
			}
			return nil, err
		}
		if row.blank() {
			continue
		}
		if len(out) == maxActions {
			return nil, append(errs, Errorf(row.pos[0], "more than %d actions; a plan has tens of recommendations", maxActions))
		}
		a, bad := actionRow(name, &row, col)
		errs = append(errs, bad...)
		if len(errs) >= 50 {
			break
		}
		out = append(out, a)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// actionRow reads one row of the actions CSV.
func actionRow(name string, row *tableRow, col map[string]int) (Action, ErrorList) {
	var errs ErrorList
	at := func(key string) Position {
		if j, ok := col[key]; ok && j < len(row.pos) {
			return row.pos[j]
		}
		return Position{File: name, Line: row.line, Col: 1}
	}
	get := func(key string) string {
		j, ok := col[key]
		if !ok || j >= len(row.cells) {
			return ""
		}
		return strings.TrimSpace(row.cells[j])
	}
	a := Action{Recommendation: get("recommendation"), Owner: unformula(get("owner")), Note: unformula(get("note")),
		Status: strings.ToLower(get("status")), Pos: Position{File: name, Line: row.line, Col: 1}, RecommendationPos: at("recommendation")}
	if a.Status == "" {
		a.Status = StatusPlanned
	}
	if d := get("due"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		switch {
		case err != nil:
			errs = append(errs, Errorf(at("due"), "due %q: write the date as YYYY-MM-DD, such as 2026-12-20 (a spreadsheet may have changed its format)", truncate(d, 40)))
		case CheckYear(t) != "":
			errs = append(errs, Errorf(at("due"), "due %s: %s", d, CheckYear(t)))
		default:
			a.Due = t
		}
	}
	for _, p := range actionProblems(&a) {
		errs = append(errs, Errorf(at(p.key), "action: %s", p.msg))
	}
	return a, errs
}

// readActionsFile reads the actions CSV that assessment.toml names.
func readActionsFile(file string) ([]Action, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, FileError(file, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{Pos: Position{File: file}, Msg: "is a folder; name the CSV that 'aiready plan export' writes"}
	}
	return ReadActionsCSV(file, f)
}

// WriteActionsCSV writes the plan of res as the actions CSV: one row per
// recommendation of the plan, in plan order, then one per action whose
// recommendation is not in the plan now (a cleared flag's, say), so that
// no action is lost on the way through a tracker. Owner, due, status and
// note are the action's; without one, the owner is empty, the due date is
// the assessment's date plus the horizon and the status planned. Written
// with a UTF-8 byte order mark, which spreadsheets need to read accented
// letters; reading it back and exporting again gives the same bytes.
func WriteActionsCSV(w io.Writer, res *Result) error {
	var b bytes.Buffer
	b.Write(utf8BOM)
	cw := csv.NewWriter(&b)
	_ = cw.Write(ActionsHeader)
	date, _ := time.Parse(time.DateOnly, res.Date) // zero without a date
	byRec := map[string]*ActionResult{}
	for i := range res.Actions {
		if _, ok := byRec[res.Actions[i].Recommendation]; !ok {
			byRec[res.Actions[i].Recommendation] = &res.Actions[i]
		}
	}
	inPlan := map[string]bool{}
	row := func(id string, horizon int) {
		rc := res.Recommendation(id)
		title, what := "", ""
		if rc != nil {
			title, horizon = rc.Title, rc.Horizon
			what = rc.Dimension
			if rc.Flag != "" {
				what = rc.Flag
			}
			if rc.Check != "" {
				what = rc.Check
			}
		}
		owner, due, status, note := "", "", StatusPlanned, ""
		if !date.IsZero() && horizon > 0 {
			due = date.AddDate(0, 0, horizon).Format("2006-01-02")
		}
		if a := byRec[id]; a != nil {
			owner, due, status, note = a.Owner, a.Due, a.Status, a.Note
		}
		h := ""
		if horizon > 0 {
			h = strconv.Itoa(horizon)
		}
		_ = cw.Write([]string{id, csvSafe(title), what, h, csvSafe(owner), due, status, csvSafe(note)})
	}
	for _, rr := range res.Recommendations {
		if inPlan[rr.ID] {
			continue
		}
		inPlan[rr.ID] = true
		row(rr.ID, rr.Horizon)
	}
	for _, a := range res.Actions {
		if !inPlan[a.Recommendation] {
			inPlan[a.Recommendation] = true
			row(a.Recommendation, 0)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// csvSafe keeps a text a spreadsheet would take for a formula (=, +, -,
// @ first) from running as one: it is written after an apostrophe, which
// spreadsheets hide and read as "text". Reading back keeps the apostrophe
// out (see unformula), so that the round trip gives the same bytes.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unformula undoes csvSafe.
func unformula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

// ExportActions scores the plan's assessment and writes its actions CSV.
func (p *Plan) ExportActions(w io.Writer) error {
	res, err := p.Result()
	if err != nil {
		return err
	}
	return WriteActionsCSV(w, res)
}

// readActions reads the project's actions: its [[action]] tables, then the
// rows of the CSV it names.
func (p *Plan) readActions() error {
	pr := p.Project
	if pr == nil {
		return nil
	}
	p.Actions = append([]Action(nil), pr.Actions...)
	if pr.ActionsFile == "" {
		return nil
	}
	acts, err := readActionsFile(pr.ActionsFile)
	if err != nil {
		return err
	}
	p.Actions = append(p.Actions, acts...)
	return nil
}
