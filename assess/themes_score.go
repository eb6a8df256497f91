package assess

import (
	"sort"
	"strings"
)

// themeStats counts the themes of the comments while they are read: per
// theme, the comments that carry it, over all and per segment group, and
// the dimension scores of the respondents who wrote them. No text is kept
// for the counts; with Options.Comments the comments that could stand for
// a theme are kept too (cands), as the comments themselves are.
type themeStats struct {
	m        *themeMatcher
	pending  []pendingComment // the respondent at hand's comments
	comments int              // comments read
	counts   []int            // per theme: the comments that carry it
	groups   map[*group]*themeGroup
	dimN     [][]int     // per theme, per dimension: respondents with the theme and a score
	dimSum   [][]float64 // and their scores added up
	resp     []bool      // per theme: the respondent at hand wrote it
	cands    []themeCand
}

type themeGroup struct {
	comments int
	counts   []int
}

type pendingComment struct {
	q    int
	text string
}

// themeCand is a comment that may stand for its themes, with the
// respondent's groups (to leave out those of hidden groups) and, per
// theme it carries, how many of the theme's stems it matched.
type themeCand struct {
	q      int
	text   string
	groups []*group
	hits   []themeHit
}

type themeHit struct{ theme, stems int32 }

func newThemeStats(r *Rubric) *themeStats {
	n, d := len(r.Themes), len(r.Dimensions)
	th := &themeStats{m: newThemeMatcher(r.Themes), counts: make([]int, n), groups: map[*group]*themeGroup{},
		dimN: make([][]int, n), dimSum: make([][]float64, n), resp: make([]bool, n)}
	for i := range n {
		th.dimN[i], th.dimSum[i] = make([]int, d), make([]float64, d)
	}
	return th
}

// themesApply tells whether the scorer counts themes: the rubric has
// some and a question takes free text.
func themesApply(r *Rubric) bool {
	if len(r.Themes) == 0 {
		return false
	}
	for _, q := range r.Questions {
		if q.Type == TypeText {
			return true
		}
	}
	return false
}

// themeRespondent counts the comments of the respondent at hand (pending)
// into the themes, for the groups in s.groups; the respondent's dimension
// scores (s.rd) are added to each theme they wrote about. It runs after
// tally, on the plain path only: the fast path is not taken when themes
// are counted (fastOK), so both give the same.
func (s *Scorer) themeRespondent() {
	th := s.th
	if len(th.pending) == 0 {
		return
	}
	clear(th.resp)
	var segGroups []*group
	if s.opt.Comments {
		segGroups = append([]*group(nil), s.groups[1:]...)
	}
	for _, pc := range th.pending {
		th.comments++
		for _, g := range s.groups[1:] {
			tg := th.groups[g]
			if tg == nil {
				tg = &themeGroup{counts: make([]int, len(th.counts))}
				th.groups[g] = tg
			}
			tg.comments++
		}
		touched := th.m.scan(pc.text)
		if len(touched) == 0 {
			continue
		}
		var hits []themeHit
		for _, t := range touched {
			th.counts[t]++
			th.resp[t] = true
			for _, g := range s.groups[1:] {
				th.groups[g].counts[t]++
			}
			if s.opt.Comments {
				hits = append(hits, themeHit{t, int32(th.m.hits[t])})
			}
		}
		if s.opt.Comments {
			th.cands = append(th.cands, themeCand{q: pc.q, text: pc.text, groups: segGroups, hits: hits})
		}
	}
	for t, on := range th.resp {
		if !on {
			continue
		}
		for d := range s.rd {
			if r := &s.rd[d]; r.ok {
				th.dimN[t][d]++
				th.dimSum[t][d] += r.v
			}
		}
	}
	th.pending = th.pending[:0]
}

