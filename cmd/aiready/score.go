package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/term"
	"github.com/aiready/aiready/site/view"
	"github.com/spf13/pflag"
)

func scoreCommand() *command {
	var sf scoreFlags
	var format, previous, date string
	return &command{
		name:  "score",
		args:  "[flags] ANSWERS...",
		short: "print the scores of survey answers: a table, results.json, or CSV",
		examples: `  aiready score responses.csv
  aiready score --segment Role --segment Team responses.csv
  aiready score --format json responses.xlsx > results.json
  aiready score --rubric my-rubric.toml --format csv a.csv b.csv
  aiready score --previous ../2026-05/out/results.json responses.csv   # with the change since then
  cat answers.json | aiready score -`,
		flags: func(fs *pflag.FlagSet) {
			sf.add(fs)
			fs.StringVar(&format, "format", "text", "output: text, json (results.json) or csv")
			fs.StringVar(&previous, "previous", "", "the last assessment's results.json: every score shows its change since then")
			fs.StringVar(&date, "date", "", "the assessment's date, YYYY-MM-DD (default: none)")
		},
		run: func(e *env, fs *pflag.FlagSet, args []string) error {
			if err := sf.check(); err != nil {
				return err
			}
			write, ok := scoreFormats[format]
			if !ok {
				return usagef("unknown --format %q: use text, json or csv", format)
			}
			if err := checkInputs(args); err != nil {
				return err
			}
			set := sf.settings(e, fs, args, false)
			set.DateOnlyIfGiven, set.Out = true, new(string) // no output folder whose results.json to refuse
			if fs.Changed("previous") {
				set.Previous = &previous
			}
			if fs.Changed("date") {
				d, err := time.Parse("2006-01-02", date)
				if err != nil {
					return usagef("--date %q: use YYYY-MM-DD", date)
				}
				if msg := assess.CheckYear(d); msg != "" {
					return usagef("--date %s: %s", date, msg)
				}
				set.Date = &d
			}
			p, err := assess.NewPlan(set)
			if err != nil {
				return err
			}
			res, err := p.Result()
			if err != nil {
				return err
			}
			if !sf.quiet {
				warnData(e.stderr, res.DataQuality)
			}
			// Render fully before writing, so a failure leaves no partial output.
			var b bytes.Buffer
			if err := write(&b, res); err != nil {
				return err
			}
			_, err = e.stdout.Write(b.Bytes())
			return err
		},
	}
}

var scoreFormats = map[string]func(io.Writer, *assess.Result) error{
	"text": writeText,
	"json": writeJSON,
	"csv":  writeCSV,
}

