// Package view turns an assess.Result into what every renderer shows: the
// same sections, in the same order, with the same words. The site, the PDF
// and report.md each draw a *Report; none of them recomputes a figure.
package view

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// Meta is what the assessment says about itself.
type Meta struct {
	Title       string
	Client      string
	Date        time.Time
	Consultancy string
	Logo        []byte // PNG or JPEG bytes, or nil
	LogoType    string // "png" or "jpeg"
	Color       string // accent colour, "#rrggbb"
	Comments    bool   // show free-text comments
	// Lang is the language of the report's fixed words (BCP 47); "" for
	// the rubric's language.
	Lang string
}

// Report is an assessment ready to draw.
type Report struct {
	Meta   Meta
	Result *assess.Result
	Rubric *assess.Rubric

	Overall    Overall
	Dimensions []*Dimension
	Flags      []*Flag // raised first, then by severity, then rubric order
	Raised     []*Flag
	// Evidence are the assessment's figures, in its order; Checks the
	// rubric's checks, contradicted first, then by severity, then rubric
	// order; Contradicted the contradicted ones.
	Evidence     []*Figure
	Checks       []*Check
	Contradicted []*Check
	Plan         []*Item // in action-plan order
	// Actions are the project's actions, in its order (actions.go).
	Actions    []*Action
	Columns    [3]*Column // 30, 60 and 90 days
	Attributes []*Attribute
	// Gaps are the perception gaps, one per attribute with two or more
	// shown groups, the role-like attribute first.
	Gaps     []*Gap
	Comments []CommentGroup
	// Themes are what the comments are about (themes.go); nil when the
	// rubric has none or no question takes free text.
	Themes *Themes
	// Frameworks are the rubric's frameworks that questions bear on, with
	// those questions' scores (frameworks.go); nil when it maps none.
	Frameworks []*FrameworkSection
	Quality    assess.DataQuality
	// Unanswered are the questions an input had no column for, as the
	// data-quality sections name them: id and text.
	Unanswered []string
	Norms      *Norms // nil without norms
	// Measure is how far the figures can be trusted and what drives the
	// outcome (measure.go).
	Measure *Measure
	// SmallGroups warns, on every output, that groups below
	// assess.MinSafeGroupSize are shown (--allow-small-groups); "" if not.
	SmallGroups string
	// Printer writes the fixed words, numbers and dates in the report's
	// language: Meta.Lang, else the rubric's.
	Printer *i18n.Printer
	// changes index the changes of groups and questions (changes.go).
	changes *changeIndex
}

// P returns the report's printer; a Report built by hand without one
// speaks English.
func (rep *Report) P() *i18n.Printer {
	if rep.Printer == nil {
		return i18n.English()
	}
	return rep.Printer
}

// Overall is the whole group's figures.
type Overall struct {
	Score    *float64
	Level    *assess.Level // nil without a score
	Uncapped *assess.Level
	CappedBy *Capper // a raised flag or a contradicted check, or nil
}

// Dimension is one dimension's section.
type Dimension struct {
	Def             *assess.Dimension
	Result          assess.DimensionResult
	Level           *assess.Level
	Questions       []*Question
	Recommendations []*Item
	Segments        []SegmentScore // one per segment value, suppressed ones included
	Slug            string
	// Percentile is "72nd percentile" against the norms, or "".
	Percentile string
}

// SegmentScore is one segment value's score on a dimension.
type SegmentScore struct {
	Attribute, Value string
	Suppressed       bool
	Score            *float64
	Level            *assess.Level
	N                int
	Slug             string // page slug of the segment value, "" if suppressed
}

// Question is one question's answers.
type Question struct {
	Def     *assess.Question
	Result  assess.QuestionResult
	Bars    []Bar // in order from weakest to strongest answer
	Skipped int
	// Neg, Neutral and Pos are the shares of answers left of, at and right
	// of the midpoint (scale and choice); for multi, Bars hold each option's
	// share of respondents and these are zero.
	Neg, Neutral, Pos float64
}

// Bar is one answer's part of a question's distribution.
type Bar struct {
	Label string
	Count int
	Share float64 // of answering respondents
	Side  int     // -1 weak, 0 midpoint, +1 strong
	Value float64 // v of this answer, after reversal
}

// Flag is a red flag and whether it is raised.
type Flag struct {
	Def    *assess.Flag
	Result assess.FlagResult
	Items  []*Item // its recommendations in the plan
	Caps   *assess.Level
}

