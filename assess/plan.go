package assess

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The plan is the one place where an assessment is put together: it
// settles what a caller asked (Settings: a command line's flags, say) over
// what a project's assessment.toml says, reads every file that takes, and
// scores the answers into the final Result with every later step applied
// in one order (Plan.Result). It is also the one part of assess that opens
// files; every file and folder it reads is in Plan.Files and Plan.Dirs, so
// that a preview can watch exactly those.

// Builtins are the rubrics that a name rather than a path stands for
// (package rubrics); the plan asks them before it opens a file.
type Builtins interface {
	IsBuiltin(name string) bool
	Load(name string) (*Rubric, error)
	Names() []string
}

// Settings are what a caller asks of one assessment. A nil pointer, an
// empty string or a nil slice leaves a setting to the project, and then
// to its default; a pointer to a zero value ("--previous ”") clears what
// the project says.
type Settings struct {
	// Project is a project folder or its assessment.toml; Inputs are
	// answer files ("-" is Stdin) when there is no project.
	Project string
	Inputs  []string
	Stdin   io.Reader
	// Answers, if set, are read instead of Inputs: answers that come from
	// the program itself (the demo's), named by AnswersName.
	Answers     []byte
	AnswersName string
	// Builtins resolve a rubric's name; a Rubric set here is used as it is.
	Builtins   Builtins
	Rubric     string
	RubricSet  bool // Rubric overrides the project's
	RubricData *Rubric

	Segments         *[]string
	MinGroupSize     *int
	AllowSmallGroups bool
	Strict           bool
	Comments         *bool
	// ExcludeFlagged leaves straight-liners and speeders out of every
	// figure (--exclude-flagged) if ExcludeFlaggedSet; else the project
	// says.
	ExcludeFlagged, ExcludeFlaggedSet bool
	MinCommentGroup                   *int
	// InputFormat and Map say how to read the answers (--input-format,
	// --map); a project's [columns] and [values] go under them.
	InputFormat string
	Map         string
	// Out is the output folder; it is known here because an earlier
	// assessment inside it would be the build's own output.
	Out *string
	// Formats, if not nil, are the outputs a build writes (--formats),
	// instead of the project's formats; each one of assess.Formats.
	Formats []string

	Previous *string
	History  *[]string
	Norms    string
	// Evidence, if not nil, are the figures the checks test, instead of
	// the project's [[evidence]] (the demo's).
	Evidence []Evidence
	// Population, if not nil, are the head counts of the response rates,
	// instead of the project's [population] (the demo's).
	Population *Population

	// What the report says of itself.
	Title, Client, Consultancy, Logo, Color *string
	Lang                                    string
	Date                                    *time.Time
	// FixedDate (SOURCE_DATE_EPOCH) overrides every other date; without
	// it or a date of the caller's or the project's, the report bears the
	// day the inputs last changed.
	FixedDate *time.Time
	// DateOnlyIfGiven leaves the result without a date when none is
	// given, rather than the day the inputs last changed (score).
	DateOnlyIfGiven bool
	// Collect has NewPlan go on after a problem with the rubric, the
	// project's logo or an earlier assessment, and gather them in
	// Plan.Problems, so that a check shows every problem at once.
	Collect bool
	// Font and BoldFont are TrueType files for the PDF; Templates a folder
	// of the user's site templates. The plan reads the fonts and lists the
	// folder; the site reads it.
	Font, BoldFont, Templates string
}

// Plan is an assessment settled and read, ready to score.
type Plan struct {
	Settings Settings
	Project  *Project // nil without a project
	Rubric   *Rubric
	Inputs   []string
	Options  Options
	Read     ReadOptions
	Out      string
	Previous *Snapshot
	History  []*Snapshot
	Norms    *Norms
	Report   Report
	// Actions are the project's actions: its [[action]] tables, then the
	// rows of its actions CSV (actions_csv.go).
	Actions []Action
	// Problems are what NewPlan and Check found under Settings.Collect,
	// each at the line of assessment.toml that names what to fix.
	Problems ErrorList
	// Formats are the outputs a build writes, of assess.Formats: the
	// flag's, else the project's, else all.
	Formats []string

	files []string
	dirs  []string
}

