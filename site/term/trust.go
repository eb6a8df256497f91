package term

import (
	"fmt"
	"io"
	"strings"

	"github.com/aiready/aiready/assess"
)

// Plain sentences about how far the figures can be trusted, for the
// command line's text output (score, validate --answers); the site, the
// PDF and report.md say the same in their own words (site/view).

// TrustLines are the response-quality and participation lines of a
// result: none when there is nothing to say.
func TrustLines(res *assess.Result) []string {
	var out []string
	dq := res.DataQuality
	if dq.StraightLiners > 0 || dq.Speeders > 0 || dq.Excluded > 0 {
		line := fmt.Sprintf("Response quality: %s (the same answer to every one of at least %d scale questions), %s (less than a third of the median time)",
			count(dq.StraightLiners, "straight-liner"), assess.MinStraightLine, count(dq.Speeders, "speeder"))
		if dq.Excluded > 0 {
			line += fmt.Sprintf("; %d left out of every figure (--exclude-flagged)", dq.Excluded)
		} else {
			line += "; counted in the figures (--exclude-flagged leaves them out)"
		}
		out = append(out, line)
	}
	if p := res.Participation; p != nil {
		line := fmt.Sprintf("Participation: %d of %d people answered (%.1f%%)", res.Respondents, p.Population, 100*p.Rate)
		if p.Rate < assess.LowParticipation {
			line += fmt.Sprintf(", below %.0f%%: those who answered may not speak for everyone, a limit of these findings", 100*assess.LowParticipation)
		}
		for _, s := range p.Segments {
			line += fmt.Sprintf("; %s %s: %.1f%% of %d", s.Attribute, s.Value, 100*s.Rate, s.Population)
		}
		out = append(out, line)
	}
	return out
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// WriteReliability writes the reliability table of a result: each
// dimension's alpha and n, then the questions that weaken it in plain
// words.
func WriteReliability(w io.Writer, rel []assess.ReliabilityResult) {
	if len(rel) == 0 {
		fmt.Fprintln(w, "reliability: no dimension has two or more scored questions")
		return
	}
	fmt.Fprintf(w, "%-20s %7s %7s\n", "DIMENSION", "ALPHA", "N")
	for _, rr := range rel {
		a := "-"
		if rr.Alpha != nil {
			a = fmt.Sprintf("%.2f", *rr.Alpha)
		}
		fmt.Fprintf(w, "%-20s %7s %7d", rr.Dimension, a, rr.N)
		switch {
		case rr.Alpha == nil && rr.N < assess.MinReliabilityN:
			fmt.Fprintf(w, "  fewer than %d respondents answered all its questions", assess.MinReliabilityN)
		case rr.Alpha == nil:
			fmt.Fprint(w, "  every respondent gave the same total")
		case *rr.Alpha < assess.WeakAlpha:
			fmt.Fprintf(w, "  below %.1f: its questions hardly measure one thing", assess.WeakAlpha)
		}
		fmt.Fprintln(w)
		for _, wk := range rr.Weak() {
			fmt.Fprintf(w, "  %s %s\n", wk.ID, wk.Why)
		}
	}
}

// TrustText is TrustLines, each after a line end.
func TrustText(res *assess.Result) string {
	var b strings.Builder
	for _, l := range TrustLines(res) {
		b.WriteString("\n" + l)
	}
	return b.String()
}

// WritePilot writes how many answered a pilot (assess.Pilot) and its
// reliability table.
func WritePilot(w io.Writer, r *assess.Rubric, files []string, in io.Reader) error {
	res, err := assess.Pilot(r, files, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "pilot: %d respondents\n", res.Respondents)
	WriteReliability(w, res.Reliability)
	return nil
}