// Item is one recommendation in the plan.
type Item struct {
	Rec       *assess.Recommendation
	Result    assess.RecommendationResult
	Rank      int               // 1-based position in the plan
	Dimension *assess.Dimension // nil for a flag's or a check's recommendation
	Flag      *assess.Flag      // a red flag's recommendation, else nil
	Check     *assess.Check     // a check's recommendation, else nil
	FirstStep string            // Markdown of the body's "First step" paragraph, if any
	Action    *Action           // its owner, due date and status, or nil
}

// Column is one horizon of the action plan.
type Column struct {
	Horizon int
	Items   []*Item
}

// Attribute is one segment attribute's values.
type Attribute struct {
	Name   string
	Values []*Segment
}

// Segment is one value of an attribute.
type Segment struct {
	Attribute string
	Value     string
	Result    assess.SegmentResult
	Slug      string // "" when suppressed: it gets no page
	Overall   *assess.Level
	Dims      []SegmentScore // by rubric dimension
	Questions []*Question
}

// Gap is the perception gap between the highest- and lowest-scoring values
// of an attribute, per dimension.
type Gap struct {
	Attribute string
	Rows      []GapRow
}

// GapRow is one dimension's gap.
type GapRow struct {
	Dimension  *assess.Dimension
	High, Low  SegmentScore
	Difference float64
	// Test is results.json's gap of these two groups (p, Hedges' g); nil
	// when it compares other groups (every group scoring the same).
	Test *assess.GapResult
}

// CommentGroup is the comments on one text question.
type CommentGroup struct {
	Question *assess.Question
	Texts    []string
}

// New builds the Report of res.
func New(res *assess.Result, meta Meta) *Report {
	r := res.RubricDef
	rep := &Report{Meta: meta, Result: res, Rubric: r, Quality: res.DataQuality}
	for _, id := range res.DataQuality.UnansweredQuestions {
		if q := r.Question(id); q != nil {
			rep.Unanswered = append(rep.Unanswered, id+" “"+strings.Join(strings.Fields(q.Text), " ")+"”")
		}
	}
	lang := meta.Lang
	if lang == "" {
		lang = r.Language
	}
	rep.Printer = i18n.New(lang)
	if res.SmallGroups() {
		rep.SmallGroups = rep.Printer.T("report.small_groups", res.MinGroupSize, assess.MinSafeGroupSize)
	}
	rep.Overall = Overall{Score: res.Overall.Score}
	if res.Overall.Score != nil {
		rep.Overall.Level = r.Level(res.Overall.Level)
		rep.Overall.Uncapped = r.Level(res.Overall.Uncapped)
		if res.Overall.CappedBy != "" {
			if f := r.Flag(res.Overall.CappedBy); f != nil {
				rep.Overall.CappedBy = &Capper{ID: f.ID, Title: f.Title}
			} else if c := r.Check(res.Overall.CappedBy); c != nil {
				rep.Overall.CappedBy = &Capper{ID: c.ID, Title: c.Title, Check: true}
			}
		}
	}
	rep.indexChanges()
	rep.flags()
	rep.claims()
	rep.plan()
	rep.actions()
	rep.dimensions()
	rep.norms()
	rep.segments()
	rep.gap()
	rep.measure()
	if meta.Comments {
		rep.comments()
	}
	rep.themes()
	rep.frameworks()
	return rep
}

func (rep *Report) flags() {
	r := rep.Rubric
	for i, f := range r.Flags {
		vf := &Flag{Def: f, Result: rep.Result.Flags[i]}
		if f.Caps != "" {
			vf.Caps = r.Level(f.Caps)
		}
		rep.Flags = append(rep.Flags, vf)
	}
	sev := map[string]int{"high": 0, "medium": 1, "low": 2}
	sort.SliceStable(rep.Flags, func(i, j int) bool {
		a, b := rep.Flags[i], rep.Flags[j]
		if a.Result.Raised != b.Result.Raised {
			return a.Result.Raised
		}
		return sev[a.Def.Severity] < sev[b.Def.Severity]
	})
	for _, f := range rep.Flags {
		if f.Result.Raised {
			rep.Raised = append(rep.Raised, f)
		}
	}
}

