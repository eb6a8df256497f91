package pdf

import (
	"fmt"

	"github.com/aiready/aiready/site/view"
)

// plan lays the actions out in 30, 60 and 90-day columns, in plan order
// within each: the red flags' actions first, then by priority.
func (d *doc) plan() {
	rep := d.rep
	if len(rep.Plan) == 0 {
		d.text(d.t("report.no_actions"), d.body())
		d.actions()
		return
	}
	d.text(rep.PlanIntro(), d.body())
	d.y += 4
	hs := bold(colored(sized(d.body(), 9.5), d.accent.on))
	t := &table{x: d.left, w: d.cw, pad: 2.2, headFill: d.accent.fill, vlines: true}
	row := make([]cell, 3)
	for i, c := range rep.Columns {
		t.header = append(t.header, textCell(d.t("report.within", c.Horizon), hs))
		row[i] = d.planCell(c)
	}
	t.widths = []float64{d.cw / 3, d.cw / 3, d.cw / 3}
	t.rows = [][]cell{row}
	d.drawTable(t)
	d.planOrder()
	d.actions()
	d.added()
	d.dropped()
}

// planOrder lists every action once more in plan order, with what it
// serves, its horizon and its priority: the order in which to read the plan
// when there is time for only the first few.
func (d *doc) planOrder() {
	d.y += 6
	d.heading(d.t("report.in_order"), 12, 30)
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.6, header: []cell{
		textCell("#", hs), textCell(d.t("report.col.action"), hs), textCell(d.t("report.col.for"), hs), textCell(d.t("report.col.within"), hs),
		{spans: []span{{d.t("report.col.priority"), hs}}, align: 'R'}}}
	for _, it := range d.rep.Plan {
		what, prio := "", d.t("report.prio_flag")
		switch {
		case it.Flag != nil:
			what = d.t("report.for_flag", it.Flag.Title)
		case it.Check != nil:
			what = d.t("report.for_check", it.Check.Title)
		case it.Dimension != nil:
			what = it.Dimension.Title
			prio = d.num1(it.Result.Priority)
		}
		if d.rep.OverrideOf(it.Rec.ID) != nil {
			prio = d.t("report.prio_judgement")
			if what == "" {
				what = d.t("report.added")
			}
		}
		t.rows = append(t.rows, []cell{
			textCell(fmt.Sprint(it.Rank), bold(colored(st, d.accent.text))),
			textCell(it.Rec.Title, bold(st)),
			textCell(what, st),
			textCell(d.t("report.days", it.Rec.Horizon), st),
			{spans: []span{{prio, st}}, align: 'R'},
		})
	}
	// Widths by content (fit): every column at least as wide as its
	// longest word, so that "consultant’s judgement" or a long horizon
	// never breaks inside a word, however narrow the page.
	d.drawTable(t)
}

func (d *doc) planCell(c *view.Column) cell {
	var sp []span
	brk := func(n int) { sp = append(sp, span{"", style{brk: n, size: 8}}) }
	if len(c.Items) == 0 {
		return textCell(d.t("report.nothing_due"), italic(sized(d.small(), 8.5)))
	}
	for i, it := range c.Items {
		if i > 0 {
			sp = append(sp, span{"", style{brk: 2, size: 16}})
		}
		sp = append(sp, span{fmt.Sprintf("%d  ", it.Rank), bold(colored(sized(d.body(), 9.5), d.accent.text))},
			span{it.Rec.Title, bold(sized(d.body(), 9.5))})
		brk(1)
		tag := ""
		switch {
		case it.Flag != nil:
			tag = d.t("report.for_flag", it.Flag.Title)
			sp = append(sp, span{tag, bold(colored(sized(d.body(), 7.5), weak))})
		case it.Check != nil:
			tag = d.t("report.for_check", it.Check.Title)
			sp = append(sp, span{tag, bold(colored(sized(d.body(), 7.5), weak))})
		case it.Dimension != nil:
			sp = append(sp, span{it.Dimension.Title, colored(sized(d.body(), 7.5), muted)})
		}
		if o := d.rep.OverrideOf(it.Rec.ID); o != nil {
			brk(1)
			sp = append(sp, span{view.OverrideText(d.p, o), italic(colored(sized(d.body(), 7.5), d.accent.text))})
		}
		if it.Action != nil {
			brk(1)
			sp = append(sp, d.actionSpans(it.Action)...)
		}
		if it.FirstStep != "" {
			brk(2)
			sp = append(sp, d.inlineMarkdown("**"+d.t("report.first_step")+"** "+it.FirstStep, sized(d.body(), 7.8))...)
		}
	}
	return cell{spans: sp}
}

