package view

import (
	"math"
	"strings"

	"github.com/aiready/aiready/assess"
	"github.com/aiready/aiready/site/i18n"
)

// How far the figures can be trusted (SPEC "Reliability of each
// dimension", "Participation", "Response quality") and what drives the
// outcome ("What drives the outcome"), worded once for the site, the PDF
// and report.md. assess computes every figure; this file only picks what
// to name and says it.

// Measure is the quality of the measurement, as every output shows it.
type Measure struct {
	// Reliability is one row per dimension that results.json gives an
	// alpha entry, in rubric order; Weak those below assess.WeakAlpha,
	// and Questions the questions that weaken their dimension.
	Reliability []*ReliabilityRow
	Weak        []*ReliabilityRow
	Questions   []*WeakQuestion
	// Participation is nil without a [population].
	Participation *Participation
	// Quality says how many answers look unread, and what was done with
	// them; "" when none were found.
	Quality string
	// Drivers is nil without an outcome analysis.
	Drivers *Drivers
}

// ReliabilityRow is one dimension's Cronbach's alpha.
type ReliabilityRow struct {
	Dimension *assess.Dimension
	Result    assess.ReliabilityResult
	Alpha     string // two decimals, or "–" when null
	Weak      bool   // alpha below assess.WeakAlpha
	// Note says what the alpha means when it is weak or null; "" else.
	Note string
}

// WeakQuestion is a question that weakens its dimension's alpha, named
// with its text and why, in plain words.
type WeakQuestion struct {
	Question  *assess.Question
	Dimension *assess.Dimension
	Item      assess.ItemReliability
	Text      string
}

// Participation is the response rate, overall and per shown group.
type Participation struct {
	Population  int
	Respondents int
	Rate        string // whole percentage
	Low         bool   // below assess.LowParticipation
	Groups      []ParticipationRow
	// Line is the overall rate in a sentence; Limits name every rate
	// below assess.LowParticipation as a limit of the findings.
	Line   string
	Limits []string
}

// ParticipationRow is one shown group's response rate.
type ParticipationRow struct {
	Attribute, Value string
	Population, N    int
	Rate             string
	Low              bool
}

// Drivers is what drives the outcome question: each dimension's relative
// weight against its score.
type Drivers struct {
	Outcome *assess.Question
	N       int
	R2      string // two decimals
	Rows    []*DriverRow
	// FixFirst are the rows in the "fix first" corner: more important than
	// the average dimension and below the target, most important first.
	FixFirst []*DriverRow
	// Intro says what the analysis is; Text names what to fix first.
	Intro, Text string
	// MaxShare is the largest importance; Scale the top of a chart's
	// importance axis, the next tenth above it; Even the even share 1/k
	// that divides important from less important.
	MaxShare, Scale, Even float64
}

// DriverRow is one dimension's importance and score.
type DriverRow struct {
	Dimension *Dimension
	Weight    float64 // Johnson's relative weight, a part of R²
	// Share is Weight as a share of R², and Importance that share as a
	// whole percentage: the one form every output gives it.
	Share      float64
	Importance string
	Score      *float64
	// Important is a share above the even share 1/k; Low a score below
	// the target; FixFirst both.
	Important, Low, FixFirst bool
}

// Alpha writes Cronbach's alpha, or a correlation, with two decimals and
// a true minus, "0.81", "−0.31"; "–" when there is none.
func Alpha(p *i18n.Printer, a *float64) string {
	if a == nil {
		return "–"
	}
	return Coefficient(p, *a)
}

// Coefficient writes a coefficient (alpha, a correlation, R²) with two
// decimals and a true minus.
func Coefficient(p *i18n.Printer, v float64) string {
	s := p.Number(v, 2)
	if strings.HasPrefix(s, "-") {
		s = "\u2212" + s[1:]
	}
	return s
}

// Rate writes a response rate as a whole percentage, "36%".
func Rate(p *i18n.Printer, r float64) string { return p.Pct(r) }

// Importance writes a dimension's relative weight as a whole percentage
// of R², "38%".
func Importance(p *i18n.Printer, share float64) string { return p.Pct(share) }

// measure fills rep.Measure from results.json's reliability,
// participation, drivers and data_quality.
func (rep *Report) measure() {
	rep.Measure = &Measure{}
	rep.reliability()
	rep.participation()
	rep.Measure.Quality = QualityText(rep.P(), rep.Result.DataQuality)
	rep.drivers()
}

