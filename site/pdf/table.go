package pdf

import "strings"

// cell is one table cell: styled text, with paragraph breaks as spans
// whose style has brk set.
type cell struct {
	spans []span
	align byte // 'L' (default), 'C', 'R'
}

func textCell(s string, st style) cell { return cell{spans: []span{{s, st}}} }

// table is a grid drawn row by row; the header repeats after a page break
// and a row taller than what is left of a page continues on the next.
type table struct {
	x, w   float64
	widths []float64 // set by fit, or given
	header []cell
	rows   [][]cell
	pad    float64
	fills  []rgb // per row background, optional
	// headFill is the header's background; text colours come with the
	// header's spans. Zero means none.
	headFill rgb
	vlines   bool // thin lines between columns
}

// fit shares the width between columns by their content: each column gets
// at least its longest word where possible, the rest in proportion to how
// much more its text would like.
func (d *doc) fit(t *table) {
	n := len(t.header)
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	if n == 0 {
		return
	}
	nat, minw := make([]float64, n), make([]float64, n)
	measure := func(row []cell) {
		for i, c := range row {
			total := 0.0
			for _, wd := range d.words(c.spans) {
				total += wd.space + wd.w
				minw[i] = max(minw[i], wd.w+2*t.pad)
			}
			nat[i] = max(nat[i], total+2*t.pad)
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	sum := func(v []float64) (s float64) {
		for _, x := range v {
			s += x
		}
		return s
	}
	t.widths = make([]float64, n)
	switch {
	case sum(nat) <= t.w:
		extra := (t.w - sum(nat)) / float64(n)
		for i := range nat {
			t.widths[i] = nat[i] + extra
		}
	case sum(minw) < t.w:
		// Cap each column's wish so that one long cell does not starve the
		// others, then share the room beyond the minimum.
		want, room := make([]float64, n), t.w-sum(minw)
		for i := range nat {
			want[i] = nat[i] - minw[i]
		}
		ws := sum(want)
		for i := range nat {
			t.widths[i] = minw[i]
			if ws > 0 {
				t.widths[i] += room * want[i] / ws
			}
		}
	default:
		for i := range nat {
			t.widths[i] = t.w / float64(n)
		}
	}
}

// figures sets a table's figures tabular, every digit as wide as the
// others, and right-aligns the columns that hold only numbers, so that
// their digits line up.
func figures(t *table) {
	n := 0
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	for c := range n {
		nums := 0
		for _, r := range t.rows {
			if c >= len(r) || len(r) == 1 {
				continue // a row of one cell is a group's title
			}
			switch numeric(r[c].spans) {
			case 0:
				nums = -1 << 30
			case 1:
				nums++
			}
		}
		if nums <= 0 {
			continue
		}
		for _, r := range append([][]cell{t.header}, t.rows...) {
			if c < len(r) && r[c].align == 0 && len(r) > 1 {
				r[c].align = 'R'
			}
		}
	}
	for _, r := range append([][]cell{t.header}, t.rows...) {
		for _, c := range r {
			for i := range c.spans {
				c.spans[i].st.tnum = true
			}
		}
	}
}

// numeric is 1 for a cell that holds a number (digits with a sign, a
// decimal point or separator, a per cent), 2 for a dash or nothing (a
// figure left out), 0 for anything else.
func numeric(spans []span) int {
	digits, other := false, false
	for _, sp := range spans {
		for _, r := range sp.text {
			switch {
			case isDigit(r):
				digits = true
			case strings.ContainsRune(".,%+-\u2212\u2013\u2014 \u00a0\u202f", r):
			default:
				other = true
			}
		}
	}
	switch {
	case other:
		return 0
	case digits:
		return 1
	}
	return 2
}

// drawTable draws t from the cursor.
func (d *doc) drawTable(t *table) {
	figures(t)
	if t.widths == nil {
		d.fit(t)
	}
	if len(t.widths) == 0 {
		return
	}
	if t.header != nil {
		// Keep the header with at least the first row's first lines.
		d.need(d.rowHeight(t, t.header) + 10)
		d.row(t, t.header, true, rgb{-1, 0, 0})
	}
	for i, r := range t.rows {
		fill := rgb{-1, 0, 0}
		if i < len(t.fills) {
			fill = t.fills[i]
		}
		d.row(t, r, false, fill)
	}
}

func (d *doc) cellLines(t *table, row []cell) [][]line {
	out := make([][]line, len(t.widths))
	for i := range t.widths {
		if i < len(row) {
			out[i] = d.layout(row[i].spans, t.widths[i]-2*t.pad)
		}
	}
	return out
}

func (d *doc) rowHeight(t *table, row []cell) float64 {
	h := 0.0
	for _, ls := range d.cellLines(t, row) {
		h = max(h, textHeight(ls))
	}
	return h + 2*t.pad
}

// row draws one row, continuing it on further pages if it is too tall.
func (d *doc) row(t *table, row []cell, header bool, fill rgb) {
	lines := d.cellLines(t, row)
	first := true
	for {
		h := 0.0
		for _, ls := range lines {
			h = max(h, textHeight(ls))
		}
		if h == 0 && !first {
			return
		}
		// A short row that does not fit moves to the next page whole; a
		// tall one starts here and continues there.
		short := h+2*t.pad <= (d.bot-d.top)*0.35
		if first && d.y+h+2*t.pad > d.bot && (short || d.y+2*t.pad+lines0(lines) > d.bot) {
			d.newPage()
			if !header && t.header != nil {
				d.blk.pinned = true // the header again: the table stays where it broke
				d.row(t, t.header, true, rgb{-1, 0, 0})
			}
		}
		// Take the lines of each cell that fit on this page.
		avail := d.bot - d.y - 2*t.pad
		take := make([]int, len(lines))
		hh := 0.0
		for i, ls := range lines {
			acc := 0.0
			for _, ln := range ls {
				if acc+ln.gap+ln.h > avail && take[i] > 0 {
					break
				}
				acc += ln.gap + ln.h
				take[i]++
			}
			hh = max(hh, acc)
		}
		rh := hh + 2*t.pad
		if header && t.headFill != (rgb{}) {
			fill = t.headFill
		}
		if fill.r >= 0 {
			d.fill(fill)
			d.f.Rect(t.x, d.y, t.w, rh, "F")
		}
		x := t.x
		for i, ls := range lines {
			y := d.y + t.pad
			align := byte('L')
			if i < len(row) && row[i].align != 0 {
				align = row[i].align
			}
			for _, ln := range ls[:take[i]] {
				d.drawLine(ln, x+t.pad, y, t.widths[i]-2*t.pad, align)
				y += ln.gap + ln.h
			}
			lines[i] = ls[take[i]:]
			x += t.widths[i]
			if t.vlines && i+1 < len(lines) {
				d.draw(rule)
				d.f.SetLineWidth(0.15)
				d.f.Line(x, d.y, x, d.y+rh)
			}
		}
		d.y += rh
		if header {
			d.draw(muted)
			d.f.SetLineWidth(0.35)
		} else {
			d.draw(rule)
			d.f.SetLineWidth(0.15)
		}
		d.f.Line(t.x, d.y, t.x+t.w, d.y)
		first = false
		done := true
		for _, ls := range lines {
			done = done && len(ls) == 0
		}
		if done {
			return
		}
		d.newPage()
		if t.header != nil && !header {
			d.blk.pinned = true
			d.row(t, t.header, true, rgb{-1, 0, 0})
		}
	}
}

// lines0 is the height of the first line of the tallest first line.
func lines0(lines [][]line) float64 {
	h := 0.0
	for _, ls := range lines {
		if len(ls) > 0 {
			h = max(h, ls[0].gap+ls[0].h)
		}
	}
	return h
}
