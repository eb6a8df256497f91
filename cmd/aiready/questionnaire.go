package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/rubrics"
	"github.com/aiready/aiready/site/output"
	"github.com/aiready/aiready/site/questionnaire"
	"github.com/aiready/aiready/site/survey"
	"github.com/aiready/aiready/site/survey/google"
	"github.com/aiready/aiready/site/survey/qsf"
	"github.com/aiready/aiready/site/survey/xlsform"
	"github.com/spf13/pflag"
)

// surveyFormats are the survey tools `questionnaire --format` writes for,
// besides the offline page (html): the writer, the file written by
// default, and what to do with it.
// The layout is the one aiready reads the tool's export in, for the
// columns it sets aside.
type surveyFormat struct {
	name, file, done, howTo, layout string
	write                           func(io.Writer, *survey.Survey) error
}

var surveyFormats = []surveyFormat{
	{"google", "questionnaire.gs", "paste it into a new project at script.google.com and run createForm once: it logs the form's links", google.HowTo, assess.LayoutGoogleForms, google.Write},
	{"xlsform", "questionnaire.xlsx", "upload it to KoboToolbox, ODK Central, SurveyCTO or Ona as a new form", xlsform.HowTo, "", xlsform.Write},
	{"qsf", "questionnaire.qsf", "in Qualtrics, Create a new project → Survey → Import a QSF file, and choose it", qsf.HowTo, assess.LayoutQualtrics, qsf.Write},
}

// questionnaireHowTo is the help's part on the survey tools: each
// format's steps.
func questionnaireHowTo() string {
	var b strings.Builder
	for _, f := range surveyFormats {
		fmt.Fprintf(&b, "\n\n--format %s (%s):\n%s", f.name, f.file, f.howTo)
	}
	return b.String()
}

func questionnaireCommand() *command {
	var rubric, out, lang, format, valuesFrom string
	var segments, segValues []string
	var force, quiet bool
	var formats []string
	for _, f := range surveyFormats {
		formats = append(formats, f.name)
	}
	return &command{
		name:  "questionnaire",
		args:  "[PROJECT] [flags]",
		short: "write the survey: an offline HTML questionnaire, or a Google Form, XLSForm or Qualtrics survey to import",
		examples: `  aiready questionnaire                          # questionnaire.html for the built-in rubric
  aiready questionnaire -r my-rubric.toml -o self-assessment.html
  aiready questionnaire --lang de --segment Role --segment Team -o fragebogen.html
  aiready questionnaire -o - > questionnaire.html
  aiready score answers-*.json                   # score the answers files people saved

  # the same survey for the tool you collect answers with
  aiready questionnaire --format google --segment-values Role=Executive,Manager,Frontline
  aiready questionnaire --format xlsform --segment Team --segment-values-from last-year.csv
  aiready questionnaire --format qsf my-project  # rubric, segments and [population] values from the project

Every format keeps the rubric's ids as the question names, so that the
export scores with 'aiready score' as it comes; the README's "Collecting
answers with your survey tool" says more.` + questionnaireHowTo(),
		flags: func(fs *pflag.FlagSet) {
			fs.StringVarP(&rubric, "rubric", "r", rubrics.Default, "rubric file, or the name of a built-in rubric; a project gives its own")
			fs.StringVar(&format, "format", "html", "what to write: html (the offline page), "+strings.Join(formats, ", "))
			fs.StringVarP(&out, "out", "o", "", "file to write, or - for standard output (default: questionnaire.html, .gs, .xlsx or .qsf)")
			fs.StringVar(&lang, "lang", "", "language of the survey's own words: "+strings.Join(questionnaire.Languages(), " or ")+" (default: the rubric's language)")
			fs.StringArrayVar(&segments, "segment", nil, "ask for this attribute first, e.g. --segment Role (repeatable)")
			fs.StringArrayVar(&segValues, "segment-values", nil, "offer these values, e.g. Role=Executive,Manager,Frontline (repeatable; implies --segment; \\, for a comma in a value; the HTML page suggests them)")
			fs.StringVar(&valuesFrom, "segment-values-from", "", "take the segments' values from an earlier export of the survey")
			fs.BoolVar(&force, "force", false, "replace the file if it exists")
			fs.BoolVarP(&quiet, "quiet", "q", false, "print nothing when done")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			var pr *assess.Project
			if len(args) > 0 {
				if !assess.IsProject(args) {
					return usagef("%q is not a project (a folder with an assessment.toml, or the file); the rubric goes in --rubric", args[0])
				}
				p, err := assess.OpenProject(args[0])
				if err != nil {
					return err
				}
				pr = p
			}
			if out == "" {
				if fs.Changed("out") {
					return usagef("--out is empty: give a file name, or - for standard output")
				}
				out = "questionnaire.html"
			}
			var sf *surveyFormat
			for i := range surveyFormats {
				if surveyFormats[i].name == format {
					sf = &surveyFormats[i]
				}
			}
			if sf == nil && format != "html" {
				return usagef("unknown --format %q: use html, %s", format, strings.Join(formats, ", "))
			}
			if sf != nil && !fs.Changed("out") {
				out = sf.file
			}
			if pr != nil && !fs.Changed("rubric") && pr.Rubric != "" {
				rubric = pr.Rubric
			}
			if pr != nil && !fs.Changed("segment") && !fs.Changed("segment-values") {
				segments = slices.Clone(pr.Segments)
			}
			values, segments, err := segmentValues(segValues, segments)
			if err != nil {
				return err
			}
			seen := map[string]bool{}
			for _, s := range segments {
				n := assess.Normalize(s)
				if n == "" {
					return usagef("--segment is empty")
				}
				if seen[n] {
					return usagef("--segment %q is given twice", s)
				}
				seen[n] = true
				// A survey tool's export heads a segment's column with
				// the attribute: a column its reader sets aside (an id,
				// personal data, the tool's own bookkeeping) could not
				// be scored, so say so now, not after the survey.
				if sf != nil {
					if err := assess.SegmentRefused(s, sf.layout); err != nil {
						return err
					}
				}
			}
			if valuesFrom != "" && len(segments) == 0 {
				return usagef("--segment-values-from needs the segments to take: give --segment")
			}
			r, err := loadRubric(rubric)
			if err != nil {
				return err
			}
			specs, err := segmentSpecs(r, pr, segments, values, valuesFrom)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if sf == nil {
				// The offline page asks for segments as text, suggesting
				// the values known.
				opt := questionnaire.Options{Segments: segments, Lang: lang}
				for _, sp := range specs {
					opt.Values = append(opt.Values, sp.Values)
				}
				err = questionnaire.Write(&b, r, opt)
				if errors.Is(err, questionnaire.ErrLanguage) {
					return usagef("--lang: %v", err)
				}
			} else {
				var s *survey.Survey
				s, err = survey.Build(r, survey.Options{Lang: lang, Segments: specs})
				if errors.Is(err, survey.ErrLanguage) {
					return usagef("--lang: %v", err)
				}
				if err == nil {
					err = sf.write(&b, s)
				}
			}
			if err != nil {
				return err
			}
			if out == "-" {
				_, err := e.stdout.Write(b.Bytes())
				return err
			}
			if err := output.WriteNew(out, b.Bytes(), force); err != nil {
				return err
			}
			if !quiet {
				if sf == nil {
					fmt.Fprintf(e.stdout, "wrote %s: open it in any browser, no network needed\n", out)
				} else {
					fmt.Fprintf(e.stdout, "wrote %s: %s\n", out, sf.done)
				}
			}
			return nil
		},
	}
}

