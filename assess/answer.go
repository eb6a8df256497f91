package assess

import (
	"bytes"
	"strconv"
	"strings"
)

// answerState says what a cell turned out to be.
type answerState uint8

const (
	answerMissing answerState = iota // empty cell
	answerSkip                       // a skip answer: missing, not invalid
	answerInvalid                    // matched nothing: missing, counted, reported
	answerOK
)

// answer is a cell resolved against its question.
type answer struct {
	state answerState
	idx   int     // scale point or choice option index
	sel   []bool  // multi: selected options
	raw   float64 // raw points (multi: sum of chosen points)
	v     float64 // value in [0, 1] after reversal
	bad   string  // the invalid text, for the report
}

// answerMatcher resolves cells for one question. It is built once at load
// time from the question's labels, points and skip answers.
type answerMatcher struct {
	label map[string]int // normal form of a label → index
	point map[float64]int
	skip  map[string]bool
	// name holds the ChoiceNames of the labels and options that no label
	// or skip answer reads already (a skip answer's name is in skip).
	name map[string]int
	// other is the index of a multi question's "Other" option, which a
	// write-in answer chooses; -1 if it has none.
	other int
}

func newAnswerMatcher(q *Question) *answerMatcher {
	m := &answerMatcher{label: map[string]int{}, point: map[float64]int{}, skip: map[string]bool{}, other: -1}
	skips := q.Skip
	switch q.Type {
	case TypeScale:
		for i, l := range q.ScaleDef.Labels {
			m.label[Normalize(l)] = i
		}
		for i, p := range q.ScaleDef.Points {
			m.point[p] = i
		}
		skips = append(append([]string(nil), q.ScaleDef.Skip...), skips...)
	case TypeChoice, TypeMulti:
		seen := map[float64]int{}
		for i, o := range q.Options {
			m.label[Normalize(o.Label)] = i
			seen[o.Points]++
			if q.Type == TypeMulti && m.other < 0 && isOtherLabel(o.Label) {
				m.other = i
			}
		}
		if q.Type == TypeChoice {
			// A number answers a choice question only when one option has it.
			for i, o := range q.Options {
				if seen[o.Points] == 1 {
					m.point[o.Points] = i
				}
			}
		}
	}
	for _, s := range skips {
		m.skip[Normalize(s)] = true
	}
	if q.Type != TypeText {
		m.name = map[string]int{}
		_, isSkip := q.Answers()
		for i, n := range q.ChoiceNames() {
			k := Normalize(n)
			if _, ok := m.label[k]; ok || m.skip[k] {
				continue
			}
			if isSkip[i] {
				m.skip[k] = true
			} else {
				m.name[k] = i
			}
		}
	}
	return m
}

// resolve turns a cell into an answer for q.
func (q *Question) resolve(c Cell) answer {
	if c.Empty() {
		return answer{state: answerMissing}
	}
	if q.Type == TypeText {
		return answer{state: answerOK}
	}
	if q.Type == TypeMulti {
		return q.resolveMulti(c)
	}
	if len(c.Values) != 1 {
		return answer{state: answerInvalid, bad: strings.Join(c.Values, "; ")}
	}
	s := c.Values[0]
	idx, ok := -1, false
	if c.Numeric {
		idx, ok = q.byPoint(s)
	} else {
		n := Normalize(s)
		if q.m.skip[n] {
			return answer{state: answerSkip}
		}
		if idx, ok = q.m.label[n]; !ok {
			if idx, ok = q.byPoint(n); !ok {
				idx, ok = q.m.name[n]
			}
		}
	}
	if !ok {
		return answer{state: answerInvalid, bad: s}
	}
	var raw float64
	if q.Type == TypeScale {
		raw = q.ScaleDef.Points[idx]
	} else {
		raw = q.Options[idx].Points
	}
	return answer{state: answerOK, idx: idx, raw: raw, v: q.value(raw)}
}

func (q *Question) byPoint(s string) (int, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return -1, false
	}
	i, ok := q.m.point[f]
	return i, ok
}

// value maps raw points to [0, 1], reversed if the question says so.
func (q *Question) value(raw float64) float64 {
	var v float64
	switch q.Type {
	case TypeMulti:
		v = min(max(raw/q.hi, 0), 1)
	default:
		v = (raw - q.lo) / (q.hi - q.lo)
	}
	if q.Reverse {
		v = 1 - v
	}
	return v
}

