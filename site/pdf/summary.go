package pdf

import (
	"fmt"
	"strings"

	"github.com/aiready/aiready/site/view"
)

// summary is the page a board member reads if they read nothing else.
func (d *doc) summary() {
	rep, r := d.rep, d.rep.Rubric
	ov := rep.Overall

	// The overall score and level, big.
	y0 := d.y
	d.text(d.t("pdf.overall_kicker"), bold(colored(sized(d.body(), 8.5), muted)))
	d.spans(span{d.score(ov.Score), style{size: 34, bold: true, color: d.accent.text}},
		span{" / 100", colored(sized(d.body(), 14), muted)})
	if ov.Level != nil {
		d.text(ov.Level.Title, style{size: 16, bold: true, color: ink})
	}
	d.y += 1
	d.text(d.t("report.respondents_target", rep.Result.Respondents, d.num(r.Target)), d.small())
	d.y = max(d.y, y0) + 2
	d.change("")
	d.y += 2

	if rep.SmallGroups != "" {
		d.callout(weak, []span{{rep.SmallGroups, bold(d.body())}})
	}
	if ov.Score == nil {
		d.callout(muted, []span{{d.t("pdf.no_overall") + " ", bold(d.body())},
			{d.t("pdf.no_overall_why"), d.body()}})
	}
	if ov.CappedBy != nil && ov.Uncapped != nil && ov.Level != nil {
		d.callout(weak, []span{
			{d.t("report.held_down") + " ", bold(d.body())},
			{view.CappedText(d.p, ov), d.body()},
		})
	}
	if story := rep.Story(); len(story) > 0 {
		d.text(strings.Join(story, " "), d.body())
	}
	d.notes("overall")

	// Dimensions: the radar beside their scores.
	d.sub(d.t("report.scores_by_dimension"))
	const rr = 29.0
	d.need(2*rr + 34)
	cy := d.y + rr + 13
	d.radar(d.left+57, cy, rr, rep.Dimensions, r.Target)
	x := d.left + 124
	w := d.left + d.cw - x
	y := cy - rr - 2
	for _, dm := range rep.Dimensions {
		lvl := d.t("report.no_score")
		if dm.Level != nil {
			lvl = dm.Level.Title
		}
		y = d.at(x, y, w, span{dm.Def.Title, bold(sized(d.body(), 9.5))})
		if dm.Percentile != "" {
			lvl += " · " + dm.Percentile
		}
		sp := []span{{d.score(dm.Result.Score), bold(colored(sized(d.body(), 9), d.accent.text))},
			{"  " + lvl, sized(d.body(), 9)}}
		if c := rep.ChangeOf(dm.Def.ID); c != nil && !c.Changed && c.Delta != nil {
			sp = append(sp, span{"  " + view.ChangeCell(d.p, c), colored(sized(d.body(), 8.5), muted)})
		}
		y = d.at(x, y, w, sp...)
		d.gauge(x, y+0.8, w, 2.2, dm.Result.Score, r.Target)
		y += 7
	}
	d.y = max(cy+rr+17, y)
	d.legendLine([]span{{d.t("pdf.radar_legend", d.num(r.Target)), d.small()}})
	if rep.Norms != nil {
		d.legendLine([]span{{rep.Norms.Line, d.small()}})
	}
	d.trendChart()

	if len(rep.Raised) > 0 {
		d.sub(d.t("report.flags_raised"))
		for _, f := range rep.Raised {
			d.flagLine(f)
		}
	}

	if len(rep.Plan) > 0 {
		d.sub(d.t("report.first_actions"))
		for i, it := range rep.Plan {
			if i == 5 {
				break
			}
			d.item(it, true)
		}
		if len(rep.Plan) > 5 {
			d.text(d.t("report.all_actions", len(rep.Plan)), d.small())
		}
	}
}

// at draws one paragraph at (x, y) in width w and returns the y below it.
func (d *doc) at(x, y, w float64, sp ...span) float64 {
	for _, ln := range d.layout(sp, w) {
		d.drawLine(ln, x, y, w, 'L')
		y += ln.h
	}
	return y
}

func (d *doc) legendLine(sp []span) {
	d.flow(sp, d.left, d.cw, 'L')
	d.y += 2
}

// callout draws text in a tinted box with a coloured bar on its left.
func (d *doc) callout(c rgb, sp []span) {
	lines := d.layout(sp, d.cw-10)
	h := textHeight(lines) + 6
	d.need(h)
	d.fill(mix(white, c, 0.08))
	d.f.Rect(d.left, d.y, d.cw, h, "F")
	d.fill(c)
	d.f.Rect(d.left, d.y, 1.2, h, "F")
	y := d.y + 3
	for _, ln := range lines {
		d.drawLine(ln, d.left+6, y, d.cw-10, 'L')
		y += ln.h
	}
	d.y += h + 4
}

// badge draws a small filled label and returns its width.
func (d *doc) badge(s string, c rgb, x, y float64) float64 {
	st := bold(colored(sized(d.body(), 6.5), white))
	w := d.width(fBold, st, s) + 3
	d.fill(c)
	d.f.Rect(x, y, w, 3.8, "F")
	d.place(s, st, x+1.5, y+(3.8-6.5*ptMM*d.lead)/2, 'L')
	return w
}

func severityColor(s string) rgb {
	switch s {
	case "high":
		return weak
	case "medium":
		return rgb{201, 128, 30}
	}
	return rgb{120, 126, 134}
}

