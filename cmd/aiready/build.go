package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/mdreport"
	"github.com/aiready/aiready/site/pdf"
	"github.com/aiready/aiready/site/view"
	"github.com/spf13/pflag"
)

// buildFlags are the flags of build (and, in part, demo).
type buildFlags struct {
	scoreFlags
	out         string
	force       bool
	title       string
	client      string
	date        string
	consultancy string
	logo        string
	color       string
	paper       string
	font        string
	boldFont    string
	templates   string
	norms       string
	previous    string
	history     []string
	lang        string
}

func (f *buildFlags) add(fs *pflag.FlagSet) {
	f.scoreFlags.add(fs)
	fs.StringVarP(&f.out, "out", "o", "out", "output folder (written whole, then moved into place)")
	fs.BoolVar(&f.force, "force", false, "write into an existing folder that aiready did not create, beside its files")
	f.addReport(fs)
}

// addReport adds the flags that shape the report, not where it goes
// (serve builds into a folder of its own).
func (f *buildFlags) addReport(fs *pflag.FlagSet) {
	fs.StringVar(&f.title, "title", "", "report title (default: the rubric's title)")
	fs.StringVar(&f.client, "client", "", "client organisation shown on the report")
	fs.StringVar(&f.date, "date", "", "assessment date, YYYY-MM-DD (default: the project's date, else the inputs' latest change)")
	fs.StringVar(&f.consultancy, "consultancy", "", "consultancy name for branding")
	fs.StringVar(&f.logo, "logo", "", "logo file (PNG or JPEG) for branding")
	fs.StringVar(&f.color, "color", "", "accent colour, #rrggbb")
	fs.StringVar(&f.previous, "previous", "", "the last assessment's results.json: every score shows its change since then")
	fs.StringArrayVar(&f.history, "history", nil, "an earlier results.json for the trend chart (repeatable)")
	fs.StringVar(&f.templates, "templates", "", "folder of *.html files whose {{define}}s override blocks of the site's templates")
	fs.StringVar(&f.paper, "paper", "A4", "PDF paper size: A4 or letter")
	fs.StringVar(&f.font, "font", "", "TrueType font (.ttf) for scripts the built-in Go fonts lack, e.g. CJK")
	fs.StringVar(&f.boldFont, "bold-font", "", "bold TrueType font to go with --font")
	fs.StringVar(&f.norms, "norms", "", "norms file ('aiready norms add'): show each dimension's percentile among earlier assessments")
	addLangFlag(fs, &f.lang)
}

// addLangFlag adds --lang, the language of the report's fixed words.
func addLangFlag(fs *pflag.FlagSet, lang *string) {
	fs.StringVar(lang, "lang", "", "language of the report's own words, "+strings.Join(i18n.Languages(), " or ")+" (default: the rubric's language)")
}

// checkLang refuses a --lang without a message catalogue.
func checkLang(lang string) error {
	if !i18n.Supported(lang) {
		return usagef("--lang %q: the report speaks %s", lang, strings.Join(i18n.Languages(), " or "))
	}
	return nil
}

func buildCommand() *command {
	var bf buildFlags
	return &command{
		name:  "build",
		args:  "[flags] [PROJECT | ANSWERS...]",
		short: "write the assessment: site/, report.pdf, report.md and results.json",
		examples: `  aiready build --client "Northwind Financial" --segment Role --segment Team -o out responses.csv
  aiready build my-assessment/              # a project folder with assessment.toml
  aiready build my-assessment/assessment.toml --out /tmp/preview
  SOURCE_DATE_EPOCH=1763596800 aiready build project/   # reproducible dates`,
		flags: bf.add,
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			a, err := bf.assessment(e, fs, args)
			if err != nil {
				return err
			}
			if err := a.build(e); err != nil {
				return err
			}
			if !bf.quiet {
				fmt.Fprintf(e.stdout, "wrote %s\n", a.out)
			}
			return nil
		},
	}
}