// Report is what the outputs say of themselves: title, client, date and
// the consultancy's branding, settled over the project.
type Report struct {
	Title, Client, Consultancy, Color, Lang string
	Date                                    time.Time
	Comments                                bool
	Logo                                    []byte // PNG or JPEG, as read
	LogoType                                string // "png" or "jpeg"
	Font, BoldFont                          []byte
	Templates                               string
}

// Bounds on the files a build reads whole besides answers. A logo is a
// few hundred KB and a TrueType font a few MB (Noto Sans CJK, among the
// largest, is 16 MB); without a bound, --logo /dev/zero read until the
// kernel killed it at 24 GB. An earlier results.json (the demo's is
// 40 KB) gets 64 MB.
const (
	MaxLogoSize     = 10 << 20
	MaxFontSize     = 50 << 20
	MaxPreviousSize = 64 << 20
)

// IsProject reports whether args name a project: a folder, or a file
// named assessment.toml.
func IsProject(args []string) bool {
	if len(args) != 1 || args[0] == "-" {
		return false
	}
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		return true
	}
	return filepath.Base(args[0]) == "assessment.toml"
}

// ProjectFile is the assessment.toml that arg names: the file, or the
// one in the folder.
func ProjectFile(arg string) string {
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return filepath.Join(arg, "assessment.toml")
	}
	return arg
}

// OpenProject reads the assessment.toml of a project folder, or the file.
func OpenProject(arg string) (*Project, error) {
	file := ProjectFile(arg)
	data, err := ReadFileLimit(file, MaxProjectSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Hinted{Err: FileError(file, err), Hint: "a project folder holds an assessment.toml; 'aiready init DIR' makes one"}
		}
		return nil, FileError(file, err)
	}
	return LoadProject(file, data)
}

// NewPlan settles s over the project it names, and reads the rubric, the
// earlier assessments, the norms, the logo and the fonts. The answers are
// read by Result. On an error the plan is returned too, with the files it
// knew of by then: a preview watches them for the fix.
func NewPlan(s Settings) (*Plan, error) {
	p := &Plan{Settings: s, Inputs: s.Inputs, Out: "out"}
	err := p.settle()
	return p, err
}