// flagLine is a raised flag in one or two lines: severity, title, share.
func (d *doc) flagLine(f *view.Flag) {
	d.need(12)
	bw := d.badge(strings.ToUpper(d.t("report.severity."+f.Def.Severity)), severityColor(f.Def.Severity), d.left, d.y+0.9)
	x := d.left + bw + 3
	y := d.at(x, d.y, d.cw-bw-3, span{f.Def.Title, bold(d.body())})
	y = d.at(x, y, d.cw-bw-3, span{view.ShareText(d.p, f), d.small()})
	d.y = y + 2
}

// item is one action: its rank, title and where it comes from; with the
// first step when brief is false.
func (d *doc) item(it *view.Item, brief bool) {
	lines := d.layout([]span{{it.Rec.Title, bold(d.body())}}, d.cw-10)
	d.need(textHeight(lines) + 6)
	d.place(fmt.Sprintf("%d", it.Rank), bold(colored(d.body(), d.accent.text)), d.left+6, d.y, 'R')
	d.y = d.at(d.left+10, d.y, d.cw-10, span{it.Rec.Title, bold(d.body())})
	d.y = d.at(d.left+10, d.y, d.cw-10, span{view.Origin(d.p, it), d.small()})
	d.judgement(it, d.left+10, d.cw-10)
	if !brief && it.FirstStep != "" {
		d.markdownAt("**"+d.t("report.first_step")+"** "+it.FirstStep, sized(d.body(), 9), d.left+10, d.cw-10)
	}
	d.y += 2
}

// flags explains each raised flag and what to do first, then lists the
// flags that were checked and not raised.
func (d *doc) flags() {
	rep := d.rep
	if len(rep.Raised) == 0 {
		d.text(d.t("report.no_flag"), d.body())
		d.y += 4
	}
	for _, f := range rep.Raised {
		d.sub(f.Def.Title)
		d.flagMeta(f)
		d.markdown(f.Def.Body, d.body())
		for _, it := range f.Items {
			d.heading(d.t("report.action", it.Rank, it.Rec.Title), 10.5, 16)
			d.text(view.Origin(d.p, it), d.small())
			d.judgement(it, d.left, d.cw)
			d.y += 1.5
			d.markdown(it.Rec.Body, d.body())
		}
		d.y += 3
	}
	var rest []*view.Flag
	for _, f := range rep.Flags {
		if !f.Result.Raised {
			rest = append(rest, f)
		}
	}
	if len(rest) == 0 {
		return
	}
	d.sub(d.t("report.not_raised"))
	hs := bold(sized(d.small(), 8))
	t := &table{x: d.left, w: d.cw, pad: 1.5, header: []cell{
		textCell(d.t("report.col.flag"), hs), textCell(d.t("report.col.severity"), hs),
		{spans: []span{{d.t("report.col.matching"), hs}}, align: 'R'},
		{spans: []span{{d.t("report.col.raised_at"), hs}}, align: 'R'}}}
	for _, f := range rest {
		t.rows = append(t.rows, []cell{textCell(f.Def.Title, sized(d.body(), 9)), textCell(d.t("report.severity."+f.Def.Severity), sized(d.body(), 9)),
			{spans: []span{{view.FlagShare(d.p, f.Result.Share), sized(d.body(), 9)}}, align: 'R'},
			{spans: []span{{view.SettingPct(d.p, f.Def.Share), sized(d.body(), 9)}}, align: 'R'}})
	}
	d.drawTable(t)
}

func (d *doc) flagMeta(f *view.Flag) {
	d.need(10)
	bw := d.badge(strings.ToUpper(d.t("report.severity."+f.Def.Severity)), severityColor(f.Def.Severity), d.left, d.y+0.9)
	d.y = d.at(d.left+bw+3, d.y, d.cw-bw-3, span{view.ShareText(d.p, f), d.small()}) + 2.5
}

// claims is the claims-and-evidence section: the figures, each
// contradicted check as a raised red flag is shown, then the other
// checks with why they hold or cannot be evaluated.
func (d *doc) claims() {
	rep := d.rep
	d.text(d.t("report.claims_intro"), d.body())
	d.y += 2
	if len(rep.Evidence) > 0 {
		d.sub(d.t("report.evidence_figures"))
		for _, f := range rep.Evidence {
			d.text(strings.Join(view.FigureParts(d.p, f), " · "), d.body())
			d.y += 1
		}
		d.y += 3
	}
	for _, c := range rep.Contradicted {
		d.sub(c.Def.Title)
		d.need(10)
		bw := d.badge(strings.ToUpper(view.CheckSeverity(d.p, c)), severityColor(c.Def.Severity), d.left, d.y+0.9)
		line := c.Status
		if s := view.CheckDetail(d.p, c); s != "" {
			line += " · " + s
		}
		d.y = d.at(d.left+bw+3, d.y, d.cw-bw-3, span{line, d.small()}) + 2.5
		d.markdown(c.Def.Body, d.body())
		for _, it := range c.Items {
			d.heading(d.t("report.action", it.Rank, it.Rec.Title), 10.5, 16)
			d.text(view.Origin(d.p, it), d.small())
			d.judgement(it, d.left, d.cw)
			d.y += 1.5
			d.markdown(it.Rec.Body, d.body())
		}
		d.y += 3
	}
	if len(rep.Checks) > len(rep.Contradicted) {
		d.sub(d.t("report.checks"))
		for _, c := range rep.Checks {
			if !c.Contradicted() {
				d.text(c.Def.Title+": "+c.Status, d.body())
				d.y += 1
			}
		}
	}
}
