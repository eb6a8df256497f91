package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
	"github.com/aiready/aiready/site/view"
)

// The wording below is shared by report.md and report.pdf, so that both
// say the same thing in the same words. (It could move to site/view.)

// SuppressedText says why a segment shows no figures.
func SuppressedText(rep *view.Report, s view.SegmentScore) string {
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
	return p.T("report.suppressed_small", MinGroup(rep))
}

// MinGroup is the suppression threshold that was applied.
func MinGroup(rep *view.Report) int {
	if n := rep.Result.MinGroupSize; n > 0 {
		return n
	}
	return 5
}

// Origin says when an action is due and why it is in the plan.
func Origin(p *i18n.Printer, it *view.Item) string {
	days := p.T("report.days", it.Rec.Horizon)
	switch {
	case it.Flag != nil:
		return days + " · " + p.T("report.origin_flag", it.Flag.Title)
	case it.Dimension != nil:
		return days + " · " + it.Dimension.Title
	}
	return days
}

// ShareText tells how many matched a flag and where it is raised.
func ShareText(p *i18n.Printer, f *view.Flag) string {
	s := p.T("report.share", Pct1(p, f.Result.Share), f.Result.Matches, f.Result.Evaluable,
		p.Pct(f.Def.Share))
	if f.Caps != nil {
		s += p.T("report.share_caps", f.Caps.Title)
	}
	return s
}

// Pct1 writes a share as a percentage with one decimal.
func Pct1(p *i18n.Printer, share float64) string {
	return p.Percent(p.One(share * 100))
}

// CappedText explains a capped overall level.
func CappedText(p *i18n.Printer, ov view.Overall) string {
	return p.T("report.capped", ov.Uncapped.Title, ov.CappedBy.Title, ov.Level.Title)
}

// Num formats a rubric setting without trailing zeros.
func Num(p *i18n.Printer, v float64) string {
	s := fmt.Sprintf("%.2f", v)
	return p.Dec(strings.TrimRight(strings.TrimRight(s, "0"), "."))
}

// ScoringRules is SPEC "Scoring" in plain words, as a Markdown list.
func ScoringRules(p *i18n.Printer, r *assess.Rubric) string {
	return p.T("report.scoring_rules", Num(p, r.MinAnswered*100), Num(p, r.Target))
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
		opts = append(opts, fmt.Sprintf("%s (%s)", o.Label, Num(p, o.Points)))
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
			parts = append(parts, p.T("report.cond_between", subject, Num(p, *c.Min), Num(p, *c.Max)))
		case c.Min != nil:
			parts = append(parts, p.T("report.cond_min", subject, Num(p, *c.Min)))
		case c.Max != nil:
			parts = append(parts, p.T("report.cond_max", subject, Num(p, *c.Max)))
		}
	}
	return strings.Join(parts, p.T("report.and"))
}
