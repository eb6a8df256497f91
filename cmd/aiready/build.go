package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/term"
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
	formats     []string
}

func (bf *buildFlags) add(fs *pflag.FlagSet) {
	bf.scoreFlags.add(fs)
	fs.StringVarP(&bf.out, "out", "o", "out", "output folder (written whole, then moved into place)")
	fs.BoolVar(&bf.force, "force", false, "write into an existing folder that aiready did not create, beside its files")
	bf.addReport(fs)
}

// addReport adds the flags that shape the report, not where it goes
// (serve builds into a folder of its own).
func (bf *buildFlags) addReport(fs *pflag.FlagSet) {
	fs.StringVar(&bf.title, "title", "", "report title (default: the rubric's title)")
	fs.StringVar(&bf.client, "client", "", "client organisation shown on the report")
	fs.StringVar(&bf.date, "date", "", "assessment date, YYYY-MM-DD (default: the project's date, else the inputs' latest change)")
	fs.StringVar(&bf.consultancy, "consultancy", "", "consultancy name for branding")
	fs.StringVar(&bf.logo, "logo", "", "logo file (PNG or JPEG) for branding")
	fs.StringVar(&bf.color, "color", "", "accent colour, #rrggbb")
	fs.StringVar(&bf.previous, "previous", "", "the last assessment's results.json: every score shows its change since then")
	fs.StringArrayVar(&bf.history, "history", nil, "an earlier results.json for the trend chart (repeatable)")
	fs.StringVar(&bf.templates, "templates", "", "folder of *.html files whose {{define}}s override blocks of the site's templates")
	fs.StringVar(&bf.paper, "paper", "A4", "PDF paper size: A4 or letter")
	fs.StringVar(&bf.font, "font", "", "TrueType font (.ttf) for scripts the built-in fonts lack, e.g. CJK")
	fs.StringVar(&bf.boldFont, "bold-font", "", "bold TrueType font to go with --font")
	fs.StringVar(&bf.norms, "norms", "", "norms file ('aiready norms add'): show each dimension's percentile among earlier assessments")
	addLangFlag(fs, &bf.lang)
	addFormatsFlag(fs, &bf.formats)
}

// addFormatsFlag adds --formats, the outputs a build writes.
func addFormatsFlag(fs *pflag.FlagSet, formats *[]string) {
	fs.StringSliceVar(formats, "formats", nil, "outputs to write, comma-separated: "+strings.Join(assess.Formats, ", ")+" (default: the project's formats, else all)")
}

// checkFormats is --formats for the settings, nil if not given.
func checkFormats(fs *pflag.FlagSet, formats []string) ([]string, error) {
	if !fs.Changed("formats") {
		return nil, nil
	}
	if len(formats) == 0 {
		return nil, usagef("--formats is empty: name at least one of %s", strings.Join(assess.Formats, ", "))
	}
	for _, f := range formats {
		if msg := assess.CheckFormat(f); msg != "" {
			return nil, usagef("--formats: %s", msg)
		}
	}
	return formats, nil
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
		short: "write the assessment: site/, report.pdf, report.md, report.docx and results.json",
		examples: `  aiready build                             # the project in this folder (its assessment.toml)
  aiready build --client "Northwind Financial" --segment Role --segment Team -o out responses.csv
  aiready build my-assessment/              # a project folder with assessment.toml
  aiready build my-assessment/assessment.toml --out /tmp/preview
  SOURCE_DATE_EPOCH=1763596800 aiready build project/   # reproducible dates`,
		flags: bf.add,
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			ahead := site.Start(bf.templates)
			defer ahead.Release()
			s, err := bf.settings(e, fs, hereProject(args))
			if err != nil {
				return err
			}
			p, err := assess.NewPlan(s)
			if err != nil {
				return err
			}
			out, err := bf.write(e, p, site.WriteOptions{Force: bf.force, Ahead: ahead})
			if err == nil && !bf.quiet {
				fmt.Fprintf(e.stdout, "wrote %s\n", out)
			}
			return err
		},
	}
}

// settings are the flags as an assessment's settings; the flags that
// only a build has are checked here.
func (bf *buildFlags) settings(e *env, fs *pflag.FlagSet, args []string) (assess.Settings, error) {
	if err := bf.check(); err != nil {
		return assess.Settings{}, err
	}
	s := bf.scoreFlags.settings(e, fs, args, true)
	if s.Project == "" {
		if err := checkInputs(args); err != nil {
			return s, err
		}
	}
	if fs.Changed("out") {
		s.Out = &bf.out
	}
	changed := func(flag string, v *string) *string {
		if fs.Changed(flag) {
			return v
		}
		return nil
	}
	s.Title, s.Client, s.Consultancy = changed("title", &bf.title), changed("client", &bf.client), changed("consultancy", &bf.consultancy)
	s.Logo, s.Color, s.Previous = changed("logo", &bf.logo), changed("color", &bf.color), changed("previous", &bf.previous)
	if fs.Changed("history") {
		s.History = &bf.history
	}
	if fs.Changed("lang") {
		if err := checkLang(bf.lang); err != nil {
			return s, err
		}
		s.Lang = bf.lang
	}
	if bf.color != "" && fs.Changed("color") && !assess.ValidColor(bf.color) {
		return s, usagef("--color %q: use #rrggbb", bf.color)
	}
	if fs.Changed("date") {
		d, err := time.Parse("2006-01-02", bf.date)
		if err != nil {
			return s, usagef("--date %q: use YYYY-MM-DD", bf.date)
		}
		if msg := assess.CheckYear(d); msg != "" {
			return s, usagef("--date %s: %s", bf.date, msg)
		}
		s.Date = &d
	}
	var err error
	if s.Formats, err = checkFormats(fs, bf.formats); err != nil {
		return s, err
	}
	if s.FixedDate, err = sourceDate(e); err != nil {
		return s, err
	}
	switch strings.ToLower(bf.paper) {
	case "a4":
		bf.paper = "A4"
	case "letter":
		bf.paper = "letter"
	default:
		return s, usagef("--paper %q: use A4 or letter", bf.paper)
	}
	if bf.boldFont != "" && bf.font == "" {
		return s, usagef("--bold-font needs --font")
	}
	s.Norms, s.Font, s.BoldFont, s.Templates = bf.norms, bf.font, bf.boldFont, bf.templates
	return s, nil
}

// sourceDate is SOURCE_DATE_EPOCH, which fixes the date of every build
// for reproducible bytes; nil if it is not set.
func sourceDate(e *env) (*time.Time, error) {
	s := e.getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil, nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, usagef("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
	}
	d := time.Unix(sec, 0).UTC()
	if msg := assess.CheckYear(d); msg != "" {
		return nil, usagef("SOURCE_DATE_EPOCH %s: %s", s, msg)
	}
	return &d, nil
}

// write builds the plan's outputs and prints what happened: the answers'
// warnings, the outputs', and where files of the user's were kept aside
// (even under -q). It returns the output folder.
func (bf *buildFlags) write(e *env, p *assess.Plan, o site.WriteOptions) (string, error) {
	o.Paper = bf.paper
	w, err := site.Write(p, o)
	if !bf.quiet {
		if w.Result != nil {
			warnData(e.stderr, w.Result.DataQuality)
		}
		for _, msg := range w.Warnings {
			fmt.Fprintf(e.stderr, "aiready: %s\n", term.OneLine(msg))
		}
	}
	for _, n := range w.Notes {
		fmt.Fprintf(e.stderr, "aiready: %s\n", term.OneLine(n))
	}
	return w.Out, err
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