// assessment is everything a build needs, settled from flags and project.
type assessment struct {
	rubric  *assess.Rubric
	project *assess.Project
	inputs  []string
	opt     assess.Options
	meta    view.Meta
	out     string
	force   bool
	quiet   bool
	// demo inputs come from the binary, not from files
	demo      []byte
	pdf       pdf.Options
	templates string // folder of the user's template overrides
	norms     *assess.Norms
	// read says how to read the inputs: the project's [columns] and
	// [values] under --input-format and --map.
	read assess.ReadOptions
	// previous and history are earlier assessments, for the trend.
	previous *assess.Snapshot
	history  []*assess.Snapshot
	// site is the site's templates, readied while the rest is read and
	// scored, if the command started it; else build does.
	site *siteAhead
}

// siteAhead is the part of the site's build that needs no report (see
// site.Prepare), begun on another processor as soon as a command knows
// its templates folder.
type siteAhead struct {
	prep chan *site.Prepared
	// slots share the processors among the outputs written at once (see
	// site.Options): a send takes a slot, a receive gives it back.
	slots chan struct{}
	// pace gives the collector back its pace (holdGC); build calls it
	// when the outputs start.
	pace func()
}

func startSite(templates string) *siteAhead {
	s := &siteAhead{prep: make(chan *site.Prepared, 1), slots: make(chan struct{}, runtime.GOMAXPROCS(0)), pace: holdGC()}
	go func() { s.prep <- site.Prepare(site.Options{Templates: templates, Slots: s.slots}) }()
	return s
}

// assessment settles the build's settings: flags override the project.
func (bf *buildFlags) assessment(e *env, fs *pflag.FlagSet, args []string) (*assessment, error) {
	if err := bf.check(); err != nil {
		return nil, err
	}
	a := &assessment{out: bf.out, force: bf.force, quiet: bf.quiet, opt: bf.options(), inputs: args, templates: bf.templates,
		site: startSite(bf.templates)}
	rubricName := bf.rubric
	ro, err := bf.readOptions()
	if err != nil {
		return nil, err
	}
	a.read = ro
	if isProject(args) {
		p, err := loadProject(args[0])
		if err != nil {
			return nil, err
		}
		a.project = p
		a.inputs = p.Inputs
		a.read = p.ReadOptions().With(ro)
		if !fs.Changed("rubric") && p.Rubric != "" {
			rubricName = p.Rubric
		}
		if !fs.Changed("segment") && p.Has("segments") {
			a.opt.Segments = p.Segments
		}
		if !fs.Changed("min-group-size") && p.MinGroupSize > 0 {
			a.opt.MinGroupSize = p.MinGroupSize
		}
		if !fs.Changed("comments") && p.Has("comments") {
			a.opt.Comments = p.Comments
		}
		if !fs.Changed("out") && p.Out != "" {
			a.out = p.Out
		} else if !fs.Changed("out") {
			a.out = filepath.Join(p.Dir, "out")
		}
		if len(a.inputs) == 0 {
			return nil, &assess.Error{Pos: p.KeyPos("inputs"), Msg: "no inputs: list the answer files in inputs = [...]"}
		}
	}
	r, err := loadRubric(rubricName)
	if err != nil {
		return nil, err
	}
	a.rubric = r
	if a.project != nil {
		if err := assess.CheckProject(a.project, r); err != nil {
			return nil, err
		}
	}
	prev, hist := trendSources(fs, bf, a.project)
	if a.previous, a.history, err = readTrend(prev, hist, a.out); err != nil {
		return nil, err
	}
	if a.meta, err = bf.meta(e, fs, a); err != nil {
		return nil, err
	}
	if bf.norms != "" {
		if a.norms, err = readNorms(bf.norms); err != nil {
			return nil, err
		}
	}
	a.pdf, err = bf.pdfOptions(a.meta)
	return a, err
}

func (bf *buildFlags) pdfOptions(m view.Meta) (pdf.Options, error) {
	o := pdf.Options{Paper: bf.paper, Created: m.Date}
	switch strings.ToLower(bf.paper) {
	case "a4":
		o.Paper = "A4"
	case "letter":
		o.Paper = "letter"
	default:
		return o, usagef("--paper %q: use A4 or letter", bf.paper)
	}
	for _, f := range []struct {
		path string
		dst  *[]byte
	}{{bf.font, &o.Font}, {bf.boldFont, &o.BoldFont}} {
		if f.path == "" {
			continue
		}
		b, err := readBounded(f.path, maxFontSize, "the font")
		if err != nil {
			return o, err
		}
		*f.dst = b
	}
	if bf.boldFont != "" && bf.font == "" {
		return o, usagef("--bold-font needs --font")
	}
	return o, nil
}

