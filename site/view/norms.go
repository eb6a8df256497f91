package view

import (
	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
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
	p := rep.P()
	n := &Norms{Assessments: nr.Assessments, Shown: !nr.Suppressed}
	if nr.Suppressed {
		n.Line = p.T("report.norms.suppressed", p.N("report.norms.assessments", nr.Assessments), assess.MinNormsAssessments)
	} else {
		n.Line = p.T("report.norms.line", p.N("report.norms.assessments", nr.Assessments), nr.Rubric, nr.Version)
		for _, d := range rep.Dimensions {
			for _, dn := range nr.Dimensions {
				if dn.ID == d.Def.ID && dn.Percentile != nil {
					d.Percentile = p.T("report.norms.percentile", p.Ordinal(int(i18n.Round(*dn.Percentile, 0))))
				}
			}
		}
	}
	rep.Norms = n
}