func (rep *Report) reliability() {
	p, r, m := rep.P(), rep.Rubric, rep.Measure
	for _, rr := range rep.Result.Reliability {
		d := r.Dimension(rr.Dimension)
		if d == nil {
			continue
		}
		row := &ReliabilityRow{Dimension: d, Result: rr, Alpha: Alpha(p, rr.Alpha)}
		switch {
		case rr.Alpha == nil && rr.N < assess.MinReliabilityN:
			row.Note = p.T("report.measure.alpha_few", assess.MinReliabilityN, rr.N)
		case rr.Alpha == nil:
			row.Note = p.T("report.measure.alpha_flat")
		case *rr.Alpha < assess.WeakAlpha:
			row.Weak = true
			row.Note = p.T("report.measure.alpha_weak", Setting(p, assess.WeakAlpha))
			m.Weak = append(m.Weak, row)
		}
		m.Reliability = append(m.Reliability, row)
		if rr.Alpha == nil {
			continue
		}
		for _, it := range rr.Items {
			q := r.Question(it.ID)
			if q == nil {
				continue
			}
			if t := weakItemText(p, q, it, *rr.Alpha); t != "" {
				m.Questions = append(m.Questions, &WeakQuestion{Question: q, Dimension: d, Item: it, Text: t})
			}
		}
	}
}

// weakItemText names a question that weakens its dimension: one whose
// item-rest correlation is below assess.WeakItemRest (negative: it reads
// as if reverse-keyed), or without which alpha would be higher, as the
// two figures read at two decimals. "" for a question that does neither.
func weakItemText(p *i18n.Printer, q *assess.Question, it assess.ItemReliability, alpha float64) string {
	var parts []string
	if ir := it.ItemRest; ir != nil && *ir < assess.WeakItemRest {
		if *ir < 0 {
			parts = append(parts, p.T("report.measure.item_reversed", Coefficient(p, *ir)))
		} else {
			parts = append(parts, p.T("report.measure.item_weak", Coefficient(p, *ir), Setting(p, assess.WeakItemRest)))
		}
	}
	if aid := it.AlphaIfDeleted; aid != nil && i18n.Round(*aid, 2) > i18n.Round(alpha, 2) {
		parts = append(parts, p.T("report.measure.item_deleted", Coefficient(p, alpha), Coefficient(p, *aid)))
	}
	if len(parts) == 0 {
		return ""
	}
	text := p.T("report.quote", strings.Join(strings.Fields(q.Text), " "))
	return p.T("report.measure.item", q.ID, text, strings.Join(parts, " "))
}

func (rep *Report) participation() {
	pr := rep.Result.Participation
	if pr == nil || pr.Population <= 0 {
		return
	}
	p := rep.P()
	low := Rate(p, assess.LowParticipation)
	v := &Participation{Population: pr.Population, Respondents: rep.Result.Respondents, Rate: Rate(p, pr.Rate),
		Low: pr.Rate < assess.LowParticipation}
	v.Line = p.T("report.measure.rate", v.Respondents, v.Population, v.Rate)
	if v.Low {
		v.Limits = append(v.Limits, p.T("report.measure.rate_low", v.Rate, low))
	}
	// Only groups that the segments show: a group that is suppressed, or
	// that the results do not list, never gets a count or a rate here,
	// whatever the participation block holds.
	var lows []string
	for _, sp := range pr.Segments {
		n, ok := rep.shownGroup(sp.Attribute, sp.Value)
		if !ok || sp.Population <= 0 {
			continue
		}
		row := ParticipationRow{Attribute: sp.Attribute, Value: sp.Value, Population: sp.Population, N: n,
			Rate: Rate(p, sp.Rate), Low: sp.Rate < assess.LowParticipation}
		if row.Low {
			lows = append(lows, p.T("report.measure.rate_group", sp.Attribute, sp.Value, row.Rate))
		}
		v.Groups = append(v.Groups, row)
	}
	if len(lows) > 0 {
		v.Limits = append(v.Limits, p.N("report.measure.rate_low_groups", len(lows), low, strings.Join(lows, p.T("report.story_list_sep"))))
	}
	rep.Measure.Participation = v
}

// shownGroup returns the respondents of a group the results show, and
// false for a suppressed group or one they do not list.
func (rep *Report) shownGroup(attr, value string) (int, bool) {
	for _, s := range rep.Result.Segments {
		if s.Attribute == attr && s.Value == value {
			if s.Suppressed || s.N == nil {
				return 0, false
			}
			return *s.N, true
		}
	}
	return 0, false
}