// meta settles the report's title, client, date and branding.
func (bf *buildFlags) meta(e *env, fs *pflag.FlagSet, a *assessment) (view.Meta, error) {
	m := view.Meta{Title: a.rubric.Title, Comments: a.opt.Comments}
	var brand assess.Brand
	if p := a.project; p != nil {
		if p.Title != "" {
			m.Title = p.Title
		}
		m.Client, m.Date, brand = p.Client, p.Date, p.Brand
	}
	pick := func(flag, val string, dst *string) {
		if fs.Changed(flag) {
			*dst = val
		}
	}
	if fs.Changed("lang") {
		if err := checkLang(bf.lang); err != nil {
			return m, err
		}
		m.Lang = bf.lang
	}
	pick("title", bf.title, &m.Title)
	pick("client", bf.client, &m.Client)
	pick("consultancy", bf.consultancy, &brand.Consultancy)
	pick("logo", bf.logo, &brand.Logo)
	pick("color", bf.color, &brand.Color)
	m.Consultancy, m.Color = brand.Consultancy, brand.Color
	if m.Color != "" && !validColor(m.Color) {
		return m, usagef("--color %q: use #rrggbb", m.Color)
	}
	if brand.Logo != "" {
		logo, typ, err := readLogo(brand.Logo)
		if err != nil {
			return m, err
		}
		m.Logo, m.LogoType = logo, typ
	}
	if fs.Changed("date") {
		d, err := time.Parse("2006-01-02", bf.date)
		if err != nil {
			return m, usagef("--date %q: use YYYY-MM-DD", bf.date)
		}
		if msg := assess.CheckYear(d); msg != "" {
			return m, usagef("--date %s: %s", bf.date, msg)
		}
		m.Date = d
	}
	d, err := buildDate(e, m.Date, a.inputs)
	m.Date = d
	return m, err
}

func validColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(c[1:], 16, 32)
	return err == nil
}

func readLogo(path string) ([]byte, string, error) {
	b, err := readBounded(path, maxLogoSize, "the logo")
	if err != nil {
		return nil, "", err
	}
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return b, "png", nil
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return b, "jpeg", nil
	}
	return nil, "", &assess.Error{Pos: assess.Position{File: path}, Msg: "logo is not a PNG or JPEG image"}
}

// buildDate is the date printed on the report: SOURCE_DATE_EPOCH if set,
// else the assessment's date, else the latest change of the inputs, so
// that the same inputs always give the same bytes.
func buildDate(e *env, date time.Time, inputs []string) (time.Time, error) {
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		d := time.Unix(sec, 0).UTC()
		if msg := assess.CheckYear(d); msg != "" {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH %s: %s", s, msg)
		}
		return d, nil
	}
	if !date.IsZero() {
		return date, nil
	}
	var latest time.Time
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && st.ModTime().After(latest) {
			latest = st.ModTime()
		}
	}
	if latest.IsZero() {
		latest = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, mo, d := latest.UTC().Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), nil
}

// holdGC has the collector run at a fifth of its default pace until the
// function it returns is called, unless GOGC is set. A build's start (its
// rubric, answers and templates) allocates a few megabytes that are
// garbage by the time the outputs are written, and the heap is so small
// then that at the default pace the collector ran over it three or four
// times: a tenth of the demo's time. The outputs are written at the
// default pace, so the PDF's memory is what bench/perf measures.
func holdGC() func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(500)
	var once sync.Once
	return func() { once.Do(func() { debug.SetGCPercent(old) }) }
}

