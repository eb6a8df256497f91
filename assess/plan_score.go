package assess

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Result reads every input through one Scorer and returns the final
// result, every step applied in this order:
//
//  1. score the answers (and refuse the same answers given twice);
//  2. the report's date;
//  3. the checks against the evidence (Settings.Evidence, else the
//     project's) and the gaps, which may cap the level and lead the plan;
//  4. the consultant's overrides and notes;
//  5. the comparison with the previous assessment, and the history;
//     the actions, overdue by the date and, when done, moved or not;
//  6. the percentiles among the norms.
func (p *Plan) Result() (*Result, error) {
	res, err := p.Score(nil)
	if err != nil {
		return nil, err
	}
	if !p.Report.Date.IsZero() {
		res.Date = p.Report.Date.Format("2006-01-02")
	}
	ApplyChecks(res, p.Evidence())
	if pr := p.Project; pr != nil {
		ApplyOverrides(res, pr.Overrides, pr.Notes)
	}
	if p.Previous != nil {
		Compare(res, p.Previous)
	}
	ApplyActions(res, p.Actions, p.Previous)
	res.History = history(p.Previous, p.History)
	if p.Norms != nil {
		if err := p.Norms.Apply(res); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Evidence are the figures the checks test: the caller's, else the
// project's.
func (p *Plan) Evidence() []Evidence {
	if p.Settings.Evidence != nil {
		return p.Settings.Evidence
	}
	if p.Project != nil {
		return p.Project.Evidence
	}
	return nil
}

// InputSeen is told how each input's columns map, as it is read: nil
// columns for native answers, which name questions by id.
type InputSeen func(name string, cols []Column)

// Score reads and scores the answers alone: Result's first step. seen,
// if given, is told of each input as it is read. Leaving speeders out
// (Options.ExcludeFlagged) needs the median duration of every
// respondent, so when the first reading finds speeders the inputs are
// read once more, with the median known.
func (p *Plan) Score(seen InputSeen) (*Result, error) {
	opt := p.Options
	if err := opt.CheckSmallGroups(); err != nil {
		return nil, err // min_group_size of a project: the caller's is refused before
	}
	s, err := p.score(opt, seen)
	if err != nil {
		return nil, err
	}
	if lim := s.SpeedLimit(); opt.ExcludeFlagged && lim > 0 && s.m.speeders() > 0 {
		if p.Settings.Answers == nil && slices.Contains(p.Inputs, "-") {
			return nil, &Hinted{Err: &Error{Pos: Position{File: "--exclude-flagged"}, Msg: "speeders are found from the median duration, which takes a second reading of the answers, and standard input can be read only once"}, Hint: "give the answers as a file"}
		}
		opt.speedBelow = lim
		if s, err = p.score(opt, nil); err != nil {
			return nil, err
		}
	}
	return p.result(s)
}

// score reads every input through one new Scorer.
func (p *Plan) score(opt Options, seen InputSeen) (*Scorer, error) {
	s := NewScorer(p.Rubric, opt)
	if st := p.Settings; st.Answers != nil {
		src, err := OpenAnswers(st.AnswersName, bytes.NewReader(st.Answers), p.Rubric, p.Read)
		if err != nil {
			return nil, err
		}
		return s, s.AddSource(src)
	}
	stdin, sameStdin, err := refuseSame(p.Settings.Stdin, p.Inputs)
	if err != nil {
		return nil, p.inProject(err)
	}
	for _, in := range p.Inputs {
		if err := p.addInput(s, stdin, in, seen); err != nil {
			return nil, err
		}
	}
	return s, sameStdin()
}

func (p *Plan) result(s *Scorer) (*Result, error) {
	res, err := s.Result()
	if err != nil {
		return nil, err
	}
	if res.DataQuality.Rows == 0 && p.Settings.Answers == nil {
		return nil, &Error{Pos: Position{File: strings.Join(p.Inputs, ", ")}, Msg: "no respondents: the input has no answer rows", Err: ErrNoRespondents}
	}
	if err := p.participation(res); err != nil {
		return nil, err
	}
	return res, nil
}

// participation applies the caller's head counts, else the project's
// [population], if any.
func (p *Plan) participation(res *Result) error {
	if pop := p.Settings.Population; pop != nil {
		return ApplyPopulation(res, pop)
	}
	if p.Project == nil {
		return nil
	}
	return ApplyPopulation(res, p.Project.Population)
}

// Check reads every input as Score does, but goes on after an input that
// fails, for a check that shows every problem at once: each failure is
// put, with the rest of the plan's, in Problems. The result is nil if an
// input failed; err is the scorer's, if reading went well.
func (p *Plan) Check(seen InputSeen) (*Result, error) {
	pr := p.Project
	keyPos := func(i int) Position {
		if pr == nil {
			return Position{}
		}
		return pr.KeyPos("inputs", i)
	}
	s := NewScorer(p.Rubric, p.Options)
	same := sameInputs(p.Inputs)
	if same != nil {
		p.Problems = append(p.Problems, &Error{Pos: keyPos(same.j), Msg: fmt.Sprintf("inputs: %s: %s", same.b, same.Error()), Err: same})
	}
	failed := false
	for i, in := range p.Inputs {
		if same != nil && i == same.j {
			continue
		}
		if err := p.addInput(s, nil, in, seen); err != nil {
			p.problem(err, "input", keyPos(i))
			failed = true
		}
	}
	if failed || same != nil {
		return nil, nil
	}
	res, err := s.Result()
	if err != nil {
		return nil, err
	}
	if err := p.participation(res); err != nil {
		p.problem(err, "", Position{})
		return nil, nil
	}
	return res, nil
}

func (p *Plan) addInput(s *Scorer, stdin io.Reader, in string, seen InputSeen) error {
	var rd io.Reader
	name := in
	if in == "-" {
		rd, name = stdin, "stdin"
	} else {
		f, err := os.Open(in)
		if err != nil {
			return FileError(in, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return &Error{Pos: Position{File: in}, Msg: "is a folder; give answer files (or use 'aiready build PROJECT' for a project folder)"}
		}
		rd = f
	}
	src, err := OpenAnswers(name, rd, p.Rubric, p.Read)
	if err != nil {
		return err
	}
	if c, ok := src.(io.Closer); ok {
		defer c.Close()
	}
	if err := CheckMatched(name, p.Rubric, src.Columns()); err != nil {
		return err
	}
	if err := s.AddSource(src); err != nil {
		return err
	}
	if seen != nil {
		seen(name, src.Columns())
	}
	return nil
}

// CheckMatched stops an input none of whose columns answers a question of
// the rubric: a survey about something else, or headers that need a
// mapping. Native files name questions by id and have no columns.
func CheckMatched(name string, r *Rubric, cols []Column) error {
	if cols == nil {
		return nil
	}
	var headers []string
	for _, c := range cols {
		if c.Kind == ColumnQuestion {
			return nil
		}
		headers = append(headers, fmt.Sprintf("%q", Short(c.Header)))
	}
	const hint = "columns match a question by its id, text or alias; map other headers in assessment.toml [columns]"
	if !plausibleHeader(cols) {
		// Not a table with a header: a file named by mistake, or from
		// elsewhere (a project's inputs = ["/etc/passwd"]). Its first line
		// is not a header to show, so none of it is quoted.
		return &Hinted{Err: &Error{Pos: Position{File: name}, Msg: fmt.Sprintf("no column matches a question of rubric %q, and the file does not look like a survey export: its first line is not a header of two or more names (not shown)", r.ID)}, Hint: hint}
	}
	return &Hinted{Err: &Error{Pos: Position{File: name}, Msg: fmt.Sprintf("no column matches a question of rubric %q (columns: %s)", r.ID, Summarize(headers))}, Hint: hint}
}

// plausibleHeader reports whether cols look like the header of a survey
// export, whose names may be quoted in an error: at least two columns,
// and every name not empty, at most 500 bytes and free of control
// characters. A survey export always has an id or a timestamp beside the
// questions; a file that is one column wide is a list, a key or a
// configuration file, whatever its extension.
func plausibleHeader(cols []Column) bool {
	if len(cols) < 2 {
		return false
	}
	for _, c := range cols {
		h := strings.TrimSpace(c.Header)
		if h == "" || len(h) > 500 || strings.IndexFunc(h, Unprintable) >= 0 {
			return false
		}
	}
	return true
}

// Unprintable reports whether r must not reach a terminal as it is: C0
// controls, DEL, C1 controls and the bidirectional overrides and isolates
// (which reorder what follows them on the line).
func Unprintable(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// Summarize lists at most three names and counts the rest.
func Summarize(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}