// resolveMulti reads a multi answer: a list of option labels, each value
// possibly several labels joined with ";" or "," (as Google Forms and
// Microsoft Forms write them). Labels that themselves hold a comma still
// match, because a value is split only where the pieces are known labels.
func (q *Question) resolveMulti(c Cell) answer {
	sel := make([]bool, len(q.Options))
	any := false
	var raw float64
	for _, s := range c.Values {
		n := Normalize(s)
		if n == "" {
			continue
		}
		if q.m.skip[n] {
			if len(c.Values) == 1 {
				return answer{state: answerSkip}
			}
			// A skip answer ticked beside options (its own column,
			// as KoboToolbox writes one per choice): the options
			// are the answer.
			continue
		}
		idxs, ok := q.splitOptions(s)
		if !ok {
			if ix, named := q.byNames(n); named {
				idxs, ok = ix, true
			} else if ix, unknown := q.splitAt(s, ' '); !unknown && len(ix) > 0 {
				// KoboToolbox's "Labels" export of a select_multiple
				// in one column joins the labels with spaces.
				idxs, ok = ix, true
			}
		}
		if !ok {
			// Google Forms writes an "Other" answer's own words among
			// the options chosen: "A, B, my own words". The options are
			// kept and the words choose the question's "Other" option.
			if q.m.other >= 0 {
				idxs = append(idxs, q.m.other)
			} else if len(idxs) == 0 {
				return answer{state: answerInvalid, bad: s}
			}
		}
		for _, i := range idxs {
			if !sel[i] {
				sel[i] = true
				raw += q.Options[i].Points
			}
			any = true
		}
	}
	if !any {
		return answer{state: answerMissing}
	}
	return answer{state: answerOK, sel: sel, raw: raw, v: q.value(raw)}
}

// byNames reads a cell of choice names joined by spaces, as KoboToolbox
// and ODK write a select_multiple ("training coaching"): every word must
// be one of the question's ChoiceNames.
func (q *Question) byNames(n string) ([]int, bool) {
	var idxs []int
	for _, w := range strings.Fields(n) {
		i, ok := q.m.name[w]
		if !ok {
			if i, ok = q.m.label[w]; !ok {
				return nil, false
			}
		}
		idxs = append(idxs, i)
	}
	return idxs, len(idxs) > 0
}

// splitOptions finds the option indexes a joined cell lists: a split of s
// at ";" and "," into pieces that are each an option label (or empty).
// It prefers the fewest pieces, so "a, b" is one option when that label
// exists.
func (q *Question) splitOptions(s string) ([]int, bool) {
	if i, ok := q.m.label[Normalize(s)]; ok {
		return []int{i}, true
	}
	idxs, unknown := q.split(s)
	return idxs, !unknown
}

// Costs of the pieces of a split: each stretch between separators that an
// unknown piece covers costs more than any number of pieces that are
// options, so that a split reads as many options as it can.
const (
	pieceCost   = 1
	unknownCost = 1 << 20
)

// split reads a joined cell as options and, where no option reads, words
// of the respondent's own (Google Forms writes an "Other" answer among
// the options chosen: "A, B, my own words"): the split with the fewest
// unknown pieces, then the fewest pieces. It returns the options and
// whether any words were left over.
func (q *Question) split(s string) (idxs []int, unknown bool) {
	return q.splitAt(s, ';', ',')
}

// splitAt is split at the given separators.
func (q *Question) splitAt(s string, seps ...byte) (idxs []int, unknown bool) {
	cuts := []int{-1}
	for i := 0; i < len(s); i++ {
		if bytes.IndexByte(seps, s[i]) >= 0 {
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(s))
	const none, maxLabelSeps = -1, 16
	// best[k]: the cost of the best split of s[:cuts[k]] (none if there
	// is none); from[k], opt[k]: backtrack, opt -1 for an empty piece and
	// -2 for an unknown one.
	best := make([]int, len(cuts))
	from := make([]int, len(cuts))
	opt := make([]int, len(cuts))
	for k := 1; k < len(cuts); k++ {
		best[k] = none
		// A piece spans at most maxLabelSeps separators, which keeps
		// hostile cells with many commas linear.
		for j := k - 1; j >= 0 && j >= k-maxLabelSeps-1; j-- {
			if best[j] == none {
				continue
			}
			piece := Normalize(s[cuts[j]+1 : cuts[k]])
			o, cost := -1, pieceCost
			if piece != "" {
				if i, ok := q.m.label[piece]; ok {
					o = i
				} else {
					// by the stretches between separators it covers,
					// so that no option is read as words
					o, cost = -2, pieceCost+unknownCost*(k-j)
				}
			}
			if c := best[j] + cost; best[k] == none || c < best[k] {
				best[k], from[k], opt[k] = c, j, o
			}
		}
	}
	last := len(cuts) - 1
	if best[last] == none {
		return nil, true // words too long to read: all the respondent's own
	}
	for k := last; k > 0; k = from[k] {
		switch {
		case opt[k] >= 0:
			idxs = append(idxs, opt[k])
		case opt[k] == -2:
			unknown = true
		}
	}
	return idxs, unknown
}
