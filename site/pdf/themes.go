package pdf

// themes draws what the comments are about: the whole group's themes,
// then each attribute's shown groups, then the quotes (view.Themes).
func (d *doc) themes() {
	th := d.rep.Themes
	if th == nil {
		return
	}
	d.heading(d.t("report.themes.title"), 10.5, 12)
	if !th.Shown {
		d.text(th.Why, d.body())
		d.y += 4
		return
	}
	d.text(th.Intro, d.body())
	d.y += 3
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.6, header: []cell{
		textCell(d.t("report.themes.col_theme"), hs),
		{spans: []span{{d.t("report.themes.col_comments"), hs}}, align: 'R'},
		textCell(d.t("report.themes.col_dimension"), hs)}}
	for _, r := range th.Rows {
		t.rows = append(t.rows, []cell{textCell(r.Def.Title, bold(st)), {spans: []span{{r.Cell, st}}, align: 'R'}, textCell(r.Dimension, st)})
	}
	d.drawTable(t)
	d.y += 2
	d.text(th.Note, sized(d.small(), 7.5))
	d.y += 4
	for _, a := range th.Attrs {
		d.need(20)
		d.text(d.t("report.themes.by", a.Name), bold(sized(d.body(), 9.5)))
		d.y += 2
		if len(a.Values) > 0 {
			t := &table{x: d.left, w: d.cw, pad: 1.6, header: []cell{textCell(d.t("report.themes.col_theme"), hs)}}
			for _, v := range a.Values {
				t.header = append(t.header, cell{spans: []span{{v, hs}}, align: 'R'})
			}
			for i, r := range th.Rows {
				row := []cell{textCell(r.Def.Title, bold(st))}
				for _, c := range a.Cells[i] {
					row = append(row, cell{spans: []span{{c, st}}, align: 'R'})
				}
				t.rows = append(t.rows, row)
			}
			d.drawTable(t)
			d.y += 2
		}
		if a.Hidden != "" {
			d.text(a.Hidden, sized(d.small(), 7.5))
			d.y += 2
		}
		d.y += 2
	}
	for _, r := range th.Rows {
		if len(r.Quotes) == 0 {
			continue
		}
		d.heading(r.Def.Title+": "+d.t("report.themes.quotes"), 9.5, 10)
		for _, q := range r.Quotes {
			d.bars = append(d.bars[:0], d.left+0.5)
			d.flow([]span{{q, italic(sized(d.body(), 9.5))}}, d.left+5, d.cw-5, 'L')
			d.bars = d.bars[:0]
			d.y += 2
		}
	}
	d.y += 4
}
