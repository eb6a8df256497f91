package view

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/aiready/aiready/site/i18n"
)

// The figures: every number a reader sees, in the site, the PDF,
// report.md and `aiready score`, is written by one of these, in the
// printer's language. Each kind of figure has one form, and all of them
// round with i18n.Round, halves away from zero; results.json and the CSV
// of `aiready score` are data, and keep their numbers unrounded.

// Score writes a score (0-100), or a difference of scores, with one
// decimal: 56.25 is "56.3", and a value that rounds to zero is "0.0",
// never "-0.0".
func Score(p *i18n.Printer, s float64) string { return p.One(s) }

// ScoreOr writes a score, or none when there is none.
func ScoreOr(p *i18n.Printer, s *float64, none string) string {
	if s == nil {
		return none
	}
	return Score(p, *s)
}

// FlagShare writes the share of respondents that match a red flag as a
// percentage with one decimal, "12.5%" for 1 of 8: it is read against the
// flag's threshold, and a whole percentage could round a share below the
// threshold up to it.
func FlagShare(p *i18n.Printer, share float64) string { return p.Percent(p.One(share * 100)) }

// AnswerShare writes the share of respondents who gave an answer as a
// whole percentage, "13%" for 1 of 8, as the charts show it; the count
// goes beside it where it matters.
func AnswerShare(p *i18n.Printer, share float64) string { return p.Pct(share) }

// Setting writes a number that the rubric sets (the target, points, a
// condition's bound) as written, to at most two decimals: "75", "0.5".
func Setting(p *i18n.Printer, v float64) string {
	s := strconv.FormatFloat(i18n.Round(v, 2), 'f', 2, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return p.Dec(s)
}

// SettingPct writes a share that the rubric sets (a flag's threshold,
// min_answered) as a percentage as written: "25%", "12.5%".
func SettingPct(p *i18n.Printer, share float64) string { return p.Percent(Setting(p, share*100)) }

// Signed writes a change with its sign, a true minus for a fall: "+1.3",
// "−1.3", and "0.0" for a change that rounds to nothing.
func Signed(p *i18n.Printer, d float64) string {
	s := Score(p, math.Abs(d))
	switch {
	case s == Score(p, 0):
		return s
	case d < 0:
		return "\u2212" + s
	}
	return "+" + s
}

// Arrow is the glyph beside a change: up, down, or level, as the change
// reads at one decimal.
func Arrow(d float64) string {
	switch r := i18n.Round(d, 1); {
	case r > 0:
		return "▲"
	case r < 0:
		return "▼"
	}
	return "="
}

// ChangeWords says a change in words and figures, so that neither a
// colour nor an arrow carries it alone: "up 3.2", "down 1.0", "no change".
func ChangeWords(p *i18n.Printer, d float64) string {
	switch r := i18n.Round(d, 1); {
	case r > 0:
		return p.T("report.change.up", Score(p, r))
	case r < 0:
		return p.T("report.change.down", Score(p, -r))
	}
	return p.T("report.change.none")
}

// Date writes a day in words: "20 November 2026", "20. November 2026".
func Date(p *i18n.Printer, t time.Time) string { return p.Date(t) }

// LongDate writes a YYYY-MM-DD date in words, as Date; anything else as
// given.
func LongDate(p *i18n.Printer, s string) string {
	if d, err := time.Parse("2006-01-02", s); err == nil {
		return Date(p, d)
	}
	return s
}

// PValue writes a p-value with three decimals, "p = 0.003", and one below
// 0.001 as "p < 0.001".
func PValue(p *i18n.Printer, v float64) string {
	if v < 0.001 {
		return "p < " + p.Number(0.001, 3)
	}
	return "p = " + p.Number(v, 3)
}

// EffectSize writes Hedges' g with two decimals, "g = 1.31", a true minus
// for a negative g.
func EffectSize(p *i18n.Printer, g float64) string {
	s := p.Number(math.Abs(g), 2)
	if g < 0 && s != p.Number(0, 2) {
		s = "\u2212" + s
	}
	return "g = " + s
}