// ThemeResult is one theme's figures. Count, Share and Dimension are nil
// when the comments are too few to show themes (fewer than
// MinCommentGroup, or a whole group below MinGroupSize).
type ThemeResult struct {
	ID    string   `json:"id"`
	Count *int     `json:"count"`
	Share *float64 `json:"share"`
	// Dimension is the dimension on which the respondents who wrote a
	// comment with the theme score furthest below those who did not;
	// nil when they score below on none, or either side has no score.
	Dimension *string `json:"dimension"`
	// Segments are the theme's counts in the shown groups that have
	// enough comments, in the order of Result.Segments.
	Segments []ThemeSegment `json:"segments"`
	// Quotes are up to three comments that stand for the theme, only
	// with Options.Comments, never from a hidden group.
	Quotes []Comment `json:"-"`
}

// ThemeSegment is a theme's count in one group.
type ThemeSegment struct {
	Attribute string  `json:"attribute"`
	Value     string  `json:"value"`
	Count     int     `json:"count"`
	Share     float64 `json:"share"`
}

// ThemeGroup says, for a shown segment group, whether its themes are
// shown and why not: "few" (fewer comments than MinCommentGroup) or
// "complementary" (hidden so that a hidden group's counts cannot be
// worked out by subtraction).
type ThemeGroup struct {
	Attribute, Value string
	Comments         int // 0 unless shown
	Why              string
}

// ThemesInfo is what the outputs say about the themes beside their figures.
type ThemesInfo struct {
	// Shown: the whole group's themes are shown.
	Shown bool
	// Comments is how many comments were counted (0 unless Shown).
	Comments int
	// Groups are the shown segment groups, in the order of Result.Segments.
	Groups []ThemeGroup
}

const maxQuotes = 3

// themeResults fills res.Themes, after res.Segments.
func (s *Scorer) themeResults(res *Result) {
	res.Themes = []ThemeResult{}
	th := s.th
	if th == nil {
		return
	}
	minC := s.opt.MinCommentGroup
	res.MinCommentGroup = minC
	info := &ThemesInfo{}
	res.ThemesInfo = info
	info.Shown = th.comments >= minC && s.all.n >= s.opt.MinGroupSize
	// The shown segment groups, and which of them have enough comments.
	type shownGroup struct {
		g  *group
		sr *SegmentResult
		tg *themeGroup
	}
	var shown []shownGroup
	hidden := map[*group]bool{} // groups whose comments may not be quoted
	grp := make([]*group, len(res.Segments))
	for _, sg := range s.segs {
		byVal := map[string]*group{}
		for _, g := range sg.order {
			byVal[g.value] = g
		}
		for i := range res.Segments {
			if res.Segments[i].Attribute == sg.attr && byVal[res.Segments[i].Value] != nil {
				grp[i] = byVal[res.Segments[i].Value]
			}
		}
	}
	byAttr := map[string][]int{} // attribute → indexes in shown
	for i := range res.Segments {
		sr, g := &res.Segments[i], grp[i]
		if g == nil {
			continue
		}
		if sr.Suppressed {
			hidden[g] = true
			continue
		}
		tg := th.groups[g]
		if tg == nil {
			tg = &themeGroup{counts: make([]int, len(th.counts))}
		}
		info.Groups = append(info.Groups, ThemeGroup{Attribute: sr.Attribute, Value: sr.Value})
		byAttr[sr.Attribute] = append(byAttr[sr.Attribute], len(shown))
		shown = append(shown, shownGroup{g, sr, tg})
	}
	// Too few comments, then complementary hiding per attribute: while the
	// comments of the groups not shown add up to fewer than minC (but
	// some), the smallest shown group is hidden too (ties: value order).
	attrs := make([]string, 0, len(byAttr))
	for a := range byAttr {
		attrs = append(attrs, a)
	}
	sort.Strings(attrs)
	for _, a := range attrs {
		idx := byAttr[a]
		left := th.comments
		for _, k := range idx {
			sh := shown[k]
			if sh.tg.comments < minC || !info.Shown {
				info.Groups[k].Why = "few"
				hidden[sh.g] = true
				continue
			}
			left -= sh.tg.comments
		}
		for left > 0 && left < minC {
			next := -1
			for _, k := range idx {
				if info.Groups[k].Why == "" && (next < 0 || shown[k].tg.comments < shown[next].tg.comments) {
					next = k
				}
			}
			if next < 0 {
				break
			}
			info.Groups[next].Why = "complementary"
			hidden[shown[next].g] = true
			left += shown[next].tg.comments
		}
	}
	if info.Shown {
		info.Comments = th.comments
	}
	for ti, t := range s.r.Themes {
		tr := ThemeResult{ID: t.ID, Segments: []ThemeSegment{}}
		if info.Shown {
			c := th.counts[ti]
			share := float64(c) / float64(th.comments)
			tr.Count, tr.Share = &c, &share
			tr.Dimension = s.themeDimension(ti)
			for k, sh := range shown {
				if info.Groups[k].Why != "" {
					continue
				}
				tc := sh.tg.counts[ti]
				tr.Segments = append(tr.Segments, ThemeSegment{Attribute: sh.sr.Attribute, Value: sh.sr.Value,
					Count: tc, Share: float64(tc) / float64(sh.tg.comments)})
			}
			if s.opt.Comments {
				tr.Quotes = s.themeQuotes(ti, hidden)
			}
		}
		res.Themes = append(res.Themes, tr)
	}
	for i := range info.Groups {
		if info.Groups[i].Why == "" {
			info.Groups[i].Comments = shown[i].tg.comments
		}
	}
}