// perceptionGap compares the highest- and lowest-scoring groups of each
// attribute on each dimension, in a table each; the first (role-like)
// attribute's gaps are drawn as bars as well.
func (d *doc) perceptionGap() {
	for i, g := range d.rep.Gaps {
		if i > 0 {
			d.y += 4
		}
		d.gapTable(g)
	}
	d.y += 2
	d.text(d.rep.GapTestNote(), sized(d.small(), 7.5))
	d.y += 6
	// The same as bars: each pair on a 0-100 scale.
	for _, r := range d.rep.Gaps[0].Rows {
		d.need(16)
		d.text(r.Dimension.Title, bold(sized(d.body(), 9)))
		for _, s := range []view.SegmentScore{r.High, r.Low} {
			y := d.y
			d.place(s.Value, sized(d.body(), 8), d.left+40, y, 'R')
			d.gauge(d.left+43, y+0.9, d.cw-58, 2.6, s.Score, d.rep.Rubric.Target)
			d.place(d.score(s.Score), sized(d.body(), 8), d.left+d.cw, y, 'R')
			d.y = y + 5
		}
		d.y += 2
	}
}

// gapTable is one attribute's gaps, with their tests.
func (d *doc) gapTable(g *view.Gap) {
	d.need(30)
	d.text(d.t("pdf.gap_intro", g.Attribute), d.body())
	d.y += 4
	hs := bold(sized(d.small(), 8))
	st := sized(d.body(), 9)
	t := &table{x: d.left, w: d.cw, pad: 1.6, header: []cell{
		textCell(d.t("report.col.dimension"), hs), textCell(d.t("report.col.highest"), hs), textCell(d.t("report.col.lowest"), hs),
		{spans: []span{{d.t("report.col.gap"), hs}}, align: 'R'},
		{spans: []span{{d.t("report.col.p_adjusted"), hs}}, align: 'R'}, textCell(d.t("report.col.effect"), hs)}}
	p := d.rep.P()
	for _, r := range g.Rows {
		ps := st
		if r.Significant() {
			ps = bold(colored(st, d.accent.text))
		}
		t.rows = append(t.rows, []cell{
			textCell(r.Dimension.Title, bold(st)),
			textCell(fmt.Sprintf("%s  %s", r.High.Value, d.score(r.High.Score)), st),
			textCell(fmt.Sprintf("%s  %s", r.Low.Value, d.score(r.Low.Score)), st),
			{spans: []span{{d.num1(r.Difference), bold(colored(st, d.accent.text))}}, align: 'R'},
			{spans: []span{{view.GapP(p, r), ps}}, align: 'R'},
			textCell(view.GapEffect(p, r), st),
		})
	}
	d.drawTable(t)
}

// comments quotes the free-text answers, grouped by question, with
// nothing that says who wrote them.
func (d *doc) comments() {
	d.themes()
	if len(d.rep.Comments) == 0 {
		return
	}
	d.text(d.t("report.comments_intro"), d.body())
	d.y += 3
	for _, g := range d.rep.Comments {
		if g.Question == nil {
			continue
		}
		d.heading(g.Question.Text, 10.5, 12)
		for _, t := range g.Texts {
			d.bars = append(d.bars[:0], d.left+0.5)
			d.flow([]span{{t, italic(sized(d.body(), 9.5))}}, d.left+5, d.cw-5, 'L')
			d.bars = d.bars[:0]
			d.y += 2
		}
		d.y += 2
	}
}