func (p *Plan) settle() error {
	s := p.Settings
	if s.Out != nil {
		p.Out = *s.Out
	}
	p.Options = Options{Strict: s.Strict, AllowSmallGroups: s.AllowSmallGroups, MinGroupSize: 5}
	p.Formats = Formats
	if s.Formats != nil {
		p.Formats = s.Formats
	}
	if s.Segments != nil {
		p.Options.Segments = *s.Segments
	}
	if s.MinGroupSize != nil {
		p.Options.MinGroupSize = *s.MinGroupSize
	}
	if s.Comments != nil {
		p.Options.Comments = *s.Comments
	}
	if s.ExcludeFlaggedSet {
		p.Options.ExcludeFlagged = s.ExcludeFlagged
	}
	if s.MinCommentGroup != nil {
		p.Options.MinCommentGroup = *s.MinCommentGroup
	}
	p.list()
	if err := CheckPopulation(s.Population, p.Options.Segments); err != nil {
		return err
	}
	ro, err := p.readOptions()
	if err != nil {
		return err
	}
	p.Read = ro
	rubricName := s.Rubric
	if s.Project != "" {
		pr, err := OpenProject(s.Project)
		if err != nil {
			return err
		}
		p.Project = pr
		p.Inputs = pr.Inputs
		p.Read = pr.ReadOptions().With(ro)
		if !s.RubricSet && pr.Rubric != "" {
			rubricName = pr.Rubric
		}
		if s.Segments == nil && pr.Has("segments") {
			p.Options.Segments = pr.Segments
		}
		if s.MinGroupSize == nil && pr.MinGroupSize > 0 {
			p.Options.MinGroupSize = pr.MinGroupSize
		}
		if s.Comments == nil && pr.Has("comments") {
			p.Options.Comments = pr.Comments
		}
		if !s.ExcludeFlaggedSet && pr.Has("exclude_flagged") {
			p.Options.ExcludeFlagged = pr.ExcludeFlagged
		}
		if err := CheckPopulation(pr.Population, p.Options.Segments); err != nil {
			if !s.Collect {
				return err
			}
			p.problem(err, "", Position{})
		}
		if s.Formats == nil && pr.Formats != nil {
			p.Formats = pr.Formats
		}
		if s.MinCommentGroup == nil && pr.MinCommentGroup > 0 {
			p.Options.MinCommentGroup = pr.MinCommentGroup
		}
		switch {
		case s.Out == nil && pr.Out != "":
			p.Out = pr.Out
		case s.Out == nil:
			p.Out = filepath.Join(pr.Dir, "out")
		}
		p.list()
		if len(p.Inputs) == 0 {
			err := &Error{Pos: pr.KeyPos("inputs"), Msg: "no inputs: list the answer files in inputs = [...]"}
			if !s.Collect {
				return err
			}
			p.Problems = append(p.Problems, err)
		}
	}
	if s.RubricData != nil {
		p.Rubric = s.RubricData
	} else if p.Rubric, err = p.loadRubric(rubricName); err != nil {
		if !s.Collect {
			return err
		}
		p.problem(err, "rubric", p.keyPos("rubric"))
	}
	if p.Project != nil && p.Rubric != nil {
		if err := CheckProject(p.Project, p.Rubric); err != nil {
			if !s.Collect {
				return err
			}
			p.problem(err, "", Position{})
		}
	}
	if err := p.readActions(); err != nil {
		if !s.Collect {
			return err
		}
		p.problem(err, "actions", p.keyPos("actions"))
	} else if p.Project != nil && p.Rubric != nil {
		if err := CheckActions(p.Actions, p.Rubric, p.Project.Overrides); err != nil {
			if !s.Collect {
				return err
			}
			p.problem(err, "", Position{})
		}
	}
	prev, hist := p.trendSources()
	if p.Previous, p.History, err = p.readTrend(prev, hist); err != nil {
		if !s.Collect {
			return err
		}
		p.problem(err, "previous", p.keyPos("previous"))
	}
	if err := p.settleReport(); err != nil {
		if !s.Collect {
			return err
		}
		p.problem(err, "logo", p.keyPos("brand", "logo"))
	}
	if s.Norms != "" {
		if p.Norms, err = readNorms(s.Norms); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		path string
		dst  *[]byte
	}{{s.Font, &p.Report.Font}, {s.BoldFont, &p.Report.BoldFont}} {
		if f.path == "" {
			continue
		}
		if *f.dst, err = ReadBounded(f.path, MaxFontSize, "the font"); err != nil {
			return err
		}
	}
	return nil
}

// list names every file and folder that the settings and the project say
// the plan reads, before it reads them: if one fails, the others are
// still known.
func (p *Plan) list() {
	s := p.Settings
	pr := p.Project
	if pr == nil && s.Project != "" {
		file := ProjectFile(s.Project)
		p.file(file)
		p.dir(filepath.Dir(file))
	}
	p.file(s.Map)
	rubric := s.Rubric
	if pr != nil && !s.RubricSet && pr.Rubric != "" {
		rubric = pr.Rubric
	}
	if s.RubricData == nil && (s.Builtins == nil || !s.Builtins.IsBuiltin(rubric)) {
		p.file(rubric)
	}
	for _, in := range p.Inputs {
		if in != "-" {
			p.file(in)
		}
	}
	prev, hist := p.trendSources()
	if prev != nil {
		p.file(prev.path)
	}
	for _, h := range hist {
		p.file(h.path)
	}
	logo := ""
	if pr != nil {
		logo = pr.Brand.Logo
		p.file(pr.ActionsFile)
	}
	if s.Logo != nil {
		logo = *s.Logo
	}
	p.file(logo)
	p.file(s.Norms)
	p.file(s.Font)
	p.file(s.BoldFont)
	p.dir(s.Templates)
}

// Files are the files the plan reads, each once, in the order read:
// what a preview watches. Built-in rubrics and standard input are not
// files.
func (p *Plan) Files() []string { return slices.Clone(p.files) }

