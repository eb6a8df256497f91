package view

import (
	"strings"

	"github.com/aiready/aiready/assess"
)

// The change of every group, question and red flag since the last
// assessment (assess.Previous's Segments, Questions and Flags), and the
// plan's order in words: what the site, the PDF and report.md say alike.

// changeIndex finds the changes of groups and questions by name; New
// builds it, so that renderers running at once only read it.
type changeIndex struct {
	segments  map[assess.SegmentKey]*assess.SegmentDelta
	questions map[string]*float64
}

func (rep *Report) indexChanges() {
	p := rep.Result.Previous
	if p == nil {
		return
	}
	ix := &changeIndex{segments: map[assess.SegmentKey]*assess.SegmentDelta{}, questions: map[string]*float64{}}
	for i := range p.Segments {
		s := &p.Segments[i]
		ix.segments[assess.SegmentKey{Attribute: s.Attribute, Value: s.Value}] = s
	}
	for _, q := range p.Questions {
		if q.Delta != nil {
			d := *q.Delta * 100 // on the scores' scale, 0-100
			ix.questions[q.ID] = &d
		}
	}
	rep.changes = ix
}

// SegmentChangeOf returns the change of a group's overall score (dim "")
// or of its score on a dimension, or nil when there is nothing to show:
// no last assessment, or the group suppressed then or now, or not there
// then. A changed rubric gives a Change that says so, with no delta.
func (rep *Report) SegmentChangeOf(attribute, value, dim string) *Change {
	p := rep.Result.Previous
	if p == nil {
		return nil
	}
	if p.RubricChanged {
		return &Change{Since: rep.LongDate(p.Date), Changed: true}
	}
	if rep.changes == nil {
		return nil
	}
	sd := rep.changes.segments[assess.SegmentKey{Attribute: attribute, Value: value}]
	if sd == nil {
		return nil
	}
	c := &Change{Since: rep.LongDate(p.Date)}
	if dim == "" {
		c.Delta = sd.OverallDelta
		return c
	}
	for _, d := range sd.Dimensions {
		if d.ID == dim {
			c.Delta = d.Delta
		}
	}
	return c
}

// QuestionChangeOf returns the change of a question's average answer,
// on the scores' scale of 0 to 100, or nil when there is none to show.
func (rep *Report) QuestionChangeOf(id string) *Change {
	p := rep.Result.Previous
	if p == nil || p.RubricChanged || rep.changes == nil {
		return nil
	}
	d := rep.changes.questions[id]
	if d == nil {
		return nil
	}
	return &Change{Since: rep.LongDate(p.Date), Delta: d}
}

// QuestionChangeText says a question's change in a sentence, or "".
func (rep *Report) QuestionChangeText(id string) string {
	c := rep.QuestionChangeOf(id)
	if c == nil {
		return ""
	}
	p := rep.P()
	return p.T("report.delta.question", Arrow(*c.Delta), ChangeWords(p, *c.Delta), c.Since)
}

// ChangeNote is a change for after a figure in a table cell: "▲ +3.2",
// or "" when there is none to show.
func (rep *Report) ChangeNote(c *Change) string {
	if c == nil || c.Changed || c.Delta == nil {
		return ""
	}
	return ChangeCell(rep.P(), c)
}

// FlagDelta is a red flag now and at the last assessment.
type FlagDelta struct {
	Flag   *assess.Flag
	Change assess.FlagChange
	// Status is "cleared", "new", "still raised" or "not raised", in
	// the report's language; Text says it in a sentence.
	Status, Text string
	Then, Now    string // "raised" or "not raised", with the share
}

// FlagDeltas lists every red flag whose state at the last assessment is
// known, cleared ones first, then new ones, then the rest, each in
// rubric order; nil without a comparable last assessment.
func (rep *Report) FlagDeltas() []FlagDelta {
	prev := rep.Result.Previous
	if prev == nil || prev.RubricChanged || len(prev.Flags) == 0 {
		return nil
	}
	p := rep.P()
	since := rep.LongDate(prev.Date)
	state := func(raised bool, share float64) string {
		if raised {
			return p.T("report.delta.raised", FlagShare(p, share))
		}
		return p.T("report.delta.not_raised", FlagShare(p, share))
	}
	var groups [4][]FlagDelta
	for _, fc := range prev.Flags {
		f := rep.Rubric.Flag(fc.ID)
		if f == nil {
			continue
		}
		now := rep.flagShare(fc.ID)
		fd := FlagDelta{Flag: f, Change: fc, Then: state(fc.WasRaised, now-fc.ShareDelta), Now: state(fc.Raised, now)}
		g := 3
		switch {
		case fc.Cleared():
			g, fd.Status, fd.Text = 0, p.T("report.delta.status_cleared"), p.T("report.delta.cleared", f.Title, since)
		case fc.New():
			g, fd.Status, fd.Text = 1, p.T("report.delta.status_new"), p.T("report.delta.new", f.Title, since)
		case fc.Raised:
			g, fd.Status, fd.Text = 2, p.T("report.delta.status_still"), p.T("report.delta.still", f.Title, since)
		default:
			fd.Status, fd.Text = p.T("report.delta.status_not"), p.T("report.delta.not", f.Title, since)
		}
		groups[g] = append(groups[g], fd)
	}
	var out []FlagDelta
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func (rep *Report) flagShare(id string) float64 {
	for _, f := range rep.Result.Flags {
		if f.ID == id {
			return f.Share
		}
	}
	return 0
}

// FlagDeltasTitle heads the list of FlagDeltas.
func (rep *Report) FlagDeltasTitle() string {
	return rep.P().T("report.delta.flags_title", rep.LongDate(rep.Result.Previous.Date))
}

// PlanIntro says in what order the actions are numbered, from the plan
// as it is: the ones the consultant put first or added (if any), then
// those of raised red flags (if any), then the rest by priority.
func (rep *Report) PlanIntro() string {
	p := rep.P()
	var pinned, added, flags, rest int
	for _, it := range rep.Plan {
		o := rep.OverrideOf(it.Rec.ID)
		switch {
		case o != nil && o.Action == assess.ActionPin:
			pinned++
		case o != nil && o.Action == assess.ActionAdd:
			added++
		case it.Flag != nil || it.Check != nil:
			flags++
		default:
			rest++
		}
	}
	var parts []string
	if pinned > 0 {
		parts = append(parts, p.T("report.order.pinned"))
	}
	if added > 0 {
		parts = append(parts, p.T("report.order.added"))
	}
	if flags > 0 {
		parts = append(parts, p.T("report.order.flags"))
	}
	if rest > 0 {
		parts = append(parts, p.T("report.order.priority", Setting(p, rep.Rubric.Target)))
	}
	if len(parts) == 0 {
		return p.T("report.no_actions")
	}
	if len(parts) > 1 {
		parts[0] = p.T("report.order.first", parts[0])
		for i := 1; i < len(parts); i++ {
			parts[i] = p.T("report.order.then", parts[i])
		}
	}
	return p.T("report.order.intro", strings.Join(parts, p.T("report.order.sep")))
}

// Added lists the actions the consultant added to the plan, in plan
// order: their bodies are the consultant's words.
func (rep *Report) Added() []*Item {
	var out []*Item
	for _, it := range rep.Plan {
		if o := rep.OverrideOf(it.Rec.ID); o != nil && o.Action == assess.ActionAdd {
			out = append(out, it)
		}
	}
	return out
}