func (rep *Report) plan() {
	r := rep.Rubric
	byFlag := map[string]*Flag{}
	for _, f := range rep.Flags {
		byFlag[f.Def.ID] = f
	}
	rep.Columns = [3]*Column{{Horizon: 30}, {Horizon: 60}, {Horizon: 90}}
	for i, rr := range rep.Result.Recommendations {
		rc := rep.Result.Recommendation(rr.ID)
		it := &Item{Rec: rc, Result: rr, Rank: i + 1, FirstStep: FirstStep(rc.Body)}
		switch {
		case rc.Check != "":
			it.Check = r.Check(rc.Check)
			for _, c := range rep.Checks {
				if c.Def == it.Check {
					c.Items = append(c.Items, it)
				}
			}
		case rc.Flag != "":
			it.Flag = r.Flag(rc.Flag)
			byFlag[rc.Flag].Items = append(byFlag[rc.Flag].Items, it)
		default:
			it.Dimension = r.Dimension(rc.Dimension)
		}
		rep.Plan = append(rep.Plan, it)
		for _, c := range rep.Columns {
			if c.Horizon == rc.Horizon {
				c.Items = append(c.Items, it)
			}
		}
	}
}

// firstStepRE finds the "First step" paragraph of a body, in the rubric
// languages that have a catalogue.
var firstStepRE = regexp.MustCompile(`(?s)\*\*(?:First step|Erster Schritt):?\*\*:?\s*(.+?)(?:\n\s*\n|$)`)

// FirstStep returns the text of a body's "**First step:**" paragraph.
func FirstStep(body string) string {
	m := firstStepRE.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return strings.Join(strings.Fields(m[1]), " ")
}

func (rep *Report) dimensions() {
	r := rep.Rubric
	for i, d := range r.Dimensions {
		vd := &Dimension{Def: d, Result: rep.Result.Dimensions[i], Slug: Slug(d.ID)}
		if vd.Result.Score != nil {
			vd.Level = r.Level(vd.Result.Level)
		}
		for _, q := range d.Questions {
			vd.Questions = append(vd.Questions, NewQuestion(q, rep.Result.Questions[q.Index]))
		}
		for _, it := range rep.Plan {
			if it.Dimension == d {
				vd.Recommendations = append(vd.Recommendations, it)
			}
		}
		rep.Dimensions = append(rep.Dimensions, vd)
	}
}

// NewQuestion lays out a question's distribution from weakest answer to
// strongest, so that a reverse-keyed item reads the same way as the others.
func NewQuestion(q *assess.Question, qr assess.QuestionResult) *Question {
	vq := &Question{Def: q, Result: qr, Skipped: qr.Skipped}
	if !q.Scored() || qr.Suppressed {
		return vq
	}
	type ans struct {
		label, key string
		v          float64
	}
	var answers []ans
	switch q.Type {
	case assess.TypeScale:
		s := q.ScaleDef
		lo, hi := s.Points[0], s.Points[len(s.Points)-1]
		for i, p := range s.Points {
			v := (p - lo) / (hi - lo)
			if q.Reverse {
				v = 1 - v
			}
			answers = append(answers, ans{s.Labels[i], assess.CountKey(q, i), v})
		}
	case assess.TypeChoice:
		lo, hi := q.Options[0].Points, q.Options[0].Points
		for _, o := range q.Options {
			lo, hi = min(lo, o.Points), max(hi, o.Points)
		}
		for j, o := range q.Options {
			v := (o.Points - lo) / (hi - lo)
			if q.Reverse {
				v = 1 - v
			}
			answers = append(answers, ans{o.Label, assess.CountKey(q, j), v})
		}
	case assess.TypeMulti:
		for _, o := range q.Options {
			c := qr.Counts[o.Label]
			b := Bar{Label: o.Label, Count: c, Value: o.Points}
			if qr.N > 0 {
				b.Share = float64(c) / float64(qr.N)
			}
			vq.Bars = append(vq.Bars, b)
		}
		return vq
	}
	slices.SortStableFunc(answers, func(a, b ans) int {
		switch {
		case a.v < b.v:
			return -1
		case b.v < a.v:
			return 1
		}
		return 0
	})
	vq.Bars = make([]Bar, 0, len(answers))
	for _, a := range answers {
		b := Bar{Label: a.label, Count: qr.Counts[a.key], Value: a.v}
		switch {
		case a.v < 0.5:
			b.Side = -1
		case a.v > 0.5:
			b.Side = 1
		}
		if qr.N > 0 {
			b.Share = float64(b.Count) / float64(qr.N)
		}
		switch b.Side {
		case -1:
			vq.Neg += b.Share
		case 0:
			vq.Neutral += b.Share
		case 1:
			vq.Pos += b.Share
		}
		vq.Bars = append(vq.Bars, b)
	}
	return vq
}
