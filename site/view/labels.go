package view

// Box is a rectangle of a chart, in the chart's units: left, top, right,
// bottom.
type Box struct{ L, T, R, B float64 }

// LabelPlacer places the labels of a chart's points beside them (the
// drivers chart of the site and of the PDF): on the side preferred, else
// on the other, then up or down by Step at a time, wherever a label
// covers neither a label placed before it nor another point.
type LabelPlacer struct {
	Points [][2]float64 // the points' centres
	Dot    float64      // a point's radius, with a little room
	Gap    [2]float64   // the room kept between two labels, across and down
	Step   float64      // how far a label moves up or down at a time
	placed []Box
}

// Place finds where the label of point k goes. at gives the box the label
// takes on its preferred side (other false) or the other, moved down by
// dy; Place returns the side and dy chosen (the preferred side, unmoved,
// when nothing is free) and keeps the box, for the labels after it.
func (lp *LabelPlacer) Place(k int, at func(other bool, dy float64) Box) (other bool, dy float64) {
	for _, m := range []float64{0, -1, 1, -2, 2, -3, 3} {
		for _, o := range []bool{false, true} {
			if b := at(o, m*lp.Step); lp.free(b, k) {
				lp.placed = append(lp.placed, b)
				return o, m * lp.Step
			}
		}
	}
	lp.placed = append(lp.placed, at(false, 0))
	return false, 0
}

func (lp *LabelPlacer) free(b Box, own int) bool {
	for _, o := range lp.placed {
		if b.L < o.R+lp.Gap[0] && o.L < b.R+lp.Gap[0] && b.T < o.B+lp.Gap[1] && o.T < b.B+lp.Gap[1] {
			return false
		}
	}
	for k, p := range lp.Points {
		if k != own && p[0]+lp.Dot >= b.L && p[0]-lp.Dot <= b.R && p[1]+lp.Dot >= b.T && p[1]-lp.Dot <= b.B {
			return false
		}
	}
	return true
}