// writeJSON writes results.json: stable key order, two-space indent.
func writeJSON(w io.Writer, res *assess.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// The table's figures are written as the site, the PDF and report.md
// write them (site/view), in English; its words are the terminal's own.
var textPrinter = i18n.English()

// fmtScore writes a score with one decimal, halves away from zero (56.25
// shows as 56.3), or "-" without one.
func fmtScore(p *float64) string { return view.ScoreOr(textPrinter, p, "-") }

func levelTitle(r *assess.Rubric, id string) string {
	if l := r.Level(id); l != nil {
		return l.Title
	}
	return "-"
}

func writeText(w io.Writer, res *assess.Result) error {
	w = term.Writer(w) // attribute values and titles come from the inputs
	r := res.RubricDef
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("%s, version %s (%s)\n", r.Title, r.Version, r.ID)
	if res.Date != "" {
		p("Assessment of %s\n", view.LongDate(textPrinter, res.Date))
	}
	if res.SmallGroups() {
		p("WARNING: groups of fewer than %d respondents are shown (--min-group-size %d, --allow-small-groups): a figure may be one person's answers; handle this as personal data.\n",
			assess.MinSafeGroupSize, res.MinGroupSize)
	}
	dq := res.DataQuality
	p("Respondents: %d   invalid answers: %d", res.Respondents, dq.InvalidCells)
	if len(dq.UnmatchedColumns) > 0 {
		p("   columns not used: %d", len(dq.UnmatchedColumns))
	}
	if n := len(dq.UnansweredQuestions); n > 0 {
		p("   questions no column answers: %d (%s)", n, assess.Summarize(dq.UnansweredQuestions))
	}
	if n := dq.NotResponses[assess.ExcludedPreview]; n > 0 {
		p("   left out: %d survey preview(s)", n)
	}
	if n := dq.NotResponses[assess.ExcludedSpam]; n > 0 {
		p("   left out: %d spam response(s)", n)
	}
	p("%s\n\n", term.TrustText(res))
	o := res.Overall
	p("Overall: %s  %s", fmtScore(o.Score), levelTitle(r, o.Level))
	if o.CappedBy != "" {
		p("  (capped by red flag %q; the score alone gives %s)", o.CappedBy, levelTitle(r, o.Uncapped))
	}
	prev := res.Previous
	switch {
	case prev == nil:
	case prev.RubricChanged:
		p("\nThe method changed since the last assessment, of %s: no change is shown.", view.LongDate(textPrinter, prev.Date))
	case prev.OverallDelta != nil:
		p("\nSince the last assessment, of %s: %s", view.LongDate(textPrinter, prev.Date), view.ChangeWords(textPrinter, *prev.OverallDelta))
	}
	p("\n\n")
	tw := term.NewTable(w)
	change := prev != nil && !prev.RubricChanged
	if change {
		fmt.Fprintln(tw, "DIMENSION\tSCORE\tCHANGE\t95% INTERVAL\tN\tLEVEL")
	} else {
		fmt.Fprintln(tw, "DIMENSION\tSCORE\t95% INTERVAL\tN\tLEVEL")
	}
	for i, d := range r.Dimensions {
		dr := res.Dimensions[i]
		ci := "-"
		if dr.N >= 2 {
			ci = view.Score(textPrinter, dr.CILow) + "-" + view.Score(textPrinter, dr.CIHigh)
		}
		if change {
			delta := "-"
			for _, dd := range prev.Dimensions {
				if dd.ID == d.ID && dd.Delta != nil {
					delta = view.Signed(textPrinter, *dd.Delta)
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", d.Title, fmtScore(dr.Score), delta, ci, dr.N, levelTitle(r, dr.Level))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", d.Title, fmtScore(dr.Score), ci, dr.N, levelTitle(r, dr.Level))
	}
	tw.Flush()
	if len(res.Flags) > 0 {
		p("\nRed flags\n")
		tw = term.NewTable(w)
		for i, f := range r.Flags {
			fr := res.Flags[i]
			state := "not raised"
			if fr.Raised {
				state = "RAISED"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s of %d (raised at %s)\t%s\n", state, f.ID,
				view.FlagShare(textPrinter, fr.Share), fr.Evaluable, view.SettingPct(textPrinter, f.Share), f.Title)
		}
		tw.Flush()
	}
	if len(res.Recommendations) > 0 {
		p("\nAction plan\n")
		for i, rr := range res.Recommendations {
			rc := r.Recommendation(rr.ID)
			why := "flag " + rr.Flag
			if rr.Flag == "" {
				why = rr.Dimension + ", priority " + view.Score(textPrinter, rr.Priority)
			}
			p("  %2d. [%d days] %s (%s)\n", i+1, rr.Horizon, rc.Title, why)
		}
	}
	if len(res.Segments) > 0 {
		p("\nSegments (groups under %d respondents are suppressed)\n", res.MinGroupSize)
		tw = term.NewTable(w)
		head := []string{"  ATTRIBUTE", "VALUE", "N", "OVERALL"}
		for _, d := range r.Dimensions {
			head = append(head, strings.ToUpper(d.ID))
		}
		fmt.Fprintln(tw, strings.Join(head, "\t"))
		var hidden []string
		for _, sg := range res.Segments {
			if sg.Suppressed {
				why := fmt.Sprintf("fewer than %d", res.MinGroupSize)
				if sg.Why == "complementary" {
					why = "hidden to protect a smaller group"
				}
				hidden = append(hidden, fmt.Sprintf("%s %q (%s)", sg.Attribute, sg.Value, why))
				row := []string{"  " + sg.Attribute, sg.Value, "-", "-"}
				for range r.Dimensions {
					row = append(row, "-")
				}
				fmt.Fprintln(tw, strings.Join(row, "\t"))
				continue
			}
			row := []string{"  " + sg.Attribute, sg.Value, strconv.Itoa(*sg.N), fmtScore(sg.Overall.Score)}
			for _, dr := range sg.Dimensions {
				row = append(row, fmtScore(dr.Score))
			}
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
		tw.Flush()
		if len(hidden) > 0 {
			p("  Suppressed: %s\n", strings.Join(hidden, "; "))
		}
	}
	return nil
}

// writeCSV writes one row per group and dimension, for spreadsheets. Cells
// that a spreadsheet would run as a formula are prefixed with a quote.
func writeCSV(w io.Writer, res *assess.Result) error {
	r := res.RubricDef
	cw := csv.NewWriter(w)
	row := func(cells ...string) {
		for i, c := range cells {
			cells[i] = safeCell(c)
		}
		_ = cw.Write(cells)
	}
	row("attribute", "value", "dimension", "n", "score", "level", "suppressed")
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	row("", "all", "overall", strconv.Itoa(res.Respondents), num(res.Overall.Score), res.Overall.Level, "false")
	for i, d := range r.Dimensions {
		dr := res.Dimensions[i]
		row("", "all", d.ID, strconv.Itoa(dr.N), num(dr.Score), dr.Level, "false")
	}
	for _, sg := range res.Segments {
		if sg.Suppressed {
			row(sg.Attribute, sg.Value, "", "", "", "", "true")
			continue
		}
		row(sg.Attribute, sg.Value, "overall", strconv.Itoa(*sg.N), num(sg.Overall.Score), sg.Overall.Level, "false")
		for i, d := range r.Dimensions {
			dr := sg.Dimensions[i]
			if dr.Suppressed {
				row(sg.Attribute, sg.Value, d.ID, "", "", "", "true")
				continue
			}
			row(sg.Attribute, sg.Value, d.ID, strconv.Itoa(dr.N), num(dr.Score), dr.Level, "false")
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell defuses a cell that a spreadsheet would evaluate.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s // a negative number is data, not a formula
		}
		return "'" + s
	}
	return s
}
