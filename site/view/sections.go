package view

// SectionKind is what a top-level part of the report holds.
type SectionKind int

// The parts of the report, in the order SectionsOf lists them.
const (
	SectionSummary SectionKind = iota
	SectionFlags
	SectionClaims
	SectionDimension
	SectionSegments
	SectionGap
	SectionPlan
	SectionComments
	SectionMethod
	// SectionDrivers is what drives the outcome (measure.go), after the
	// perception gap.
	SectionDrivers
	// SectionFrameworks is the appendix of framework clauses the
	// questions bear on (frameworks.go), after the method.
	SectionFrameworks
)

// Section is one top-level part of the report.
type Section struct {
	Kind  SectionKind
	Title string // its heading, in the report's language
	// Dimension and Index (0-based) are the dimension of a
	// SectionDimension; nil and 0 otherwise.
	Dimension *Dimension
	Index     int
}

// Sections lists the parts of the report in the order that the PDF and
// report.md show them: the summary, the red flags (if the rubric has
// any), each dimension, the segment overview (with segments), the
// perception gap (if there is one), what drives the outcome (if the
// results have drivers), the action plan, the comments (if shown), the
// method and the frameworks (if the rubric maps questions to any).
func (rep *Report) Sections() []Section {
	p := rep.P()
	secs := []Section{{Kind: SectionSummary, Title: p.T("report.summary")}}
	if len(rep.Flags) > 0 {
		secs = append(secs, Section{Kind: SectionFlags, Title: p.T("report.red_flags")})
	}
	if rep.HasClaims() {
		secs = append(secs, Section{Kind: SectionClaims, Title: p.T("report.claims")})
	}
	for i, dm := range rep.Dimensions {
		secs = append(secs, Section{Kind: SectionDimension, Title: dm.Def.Title, Dimension: dm, Index: i})
	}
	if len(rep.Attributes) > 0 {
		secs = append(secs, Section{Kind: SectionSegments, Title: p.T("report.segments.title")})
	}
	if len(rep.Gaps) > 0 {
		secs = append(secs, Section{Kind: SectionGap, Title: p.T("report.gap")})
	}
	if rep.Measure != nil && rep.Measure.Drivers != nil {
		secs = append(secs, Section{Kind: SectionDrivers, Title: p.T("report.measure.drivers")})
	}
	secs = append(secs, Section{Kind: SectionPlan, Title: p.T("report.plan")})
	if len(rep.Comments) > 0 || rep.Themes != nil {
		secs = append(secs, Section{Kind: SectionComments, Title: p.T("report.comments")})
	}
	secs = append(secs, Section{Kind: SectionMethod, Title: p.T("report.methodology")})
	if len(rep.Frameworks) > 0 {
		secs = append(secs, Section{Kind: SectionFrameworks, Title: p.T("report.frameworks.title")})
	}
	return secs
}
