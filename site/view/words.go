package view

import (
	"math"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// The sentences that the site, the PDF and report.md share, so that all
// of them say the same thing in the same words. Each is built from the
// catalogue (site/i18n) and the figures (figures.go).

// SuppressedText says why a segment shows no figures.
func (rep *Report) SuppressedText(s SegmentScore) string {
	p := rep.P()
	for _, a := range rep.Attributes {
		if a.Name != s.Attribute {
			continue
		}
		for _, v := range a.Values {
			if v.Value == s.Value && v.Result.Suppressed && v.Result.Why == "complementary" {
				return p.T("report.suppressed_complementary")
			}
		}
	}
	return p.T("report.suppressed_small", rep.MinGroup())
}

// MinGroup is the suppression threshold that was applied.
func (rep *Report) MinGroup() int {
	if n := rep.Result.MinGroupSize; n > 0 {
		return n
	}
	return 5
}

// Origin says when an action is due and why it is in the plan.
func Origin(p *i18n.Printer, it *Item) string {
	days := p.T("report.days", it.Rec.Horizon)
	switch {
	case it.Flag != nil:
		return days + " · " + p.T("report.origin_flag", it.Flag.Title)
	case it.Check != nil:
		return days + " · " + p.T("report.origin_check", it.Check.Title)
	case it.Dimension != nil:
		return days + " · " + it.Dimension.Title
	}
	return days
}

// ShareText tells how many matched a flag and where it is raised.
func ShareText(p *i18n.Printer, f *Flag) string {
	s := p.T("report.share", FlagShare(p, f.Result.Share), f.Result.Matches, f.Result.Evaluable,
		SettingPct(p, f.Def.Share))
	if f.Caps != nil {
		s += p.T("report.share_caps", f.Caps.Title)
	}
	return s
}

// CappedText explains a capped overall level.
func CappedText(p *i18n.Printer, ov Overall) string {
	if ov.CappedBy.Check {
		return p.T("report.capped_check", ov.Uncapped.Title, ov.CappedBy.Title, ov.Level.Title)
	}
	return p.T("report.capped", ov.Uncapped.Title, ov.CappedBy.Title, ov.Level.Title)
}

// ScoringRules is SPEC "Scoring" in plain words, as a Markdown list.
func ScoringRules(p *i18n.Printer, r *assess.Rubric) string {
	return p.T("report.scoring_rules", Setting(p, r.MinAnswered*100), Setting(p, r.Target))
}

// PrivacyRules says how respondents are protected, as a Markdown list.
func PrivacyRules(p *i18n.Printer, n int) string {
	return p.T("report.privacy_rules", n)
}

// Answers describes a question's answers.
func Answers(p *i18n.Printer, q *assess.Question) string {
	switch q.Type {
	case assess.TypeScale:
		s := q.Scale
		if q.Reverse {
			s += p.T("report.reversed")
		}
		return s
	case assess.TypeText:
		return p.T("report.free_text")
	}
	var opts []string
	for _, o := range q.Options {
		opts = append(opts, o.Label+" ("+Setting(p, o.Points)+")")
	}
	if q.Type == assess.TypeMulti {
		return p.T("report.any_of", strings.Join(opts, "; "))
	}
	return p.T("report.one_of", strings.Join(opts, "; "))
}

// Conditions says when a flag matches a respondent, in words.
func Conditions(p *i18n.Printer, r *assess.Rubric, f *assess.Flag) string {
	var parts []string
	for _, c := range f.When {
		var subject string
		if c.Question != "" {
			subject = p.T("report.cond_answer", c.Question)
		} else if dm := r.Dimension(c.Dimension); dm != nil {
			subject = p.T("report.cond_score", dm.Title)
		}
		switch {
		case len(c.Is) > 0:
			q := make([]string, len(c.Is))
			for i, s := range c.Is {
				q[i] = p.T("report.quote", s)
			}
			parts = append(parts, p.T("report.cond_is", subject, strings.Join(q, p.T("report.or"))))
		case c.Min != nil && c.Max != nil:
			parts = append(parts, p.T("report.cond_between", subject, Setting(p, *c.Min), Setting(p, *c.Max)))
		case c.Min != nil:
			parts = append(parts, p.T("report.cond_min", subject, Setting(p, *c.Min)))
		case c.Max != nil:
			parts = append(parts, p.T("report.cond_max", subject, Setting(p, *c.Max)))
		}
	}
	return strings.Join(parts, p.T("report.and"))
}

// OverrideText says what a person did to a recommendation and why:
// "Consultant’s judgement: put first. Why: ...".
func OverrideText(p *i18n.Printer, o *assess.OverrideResult) string {
	why := strings.Join(strings.Fields(o.Reason), " ")
	switch o.Action {
	case assess.ActionPin:
		return p.T("report.judgement.pin", why)
	case assess.ActionAdd:
		return p.T("report.judgement.add", why)
	}
	return p.T("report.judgement.drop", why)
}

// ChangeText is a change in one sentence for beside a score, or "" when
// there is nothing to compare.
func ChangeText(p *i18n.Printer, c *Change) string {
	switch {
	case c == nil:
		return ""
	case c.Changed:
		return p.T("report.change.method", c.Since)
	case c.Delta == nil:
		return p.T("report.change.no_score", c.Since)
	}
	return p.T("report.change.since", Arrow(*c.Delta), ChangeWords(p, *c.Delta), c.Since)
}

// ChangeCell is a change for a table cell: "▲ +3.2", or "–".
func ChangeCell(p *i18n.Printer, c *Change) string {
	if c == nil || c.Changed || c.Delta == nil {
		return "–"
	}
	return Arrow(*c.Delta) + " " + Signed(p, *c.Delta)
}

// TrendIntro introduces the trend chart or table.
func TrendIntro(p *i18n.Printer, t *Trend) string {
	s := p.T("report.trend.intro", len(t.Points))
	if t.Omitted > 0 {
		s += " " + p.N("report.trend.omitted", t.Omitted)
	}
	return s
}

// EffectWords names the size of an effect by |g| (Cohen's conventions):
// negligible below 0.2, small from 0.2, medium from 0.5, large from 0.8.
func EffectWords(p *i18n.Printer, g float64) string {
	switch a := math.Abs(g); {
	case a >= 0.8:
		return p.T("report.effect.large")
	case a >= 0.5:
		return p.T("report.effect.medium")
	case a >= 0.2:
		return p.T("report.effect.small")
	}
	return p.T("report.effect.negligible")
}

// SignificantMark follows the adjusted p of a significant gap; GapTestNote
// says what it means.
const SignificantMark = "*"

// GapP writes a gap's Holm-adjusted p, "p = 0.003 *" when it is
// significant, or says that it could not be tested.
func GapP(p *i18n.Printer, r GapRow) string {
	if r.Test == nil || r.Test.PAdjusted == nil {
		return p.T("report.gap_untested")
	}
	s := PValue(p, *r.Test.PAdjusted)
	if r.Test.Significant {
		s += " " + SignificantMark
	}
	return s
}

// GapEffect writes a gap's effect size and its size in words,
// "g = 1.31, large".
func GapEffect(p *i18n.Printer, r GapRow) string {
	if r.Test == nil || r.Test.HedgesG == nil {
		return p.T("report.gap_untested")
	}
	return p.T("report.gap_effect", EffectSize(p, *r.Test.HedgesG), EffectWords(p, *r.Test.HedgesG))
}

// Significant tells whether a gap's row is marked significant.
func (r GapRow) Significant() bool { return r.Test != nil && r.Test.Significant }

// GapTestNote says how the gaps were tested: Welch's t-test, Holm's
// adjustment over all the report's tested gaps, Hedges' g and its words.
func (rep *Report) GapTestNote() string {
	p := rep.P()
	m := 0
	for _, g := range rep.Result.Gaps {
		if g.P != nil {
			m++
		}
	}
	return p.N("report.gap_test_note", m, SignificantMark, Setting(p, assess.SignificanceLevel))
}
