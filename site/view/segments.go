package view

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/aiready/aiready/assess"
)

func (rep *Report) segments() {
	r := rep.Rubric
	byAttr := map[string]*Attribute{}
	used := map[string]bool{}
	for _, sr := range rep.Result.Segments {
		a := byAttr[sr.Attribute]
		if a == nil {
			a = &Attribute{Name: sr.Attribute}
			byAttr[sr.Attribute] = a
			rep.Attributes = append(rep.Attributes, a)
		}
		sg := &Segment{Attribute: sr.Attribute, Value: sr.Value, Result: sr}
		if !sr.Suppressed {
			sg.Slug = uniqueSlug(shortSlug(sr.Attribute, maxAttrSlug)+"-"+shortSlug(sr.Value, maxValueSlug), used)
			if sr.Overall != nil && sr.Overall.Score != nil {
				sg.Overall = r.Level(sr.Overall.Level)
			}
			for _, q := range r.Questions {
				sg.Questions = append(sg.Questions, NewQuestion(q, sr.Questions[q.Index]))
			}
		}
		for i := range r.Dimensions {
			ss := SegmentScore{Attribute: sr.Attribute, Value: sr.Value, Suppressed: sr.Suppressed, Slug: sg.Slug}
			if !sr.Suppressed {
				dr := sr.Dimensions[i]
				ss.Score, ss.N = dr.Score, dr.N
				ss.Suppressed = dr.Suppressed
				if dr.Score != nil {
					ss.Level = r.Level(dr.Level)
				}
			}
			sg.Dims = append(sg.Dims, ss)
			rep.Dimensions[i].Segments = append(rep.Dimensions[i].Segments, ss)
		}
		a.Values = append(a.Values, sg)
	}
}

// roleWords name the attribute whose values are levels of seniority, where
// the perception gap between leaders and staff shows.
var roleWords = []string{"role", "level", "position", "grade", "seniority", "job", "function", "rolle", "roll"}

// gap works out a perception gap for every attribute with two or more
// shown groups: the role-like attribute first (leaders and staff, where
// the two stories show most), then the others in the order asked for.
func (rep *Report) gap() {
	var role *Attribute
	for _, a := range rep.Attributes {
		n := assess.Normalize(a.Name)
		for _, w := range roleWords {
			if strings.Contains(n, w) {
				role = a
				break
			}
		}
		if role != nil {
			break
		}
	}
	if role != nil {
		if g := rep.gapOf(role); g != nil {
			rep.Gaps = append(rep.Gaps, g)
		}
	}
	for _, a := range rep.Attributes {
		if a == role {
			continue
		}
		if g := rep.gapOf(a); g != nil {
			rep.Gaps = append(rep.Gaps, g)
		}
	}
}

// gapOf is the perception gap of one attribute, nil when fewer than two
// of its groups can be shown on any dimension.
func (rep *Report) gapOf(attr *Attribute) *Gap {
	g := &Gap{Attribute: attr.Name}
	for i, d := range rep.Rubric.Dimensions {
		var hi, lo *SegmentScore
		for _, sg := range attr.Values {
			ss := sg.Dims[i]
			if ss.Score == nil {
				continue
			}
			if hi == nil || *ss.Score > *hi.Score {
				hi = &sg.Dims[i]
			}
			if lo == nil || *ss.Score < *lo.Score {
				lo = &sg.Dims[i]
			}
		}
		if hi == nil || hi == lo {
			continue
		}
		row := GapRow{Dimension: d, High: *hi, Low: *lo, Difference: *hi.Score - *lo.Score}
		for k := range rep.Result.Gaps {
			if t := &rep.Result.Gaps[k]; t.Attribute == attr.Name && t.Dimension == d.ID && t.High == hi.Value && t.Low == lo.Value {
				row.Test = t
			}
		}
		g.Rows = append(g.Rows, row)
	}
	if len(g.Rows) == 0 {
		return nil
	}
	return g
}

func (rep *Report) comments() {
	var cur *CommentGroup
	for _, c := range rep.Result.Comments {
		if cur == nil || cur.Question.ID != c.Question {
			rep.Comments = append(rep.Comments, CommentGroup{Question: rep.Rubric.Question(c.Question)})
			cur = &rep.Comments[len(rep.Comments)-1]
		}
		cur.Texts = append(cur.Texts, c.Text)
	}
}

// Slug makes a file-name-safe, lower-case ASCII slug of s.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// A segment page's file name is "segment-" + attribute + "-" + value,
// each part a slug cut to these many bytes: a value is free text from the
// input, and a file name must stay far below any file system's limit (255
// bytes) and say no more of the value than a short label does. Values
// that share a cut slug get -2, -3, ... (uniqueSlug).
const (
	maxAttrSlug  = 24
	maxValueSlug = 32
)

// shortSlug is Slug(s) cut to at most max bytes, at a dash where there is
// one in its second half, with no dash at the end.
func shortSlug(s string, max int) string {
	out := Slug(s)
	if len(out) <= max {
		return out
	}
	out = out[:max]
	if i := strings.LastIndexByte(out, '-'); i >= max/2 {
		out = out[:i]
	}
	return strings.TrimRight(out, "-")
}

func uniqueSlug(s string, used map[string]bool) string {
	out := s
	for i := 2; used[out]; i++ {
		out = fmt.Sprintf("%s-%d", s, i)
	}
	used[out] = true
	return out
}