// Dirs are the folders every file of which may change the build: the
// project's folder and the templates folder.
func (p *Plan) Dirs() []string { return slices.Clone(p.dirs) }

// keyPos is the position of a key of the project's file, if any.
func (p *Plan) keyPos(path ...any) Position {
	if p.Project == nil {
		return Position{}
	}
	return p.Project.KeyPos(path...)
}

func (p *Plan) dir(name string) {
	if name != "" && !slices.Contains(p.dirs, name) {
		p.dirs = append(p.dirs, name)
	}
}

func (p *Plan) file(name string) {
	if name != "" && !slices.Contains(p.files, name) {
		p.files = append(p.files, name)
	}
}

// readOptions reads --map, if given, under --input-format.
func (p *Plan) readOptions() (ReadOptions, error) {
	return ReadMap(p.Settings.InputFormat, p.Settings.Map)
}

// ReadMap is how to read answers: a layout or file type (format, "" to
// detect it), and the [columns] and [values] of a map file, if one is
// named. A project's own [columns] and [values] go under them:
// project.ReadOptions().With(ro).
func ReadMap(format, mapFile string) (ReadOptions, error) {
	ro := ReadOptions{Format: format}
	if mapFile == "" {
		return ro, nil
	}
	data, err := ReadFileLimit(mapFile, MaxProjectSize)
	if err != nil {
		return ro, FileError(mapFile, err)
	}
	m, err := LoadMap(mapFile, data)
	if err != nil {
		return ro, err
	}
	m.Format = format
	return m, nil
}

// loadRubric reads a built-in rubric by name, or a rubric file by path.
func (p *Plan) loadRubric(name string) (*Rubric, error) {
	b := p.Settings.Builtins
	if b != nil && b.IsBuiltin(name) {
		return b.Load(name)
	}
	p.file(name)
	return LoadRubricFile(name, b)
}

// LoadRubricFile reads a rubric file; a name that is neither a file nor
// a path is answered with the built-in rubrics' names.
func LoadRubricFile(name string, b Builtins) (*Rubric, error) {
	data, err := ReadFileLimit(name, MaxRubricSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(name, `/\.`) && b != nil {
			return nil, &Hinted{Err: FileError(name, err), Hint: "built-in rubrics: " + strings.Join(b.Names(), ", ")}
		}
		return nil, FileError(name, err)
	}
	return LoadRubric(name, data)
}

// settleReport settles the title, client, date and branding: what the
// caller gave over what the project says.
func (p *Plan) settleReport() error {
	s := p.Settings
	m := Report{Comments: p.Options.Comments, Lang: s.Lang, Templates: s.Templates}
	if p.Rubric != nil {
		m.Title = p.Rubric.Title
	}
	var brand Brand
	if pr := p.Project; pr != nil {
		if pr.Title != "" {
			m.Title = pr.Title
		}
		m.Client, m.Date, brand = pr.Client, pr.Date, pr.Brand
	}
	pick := func(v *string, dst *string) {
		if v != nil {
			*dst = *v
		}
	}
	pick(s.Title, &m.Title)
	pick(s.Client, &m.Client)
	pick(s.Consultancy, &brand.Consultancy)
	pick(s.Logo, &brand.Logo)
	pick(s.Color, &brand.Color)
	m.Consultancy, m.Color = brand.Consultancy, brand.Color
	if s.Date != nil {
		m.Date = *s.Date
	}
	m.Date = p.date(m.Date)
	p.Report = m
	if brand.Logo != "" {
		p.file(brand.Logo)
		logo, typ, err := ReadLogo(brand.Logo)
		if err != nil {
			return err
		}
		p.Report.Logo, p.Report.LogoType = logo, typ
	}
	return nil
}

