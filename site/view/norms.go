package view

import (
	"fmt"
	"math"

	"github.com/aiready/aiready/assess"
)

// Norms is the comparison with a consultancy's earlier assessments, when
// the build was given norms (build --norms).
type Norms struct {
	Assessments int
	Shown       bool // false: too few assessments, Line says why
	// Line is the one sentence every renderer prints about the norms, so
	// that the site, the PDF and report.md say the same.
	Line string
}

func (rep *Report) norms() {
	nr := rep.Result.Norms
	if nr == nil {
		return
	}
	n := &Norms{Assessments: nr.Assessments, Shown: !nr.Suppressed}
	if nr.Suppressed {
		n.Line = fmt.Sprintf("No percentiles against the norms: they hold %s, and at least %d are needed before a comparison is fair.",
			assessments(nr.Assessments), assess.MinNormsAssessments)
	} else {
		n.Line = fmt.Sprintf("Percentiles place each dimension's score among the %s in the norms (rubric %s version %s): the 50th is the middle, the 90th scores higher than nine in ten.",
			assessments(nr.Assessments), nr.Rubric, nr.Version)
		for _, d := range rep.Dimensions {
			for _, dn := range nr.Dimensions {
				if dn.ID == d.Def.ID && dn.Percentile != nil {
					d.Percentile = Ordinal(int(math.Round(*dn.Percentile))) + " percentile"
				}
			}
		}
	}
	rep.Norms = n
}

func assessments(n int) string {
	if n == 1 {
		return "1 assessment"
	}
	return fmt.Sprintf("%d assessments", n)
}

// Ordinal writes 1st, 2nd, 3rd, 11th, 72nd.
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