// QualityText says how many respondents' answers look unread (SPEC
// "Response quality") and what was done with them: left out, with how
// many for which reason, or counted, with the option that leaves them
// out. "" when none were found.
func QualityText(p *i18n.Printer, q assess.DataQuality) string {
	if q.Excluded > 0 {
		var why []string
		if q.StraightLiners > 0 {
			why = append(why, p.T("report.measure.why_straight", q.StraightLiners))
		}
		if q.Speeders > 0 {
			why = append(why, p.T("report.measure.why_speed", q.Speeders))
		}
		return p.N("report.measure.excluded", q.Excluded, strings.Join(why, p.T("report.or")))
	}
	var found []string
	if q.StraightLiners > 0 {
		found = append(found, p.N("report.measure.straight", q.StraightLiners))
	}
	if q.Speeders > 0 {
		found = append(found, p.N("report.measure.speed", q.Speeders))
	}
	if len(found) == 0 {
		return ""
	}
	return p.T("report.measure.flagged", strings.Join(found, p.T("report.measure.sep")))
}

func (rep *Report) drivers() {
	dr := rep.Result.Drivers
	if dr == nil || len(dr.Dimensions) == 0 {
		return
	}
	p := rep.P()
	target := rep.Rubric.Target
	v := &Drivers{Outcome: rep.Rubric.Question(dr.Outcome), N: dr.N, R2: Coefficient(p, dr.R2)}
	k := float64(len(dr.Dimensions))
	for _, w := range dr.Dimensions {
		var dm *Dimension
		for _, d := range rep.Dimensions {
			if d.Def.ID == w.ID {
				dm = d
			}
		}
		if dm == nil {
			continue
		}
		row := &DriverRow{Dimension: dm, Weight: w.Weight, Score: dm.Result.Score}
		if dr.R2 > 0 {
			row.Share = w.Weight / dr.R2
		}
		row.Importance = Importance(p, row.Share)
		row.Important = row.Share > 1/k
		row.Low = row.Score != nil && *row.Score < target
		row.FixFirst = row.Important && row.Low
		v.MaxShare = max(v.MaxShare, row.Share)
		v.Rows = append(v.Rows, row)
		if row.FixFirst {
			v.FixFirst = append(v.FixFirst, row)
		}
	}
	if len(v.Rows) == 0 {
		return
	}
	v.Even = 1 / k
	v.Scale = max(math.Ceil(max(v.MaxShare, v.Even)*10+1e-9)/10, 0.1)
	// Most important first; rubric order between equals.
	for i := 1; i < len(v.FixFirst); i++ {
		for j := i; j > 0 && v.FixFirst[j].Share > v.FixFirst[j-1].Share; j-- {
			v.FixFirst[j], v.FixFirst[j-1] = v.FixFirst[j-1], v.FixFirst[j]
		}
	}
	outcome := dr.Outcome
	if v.Outcome != nil {
		outcome = strings.Join(strings.Fields(v.Outcome.Text), " ")
	}
	v.Intro = p.T("report.measure.drivers_intro", p.T("report.quote", outcome), v.N, Importance(p, dr.R2), v.R2)
	even := Importance(p, 1/k)
	if len(v.FixFirst) == 0 {
		v.Text = p.T("report.measure.fix_none", even, Setting(p, target))
	} else {
		names := make([]string, len(v.FixFirst))
		for i, row := range v.FixFirst {
			names[i] = p.T("report.measure.fix_item", row.Dimension.Def.Title, row.Importance, ScoreOr(p, row.Score, "–"))
		}
		v.Text = p.N("report.measure.fix_first", len(names), strings.Join(names, p.T("report.measure.sep")), even, Setting(p, target))
	}
	rep.Measure.Drivers = v
}

// HasMeasure tells whether there is anything about the measurement to
// show beyond the data-quality counts: reliability, participation or
// drivers.
func (rep *Report) HasMeasure() bool {
	m := rep.Measure
	return m != nil && (len(m.Reliability) > 0 || m.Participation != nil)
}

// storyLimits is the executive summary's sentence on a response rate
// below assess.LowParticipation, or "".
func (rep *Report) storyLimits() string {
	if m := rep.Measure; m != nil && m.Participation != nil && m.Participation.Low {
		pt := m.Participation
		return rep.P().T("report.measure.story_rate", pt.Respondents, pt.Population, pt.Rate)
	}
	return ""
}

// ReliabilityIntro says what alpha is and from which value a dimension's
// score reads as one measure.
func (rep *Report) ReliabilityIntro() string {
	p := rep.P()
	return p.T("report.measure.reliability_intro", Setting(p, assess.WeakAlpha))
}