// segmentSpecs settles each segment's values: --segment-values, else the
// project's [population.ATTR] in its order, else the earlier export's,
// else none (the survey asks for it as text).
func segmentSpecs(r *assess.Rubric, pr *assess.Project, segments []string, values map[string][]string, from string) ([]survey.SegmentSpec, error) {
	var fromFile map[string][]string
	if from != "" {
		var need []string
		for _, s := range segments {
			if _, ok := values[assess.Normalize(s)]; !ok {
				need = append(need, s)
			}
		}
		if len(need) > 0 {
			f, err := os.Open(from)
			if err != nil {
				return nil, assess.FileError(from, err)
			}
			defer f.Close()
			ro := assess.ReadOptions{}
			if pr != nil {
				ro = pr.ReadOptions()
			}
			if fromFile, err = assess.SegmentValues(from, f, r, ro, need); err != nil {
				return nil, err
			}
		}
	}
	var specs []survey.SegmentSpec
	for _, s := range segments {
		sp := survey.SegmentSpec{Attribute: s, Values: values[assess.Normalize(s)]}
		if sp.Values == nil && pr != nil && pr.Population != nil {
			for _, g := range pr.Population.Groups {
				if assess.Normalize(g.Attribute) == assess.Normalize(s) {
					sp.Values = append(sp.Values, g.Value)
				}
			}
		}
		if sp.Values == nil {
			sp.Values = fromFile[s]
		}
		specs = append(specs, sp)
	}
	return specs, nil
}

// segmentValues reads the --segment-values flags: values by attribute
// (its normal form), and segments with every attribute named there.
func segmentValues(flags, segments []string) (map[string][]string, []string, error) {
	values := map[string][]string{}
	for _, sv := range flags {
		attr, list, ok := strings.Cut(sv, "=")
		attr = strings.TrimSpace(attr)
		if !ok || attr == "" {
			return nil, nil, usagef("--segment-values %q: write ATTRIBUTE=VALUE,VALUE,...", sv)
		}
		var vs []string
		for _, v := range splitValues(list) {
			if v = strings.TrimSpace(v); v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			return nil, nil, usagef("--segment-values %q: no values after the =", sv)
		}
		key := assess.Normalize(attr)
		if _, dup := values[key]; dup {
			return nil, nil, usagef("--segment-values: %q is given twice", attr)
		}
		values[key] = vs
		if !slices.ContainsFunc(segments, func(s string) bool { return assess.Normalize(s) == key }) {
			segments = append(segments, attr)
		}
	}
	return values, segments, nil
}

// splitValues splits --segment-values' list at its commas; a backslash
// before a comma makes it part of the value, and two backslashes are one.
func splitValues(list string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case c == '\\' && i+1 < len(list) && (list[i+1] == ',' || list[i+1] == '\\'):
			b.WriteByte(list[i+1])
			i++
		case c == ',':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, b.String())
}
