package mdreport

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/view"
)

// The wording below is shared by report.md and report.pdf, so that both
// say the same thing in the same words. (It could move to site/view.)

// SuppressedText says why a segment shows no figures.
func SuppressedText(rep *view.Report, s view.SegmentScore) string {
	for _, a := range rep.Attributes {
		if a.Name != s.Attribute {
			continue
		}
		for _, v := range a.Values {
			if v.Value == s.Value && v.Result.Suppressed && v.Result.Why == "complementary" {
				return "suppressed (to protect a smaller group)"
			}
		}
	}
	return fmt.Sprintf("suppressed (fewer than %d)", MinGroup(rep))
}

// MinGroup is the suppression threshold that was applied.
func MinGroup(rep *view.Report) int {
	if n := rep.Result.MinGroupSize; n > 0 {
		return n
	}
	return 5
}

// Origin says when an action is due and why it is in the plan.
func Origin(it *view.Item) string {
	s := fmt.Sprintf("%d days · ", it.Rec.Horizon)
	switch {
	case it.Flag != nil:
		return s + "red flag: " + it.Flag.Title
	case it.Dimension != nil:
		return s + it.Dimension.Title
	}
	return strings.TrimSuffix(s, " · ")
}

// ShareText tells how many matched a flag and where it is raised.
func ShareText(f *view.Flag) string {
	s := fmt.Sprintf("%.1f%% of respondents match (%d of %d); raised at %.0f%%", f.Result.Share*100,
		f.Result.Matches, f.Result.Evaluable, f.Def.Share*100)
	if f.Caps != nil {
		s += "; holds the overall level at " + f.Caps.Title + " at most"
	}
	return s
}

// CappedText explains a capped overall level.
func CappedText(ov view.Overall) string {
	return fmt.Sprintf("The scores alone would place the organisation at %s, but while the red flag “%s” is raised the overall level is at most %s.",
		ov.Uncapped.Title, ov.CappedBy.Title, ov.Level.Title)
}

// Num formats a rubric setting without trailing zeros.
func Num(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// ScoringRules is SPEC "Scoring" in plain words, as a Markdown list.
func ScoringRules(r *assess.Rubric) string {
	return fmt.Sprintf(`- Every answer becomes a value from 0 to 1: on a scale, the lowest answer is 0 and the highest 1,
  evenly spaced between; for a choice, by the points of the option chosen; for "select all that apply",
  by the points of the options chosen, out of all the points available. For a question where agreeing is
  the weaker answer, the value is turned around (1 minus it).
- Answers such as "Don't know" or "Not applicable", and empty answers, are missing, not low. An answer
  that matches nothing is reported and counted as missing.
- A person's score on a dimension is 100 times the weighted average of their answered questions in it.
  Someone who answered less than %s%% of a dimension's question weight gets no score on it rather than a guess.
- A group's score on a dimension is the average of its members' scores; the overall score is the
  weighted average of the dimension scores. The 95%% interval shows how far the average could move by
  chance, given how much answers vary.
- The level is the highest level whose starting score the score reaches. While a red flag that holds the
  level down is raised, the overall level is at most the level it names.
- A red flag is raised when at least its share of the respondents who answered its questions match all of
  its conditions.
- Actions for raised red flags come first, the most severe first; then the actions of each dimension,
  ordered by how far the dimension is below the target of %s, times its weight.`, Num(r.MinAnswered*100), Num(r.Target))
}

// PrivacyRules says how respondents are protected, as a Markdown list.
func PrivacyRules(n int) string {
	return fmt.Sprintf(`- No name, e-mail address or respondent id appears in this report.
- A group of fewer than **%d** respondents is never reported on its own: its size shows only as
  "fewer than %d", with no score, distribution or comment.
- When exactly one group of an attribute would be hidden, the next smallest is hidden too
  (complementary suppression), so that no group's figures can be worked out by subtraction from the total.
- Free-text comments appear only when asked for, only for groups at or above the threshold, and never
  with any attribute of the person who wrote them.`, n, n)
}

// Answers describes a question's answers.
func Answers(q *assess.Question) string {
	switch q.Type {
	case assess.TypeScale:
		s := q.Scale
		if q.Reverse {
			s += ", reversed: agreeing is weaker"
		}
		return s
	case assess.TypeText:
		return "free text, not scored"
	}
	var opts []string
	for _, o := range q.Options {
		opts = append(opts, fmt.Sprintf("%s (%s)", o.Label, Num(o.Points)))
	}
	kind := "one of"
	if q.Type == assess.TypeMulti {
		kind = "any of"
	}
	return kind + ": " + strings.Join(opts, "; ")
}

// Conditions says when a flag matches a respondent, in words.
func Conditions(r *assess.Rubric, f *assess.Flag) string {
	var parts []string
	for _, c := range f.When {
		var subject string
		if c.Question != "" {
			subject = "answer to " + c.Question
		} else if dm := r.Dimension(c.Dimension); dm != nil {
			subject = dm.Title + " score"
		}
		switch {
		case len(c.Is) > 0:
			q := make([]string, len(c.Is))
			for i, s := range c.Is {
				q[i] = "“" + s + "”"
			}
			parts = append(parts, subject+" is "+strings.Join(q, " or "))
		case c.Min != nil && c.Max != nil:
			parts = append(parts, fmt.Sprintf("%s between %s and %s", subject, Num(*c.Min), Num(*c.Max)))
		case c.Min != nil:
			parts = append(parts, fmt.Sprintf("%s at least %s", subject, Num(*c.Min)))
		case c.Max != nil:
			parts = append(parts, fmt.Sprintf("%s at most %s", subject, Num(*c.Max)))
		}
	}
	return strings.Join(parts, "; and ")
}

// Texts of fixed paragraphs.
const (
	PlanIntro = "Actions are numbered in the order to take them up: first those answering a raised red flag, " +
		"then those that close the largest gaps to the target. Each column holds what should be under way " +
		"within that many days."
	SuppressionNote = "Groups with fewer than %d respondents are not shown, nor is the next smallest group of " +
		"the same kind when only one would be hidden, so that no group's answers can be worked out from the others."
	CommentsIntro = "Answers to the open questions, as written, in no particular order. Comments are shown only " +
		"for groups large enough to keep their authors anonymous."
	RubricNote = "The identifier, version and SHA-256 digest of the rubric file name the method exactly: " +
		"results are comparable over time only when all three match."
)