// problem records err among the plan's problems. An error that names a
// file but no line (a file that is missing, a folder) is moved to the
// line of assessment.toml that names the file, so that an editor jumps to
// what to fix.
func (p *Plan) problem(err error, key string, keyPos Position) {
	for _, one := range Errors(err) {
		var ae *Error
		switch {
		case errors.As(one, &ae) && ae.Pos.Line > 0:
			p.Problems = append(p.Problems, ae)
		case errors.As(one, &ae) && strings.HasPrefix(ae.Pos.File, "--"):
			// named by a flag in a build: here the key names it
			p.Problems = append(p.Problems, &Error{Pos: keyPos, Msg: ae.Msg, Err: ae})
		case errors.As(one, &ae):
			p.Problems = append(p.Problems, &Error{Pos: keyPos, Msg: fmt.Sprintf("%s %q: %s", key, ae.Pos.File, ae.Msg), Err: ae})
		default:
			p.Problems = append(p.Problems, &Error{Pos: keyPos, Msg: fmt.Sprintf("%s: %s", key, one.Error()), Err: one})
		}
	}
}

// Problem records err among the plan's problems, at keyPos if it names
// no line of its own (see problem).
func (p *Plan) Problem(err error, key string, keyPos Position) { p.problem(err, key, keyPos) }

// date is the date printed on the report: a fixed date
// (SOURCE_DATE_EPOCH) if set, else the assessment's date, else the
// latest change of the inputs, so that the same inputs always give the
// same bytes.
func (p *Plan) date(date time.Time) time.Time {
	switch {
	case p.Settings.FixedDate != nil:
		return *p.Settings.FixedDate
	case !date.IsZero(), p.Settings.DateOnlyIfGiven:
		return date
	}
	var latest time.Time
	for _, in := range p.Inputs {
		if st, err := os.Stat(in); err == nil && st.ModTime().After(latest) {
			latest = st.ModTime()
		}
	}
	if latest.IsZero() {
		latest = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, mo, d := latest.UTC().Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// ReadLogo reads a PNG or JPEG logo.
func ReadLogo(path string) ([]byte, string, error) {
	b, err := ReadBounded(path, MaxLogoSize, "the logo")
	if err != nil {
		return nil, "", err
	}
	switch {
	case len(b) >= 8 && string(b[:8]) == "\x89PNG\r\n\x1a\n":
		return b, "png", nil
	case len(b) >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff:
		return b, "jpeg", nil
	}
	return nil, "", &Error{Pos: Position{File: path}, Msg: "logo is not a PNG or JPEG image"}
}

// readNorms reads a norms file; a missing file is fs.ErrNotExist.
func readNorms(file string) (*Norms, error) {
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Hinted{Err: FileError(file, err), Hint: "'aiready norms add --norms FILE RESULTS.json...' creates it"}
		}
		return nil, FileError(file, err)
	}
	defer f.Close()
	return ReadNorms(file, f)
}

// OpenNorms reads a norms file; a missing file is fs.ErrNotExist.
func OpenNorms(file string) (*Norms, error) { return readNorms(file) }

// ReadFileLimit reads a file of at most limit bytes and one more, so that
// the loader can name the limit; a huge or endless file (/dev/zero) costs
// no more than that.
func ReadFileLimit(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	return io.ReadAll(io.LimitReader(f, limit+1))
}

var errIsDir = errors.New("is a folder, not a file")

// FileError names the file in an OS error without repeating the path.
func FileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	}
	return &Error{Pos: Position{File: name}, Msg: msg, Err: err}
}

// ReadBounded reads a regular file of at most limit bytes, refusing a
// device, a pipe or a larger file before reading it.
func ReadBounded(path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, FileError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, FileError(path, err)
	}
	at := Position{File: path}
	switch {
	case st.IsDir():
		return nil, FileError(path, errIsDir)
	case !st.Mode().IsRegular():
		return nil, &Error{Pos: at, Msg: fmt.Sprintf("%s is not a regular file (a device or a pipe); give the path of a file", what)}
	case st.Size() > limit:
		return nil, &Error{Pos: at, Msg: fmt.Sprintf("%s is %d MB; the limit is %d MB", what, st.Size()>>20, limit>>20)}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, FileError(path, err)
	}
	if int64(len(b)) > limit {
		return nil, &Error{Pos: at, Msg: fmt.Sprintf("%s grew past %d MB while it was read", what, limit>>20)}
	}
	return b, nil
}
