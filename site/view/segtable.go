package view

import (
	"fmt"

	"github.com/aiready/aiready/assess"
)

// The segment overview: every group's overall score and its score on
// each dimension, one table per attribute, as the site's heat map on
// segments.html shows it. A suppressed group shows only why; a cell
// suppressed within a shown group only that too few answered.

// SegmentTable is one attribute's groups.
type SegmentTable struct {
	Attribute string
	Rows      []SegmentRow // all respondents first, then each group
}

// SegmentRow is one group's line of the overview.
type SegmentRow struct {
	Group string
	All   bool // the row of all respondents
	// Suppressed rows carry only Group and Why: no n, no figure.
	Suppressed bool
	Why        string
	N          string
	Overall    SegmentCell
	Dims       []SegmentCell // in the rubric's dimension order
}

// SegmentCell is one score of the overview.
type SegmentCell struct {
	Score string // the figure, or the words that stand for none
	Level *assess.Level
	// None is set when the cell holds no figure (no score, or too few
	// answered); Score then holds the words.
	None bool
	// Change is the change since the last assessment, "▲ +3.2", or "".
	Change string
}

// SegmentTables is the segment overview, one table per attribute, in the
// order of the segments.
func (rep *Report) SegmentTables() []SegmentTable {
	p := rep.P()
	all := SegmentRow{Group: p.T("site.all_respondents"), All: true, N: fmt.Sprint(rep.Result.Respondents),
		Overall: rep.segCell(rep.Overall.Score, rep.Overall.Level, false, rep.ChangeOf(""))}
	for _, dm := range rep.Dimensions {
		all.Dims = append(all.Dims, rep.segCell(dm.Result.Score, dm.Level, false, rep.ChangeOf(dm.Def.ID)))
	}
	var out []SegmentTable
	for _, a := range rep.Attributes {
		t := SegmentTable{Attribute: a.Name, Rows: []SegmentRow{all}}
		for _, sg := range a.Values {
			row := SegmentRow{Group: sg.Value}
			if sg.Result.Suppressed || sg.Result.N == nil {
				row.Suppressed = true
				row.Why = rep.SuppressedText(SegmentScore{Attribute: sg.Attribute, Value: sg.Value, Suppressed: true})
				t.Rows = append(t.Rows, row)
				continue
			}
			row.N = fmt.Sprint(*sg.Result.N)
			var score *float64
			if sg.Result.Overall != nil {
				score = sg.Result.Overall.Score
			}
			row.Overall = rep.segCell(score, sg.Overall, false, rep.SegmentChangeOf(sg.Attribute, sg.Value, ""))
			for i, ss := range sg.Dims {
				row.Dims = append(row.Dims, rep.segCell(ss.Score, ss.Level, ss.Suppressed,
					rep.SegmentChangeOf(sg.Attribute, sg.Value, rep.Dimensions[i].Def.ID)))
			}
			t.Rows = append(t.Rows, row)
		}
		out = append(out, t)
	}
	return out
}

func (rep *Report) segCell(s *float64, lvl *assess.Level, suppressed bool, c *Change) SegmentCell {
	p := rep.P()
	switch {
	case suppressed:
		return SegmentCell{Score: p.T("site.segs.cell_suppressed", rep.MinGroup()), None: true}
	case s == nil:
		return SegmentCell{Score: p.T("site.no_score"), None: true}
	}
	return SegmentCell{Score: Score(p, *s), Level: lvl, Change: rep.ChangeNote(c)}
}

// SegmentsIntro introduces the segment overview in the PDF and report.md.
func (rep *Report) SegmentsIntro() string {
	return rep.P().T("site.segs.lead", rep.MinGroup())
}
