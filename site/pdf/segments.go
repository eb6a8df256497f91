package pdf

import (
	"strings"

	"github.com/aiready/aiready/site/view"
)

// The segment overview, the changes of red flags since the last
// assessment and the actions the consultant added: the words and figures
// are site/view's, as the site and report.md show them.

// segmentOverview tabulates every group's overall and dimension scores,
// one table per attribute, as the site's heat map does. A suppressed
// group shows only why, never its n or a figure.
func (d *doc) segmentOverview() {
	rep := d.rep
	d.text(d.t("report.segments.intro", rep.MinGroup()), d.body())
	if p := rep.Result.Previous; p != nil && !p.RubricChanged {
		d.y += 1
		d.text(d.t("report.segments.changes", rep.LongDate(p.Date)), d.small())
	}
	d.y += 2
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	for _, tb := range rep.SegmentTables() {
		d.sub(d.t("report.segments.by", tb.Attribute))
		t := &table{x: d.left, w: d.cw, pad: 1.5}
		right := func(s string, st style) cell { return cell{spans: []span{{s, st}}, align: 'R'} }
		t.header = []cell{textCell(tb.Attribute, hs), right("n", hs), right(d.t("report.col.overall"), hs)}
		for _, dm := range rep.Dimensions {
			t.header = append(t.header, right(dm.Def.Title, hs))
		}
		for _, r := range tb.Rows {
			gs := st
			if r.All {
				gs = bold(st)
			}
			if r.Suppressed {
				row := []cell{{spans: []span{{r.Group, gs}, {"", style{brk: 1, size: 8}}, {r.Why, italic(colored(sized(d.small(), 8), muted))}}}}
				for range len(rep.Dimensions) + 2 {
					row = append(row, right("–", colored(st, muted)))
				}
				t.rows = append(t.rows, row)
				continue
			}
			row := []cell{textCell(r.Group, gs), right(r.N, st), d.segCell(r.Overall, st)}
			for _, c := range r.Dims {
				row = append(row, d.segCell(c, st))
			}
			t.rows = append(t.rows, row)
		}
		d.drawTable(t)
		d.y += 2
	}
	if ov := rep.Overall; ov.CappedBy != nil && ov.Level != nil {
		d.text(d.t("site.segs.capped", ov.Level.Title, ov.CappedBy.Title), d.small())
	}
}

// segCell is one score of the overview, with its change below it.
func (d *doc) segCell(c view.SegmentCell, st style) cell {
	if c.None {
		return cell{spans: []span{{c.Score, italic(colored(sized(d.small(), 7.5), muted))}}, align: 'R'}
	}
	sp := []span{{c.Score, bold(st)}}
	if c.Change != "" {
		sp = append(sp, span{"", style{brk: 1, size: 8}}, span{c.Change, colored(sized(d.small(), 7.5), muted)})
	}
	return cell{spans: sp, align: 'R'}
}

// flagDeltas says which red flags were cleared since the last assessment,
// which are new, and which stayed as they were.
func (d *doc) flagDeltas() {
	fds := d.rep.FlagDeltas()
	if len(fds) == 0 {
		return
	}
	d.sub(d.rep.FlagDeltasTitle())
	for _, fd := range fds {
		if fd.Change.Cleared() || fd.Change.New() {
			d.text(fd.Text, bold(d.body()))
			d.y += 1
		}
	}
	d.y += 2
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.5, header: []cell{
		textCell(d.t("report.col.flag"), hs), textCell(d.t("report.delta.col_then"), hs),
		textCell(d.t("report.delta.col_now"), hs), textCell(d.t("report.delta.col_status"), hs)}}
	for _, fd := range fds {
		ss := st
		if fd.Change.Cleared() || fd.Change.New() {
			ss = bold(st)
		}
		t.rows = append(t.rows, []cell{textCell(fd.Flag.Title, st), textCell(fd.Then, st), textCell(fd.Now, st), textCell(fd.Status, ss)})
	}
	d.drawTable(t)
}

// added sets out in full each action the consultant added: its body is
// the consultant's, not the rubric's, and is marked so, as notes are.
func (d *doc) added() {
	items := d.rep.Added()
	if len(items) == 0 {
		return
	}
	d.y += 6
	d.heading(d.t("report.added"), 12, 30)
	for _, it := range items {
		d.need(24)
		top, page := d.y, d.f.PageNo()
		x, w := d.left+5, d.cw-5
		d.y = d.at(x, d.y, w, span{d.t("report.action", it.Rank, it.Rec.Title), bold(sized(d.body(), 10.5))})
		d.y = d.at(x, d.y, w, span{view.Origin(d.p, it), d.small()})
		d.judgement(it, x, w)
		d.y += 1.5
		if strings.TrimSpace(it.Rec.Body) != "" {
			d.markdownAt(it.Rec.Body, d.body(), x, w)
		}
		if d.f.PageNo() == page {
			d.fill(d.accent.fill)
			d.f.Rect(d.left, top, 1.2, d.y-top, "F")
		}
		d.y += 3
	}
}

// questionChange draws a question's change since the last assessment.
func (d *doc) questionChange(id string) {
	if s := d.rep.QuestionChangeText(id); s != "" {
		d.text(s, colored(sized(d.small(), 8), muted))
		d.y += 0.5
	}
}