// build scores the answers and writes every output.
func (a *assessment) build(e *env) error {
	// A command's early start serves one build.
	ahead := a.site
	a.site = nil
	if ahead == nil {
		ahead = startSite(a.templates)
	}
	defer ahead.pace()
	res, err := a.score(e)
	if err != nil {
		return err
	}
	if !a.meta.Date.IsZero() {
		res.Date = a.meta.Date.Format("2006-01-02")
	}
	a.applyJudgement(res)
	if a.norms != nil {
		if err := a.norms.Apply(res); err != nil {
			return err
		}
	}
	rep := view.New(res, a.meta)
	w := &writing{rep: rep, a: a, siteAhead: ahead}
	ahead.pace()
	var warnings []string
	notes, err := writeOutput(a.out, a.force, func(dir string) error {
		// The outputs are written at the same time; warnings and the
		// first error are taken in the order of outputs, so nothing
		// depends on which finishes first. The PDF takes longest, so it
		// holds a slot of its own from the start and never waits for one;
		// the other outputs share the rest, and the PDF's once it is done.
		ahead.slots <- struct{}{}
		warns := make([][]string, len(outputs))
		errs := make([]error, len(outputs))
		var wg sync.WaitGroup
		for i, o := range outputs {
			wg.Go(func() { warns[i], errs[i] = o.write(dir, w) })
		}
		wg.Wait()
		for i, o := range outputs {
			if errs[i] != nil {
				return fmt.Errorf("%s: %w", o.name, errs[i])
			}
			for _, msg := range warns[i] {
				warnings = append(warnings, o.name+": warning: "+msg)
			}
		}
		return nil
	})
	if err == nil && !a.quiet {
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "aiready: %s\n", oneLine(w))
		}
	}
	// Files of the user's moved out of the way are told even under -q.
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "aiready: %s\n", oneLine(n))
	}
	return err
}

func (a *assessment) score(e *env) (*assess.Result, error) {
	if a.demo != nil {
		s := assess.NewScorer(a.rubric, a.opt)
		src, err := assess.OpenAnswers("people-first-demo.csv", bytes.NewReader(a.demo), a.rubric, assess.ReadOptions{})
		if err != nil {
			return nil, err
		}
		if err := s.AddSource(src); err != nil {
			return nil, err
		}
		return s.Result()
	}
	res, err := scoreInputs(e, a.rubric, a.inputs, a.opt, a.quiet, a.read)
	return res, a.inProject(err)
}

// writing is what the outputs of one build share.
type writing struct {
	rep *view.Report
	a   *assessment
	*siteAhead
}

// slot runs f holding one of the slots.
func (w *writing) slot(f func() error) error {
	w.slots <- struct{}{}
	defer func() { <-w.slots }()
	return f()
}

// output is one file or folder a build writes; it may return warnings.
type output struct {
	name  string
	write func(dir string, w *writing) ([]string, error)
}

// outputs are in the order of their warnings and errors.
var outputs = []output{
	{"site", func(dir string, w *writing) ([]string, error) {
		siteDir := filepath.Join(dir, "site")
		if err := os.Mkdir(siteDir, 0o755); err != nil {
			return nil, fileError(siteDir, err)
		}
		return nil, (<-w.prep).Build(siteDir, w.rep)
	}},
	{"results.json", func(dir string, w *writing) ([]string, error) {
		return nil, w.slot(func() error {
			return writeFile(dir, "results.json", func(b io.Writer) error { return writeJSON(b, w.rep.Result) })
		})
	}},
	{"report.pdf", func(dir string, w *writing) (warnings []string, err error) {
		defer func() { <-w.slots }() // the slot taken for it before it started
		err = writeFile(dir, "report.pdf", func(b io.Writer) error {
			warnings, err = pdf.Render(b, w.rep, w.a.pdf)
			return err
		})
		return warnings, err
	}},
	{"report.md", func(dir string, w *writing) ([]string, error) {
		return nil, w.slot(func() error {
			return writeFile(dir, "report.md", func(b io.Writer) error { return mdreport.Render(b, w.rep) })
		})
	}},
}

// writeFile renders into memory, then writes the file in one call.
func writeFile(dir, name string, render func(io.Writer) error) error {
	// Straight to the file: it is in writeOutput's temporary folder,
	// which goes if anything fails, so a render cut short leaves nothing.
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fileError(name, err)
	}
	b := bufio.NewWriterSize(f, 64<<10)
	if err := render(b); err != nil {
		f.Close()
		return err
	}
	if err := b.Flush(); err != nil {
		f.Close()
		return fileError(name, err)
	}
	if err := f.Close(); err != nil {
		return fileError(name, err)
	}
	return nil
}

// openHint tells where to open the site.
func openHint(out string) string {
	abs, err := filepath.Abs(filepath.Join(out, "site", "index.html"))
	if err != nil {
		abs = filepath.Join(out, "site", "index.html")
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return "file://" + p
}