// themeDimension is the dimension on which the respondents with theme t
// score furthest below the others (all respondents less them); nil when
// they score below on none or a side has no score. Ties: rubric order.
func (s *Scorer) themeDimension(t int) *string {
	th := s.th
	best, at := 0.0, -1
	for d := range s.r.Dimensions {
		nw, all := th.dimN[t][d], s.all.dims[d]
		no := all.n - nw
		if nw == 0 || no <= 0 {
			continue
		}
		diff := th.dimSum[t][d]/float64(nw) - (all.sum-th.dimSum[t][d])/float64(no)
		if diff < best {
			best, at = diff, d
		}
	}
	if at < 0 {
		return nil
	}
	id := s.r.Dimensions[at].ID
	return &id
}

// themeQuotes picks up to three comments for theme t, none from a hidden
// group: those matching the most of the theme's stems first, then the
// shorter, then by text, then by question; a text is quoted once.
func (s *Scorer) themeQuotes(t int, hidden map[*group]bool) []Comment {
	type pick struct {
		stems int32
		q     int
		text  string
	}
	var ps []pick
next:
	for _, c := range s.th.cands {
		for _, g := range c.groups {
			if hidden[g] {
				continue next
			}
		}
		for _, h := range c.hits {
			if int(h.theme) == t {
				ps = append(ps, pick{h.stems, c.q, c.text})
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		switch {
		case a.stems != b.stems:
			return a.stems > b.stems
		case len(a.text) != len(b.text):
			return len(a.text) < len(b.text)
		case a.text != b.text:
			return a.text < b.text
		}
		return a.q < b.q
	})
	var out []Comment
	for _, p := range ps {
		if len(out) == maxQuotes {
			break
		}
		dup := false
		for _, o := range out {
			dup = dup || strings.EqualFold(o.Text, p.text)
		}
		if !dup {
			out = append(out, Comment{Question: s.r.Questions[p.q].ID, Text: p.text})
		}
	}
	return out
}

// textColumn tells whether a column of ts answers a free-text question.
func (s *Scorer) textColumn(ts *tableSource) bool {
	for _, p := range ts.plans {
		if p.q >= 0 && s.r.Questions[p.q].Type == TypeText {
			return true
		}
	}
	return false
}
