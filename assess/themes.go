package assess

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Themes: what the free-text comments are about. A rubric's [[theme]]
// lists word stems; a comment carries a theme when one of its words
// matches one of the theme's stems. Matching is deterministic and local:
// words are runs of Unicode letters, digits and marks; a word and a stem
// are compared after Unicode case folding with the accents taken off
// (NFD, combining marks removed), so "Arbeitsplatz*" matches
// "Arbeitsplätze" and "ARBEITSPLÄTZE", and "Straße" matches "strasse".
// A stem ending in "*" matches every word that starts with it ("replac*":
// "replace", "replaced", "replacement"); one without matches the whole
// word only ("job": "job" and "Job's", not "jobless").

// Limits of a rubric's themes, so that a hostile rubric cannot make the
// matching of every comment slow.
const (
	MaxThemes     = 100
	MaxThemeWords = 200
	MaxStemRunes  = 64
)

// DefaultMinCommentGroup is the least number of comments a group needs
// before its themes are counted and shown (Options.MinCommentGroup).
const DefaultMinCommentGroup = 10

// Theme is one [[theme]] of a rubric.
type Theme struct {
	ID    string
	Title string
	// Words are the stems as written; stems their folded forms, with
	// prefix set for those that ended in "*".
	Words []string
	stems []themeStem
	Index int
}

type themeStem struct {
	s      string // folded, without the "*"
	prefix bool
}

// themes reads the [[theme]] tables.
func (l *loader) themes() {
	r := l.r
	seen := map[string]bool{}
	f := newFolder()
	all := l.root.tables("theme")
	for i, m := range all {
		t := l.root.child(m, tomlPath("theme", i), "")
		th := &Theme{ID: t.str("id")}
		t.what = fmt.Sprintf("theme %q", th.ID)
		ok := checkID(t, "theme", th.ID, seen)
		t.required("title")
		th.Title = t.str("title")
		if t.has("title") && strings.TrimSpace(th.Title) == "" {
			t.errorf(t.pos("title"), "title must not be empty")
		}
		t.required("words")
		th.Words = t.strs("words")
		if t.has("words") && len(th.Words) == 0 {
			t.errorf(t.pos("words"), "words must list at least one word stem, such as \"job\" or \"replac*\"")
			ok = false
		}
		if len(th.Words) > MaxThemeWords {
			t.errorf(t.pos("words"), "%d words; the limit is %d", len(th.Words), MaxThemeWords)
			ok = false
		}
		stemAt := map[string]int{}
		for j, w := range th.Words {
			st, msg := parseStem(f, w)
			if msg != "" {
				t.errorf(t.pos("words", j), "words[%d] %q: %s", j, w, msg)
				ok = false
				continue
			}
			key := st.s
			if st.prefix {
				key += "*"
			}
			if k, dup := stemAt[key]; dup {
				t.errorf(t.pos("words", j), "words[%d] %q matches the same words as words[%d] %q", j, w, k, th.Words[k])
				ok = false
				continue
			}
			stemAt[key] = j
			th.stems = append(th.stems, st)
		}
		t.done()
		if i == MaxThemes {
			t.errorf(t.pos(), "more than %d themes", MaxThemes)
		}
		if ok && i < MaxThemes {
			th.Index = len(r.Themes)
			r.Themes = append(r.Themes, th)
		}
	}
}

// parseStem checks a word stem and folds it; msg says what is wrong.
func parseStem(f *folder, w string) (themeStem, string) {
	st := themeStem{}
	body := w
	if strings.HasSuffix(body, "*") {
		st.prefix, body = true, body[:len(body)-1]
	}
	switch {
	case w == "":
		return st, "empty; a stem is a word, such as \"job\", or the start of one, such as \"replac*\""
	case body == "":
		return st, "a \"*\" needs the start of a word before it, such as \"replac*\""
	case strings.Contains(body, "*"):
		return st, "\"*\" may only end a stem (\"replac*\"); it stands for any ending"
	case utf8.RuneCountInString(body) > MaxStemRunes:
		return st, fmt.Sprintf("longer than %d characters", MaxStemRunes)
	}
	for _, c := range body {
		if !isWordRune(c) {
			if unicode.IsSpace(c) {
				return st, "one word only; list each word of a phrase as a stem of its own"
			}
			return st, fmt.Sprintf("%q is not a letter or digit; a stem is one word", c)
		}
	}
	st.s = f.fold(body)
	if st.s == "" {
		return st, "no letters or digits"
	}
	return st, ""
}

// isWordRune tells whether c belongs to a word: a letter, a digit or a
// mark (an accent written as a character of its own).
func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// folder folds words for matching: Unicode case folding, accents off.
// It is not safe for concurrent use; each matcher has its own.
type folder struct{ t transform.Transformer }

func newFolder() *folder {
	return &folder{t: transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold())}
}

func (f *folder) fold(w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			s, _, err := transform.String(f.t, w)
			if err != nil {
				return strings.ToLower(w)
			}
			return s
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if upper {
		return strings.ToLower(w)
	}
	return w
}

// themeMatcher finds the themes of a text. It keeps scratch space: one
// per scorer.
type themeMatcher struct {
	exact, prefix map[string][]int32 // folded stem → its indexes in stemTheme
	maxPrefix     int                // bytes of the longest prefix stem
	stemTheme     []int32            // per stem: its theme
	f             *folder
	seen          []uint32 // per stem: the scan that last matched it
	epoch         uint32
	hits          []int   // per theme: distinct stems matched by the last scan
	touched       []int32 // the themes the last scan matched, in order
}

func newThemeMatcher(themes []*Theme) *themeMatcher {
	m := &themeMatcher{exact: map[string][]int32{}, prefix: map[string][]int32{}, f: newFolder(), hits: make([]int, len(themes))}
	for ti, th := range themes {
		for _, st := range th.stems {
			k := int32(len(m.stemTheme))
			m.stemTheme = append(m.stemTheme, int32(ti))
			if st.prefix {
				m.prefix[st.s] = append(m.prefix[st.s], k)
				m.maxPrefix = max(m.maxPrefix, len(st.s))
			} else {
				m.exact[st.s] = append(m.exact[st.s], k)
			}
		}
	}
	m.seen = make([]uint32, len(m.stemTheme))
	return m
}

// scan matches text and returns the themes it carries, in theme order;
// m.hits[t] is then how many of theme t's stems it matched.
func (m *themeMatcher) scan(text string) []int32 {
	for _, t := range m.touched {
		m.hits[t] = 0
	}
	m.touched = m.touched[:0]
	m.epoch++
	if m.epoch == 0 { // wrapped: forget every stamp
		clear(m.seen)
		m.epoch = 1
	}
	start := -1
	for i, c := range text {
		if isWordRune(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			m.word(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		m.word(text[start:])
	}
	sort.Slice(m.touched, func(i, j int) bool { return m.touched[i] < m.touched[j] })
	return m.touched
}

func (m *themeMatcher) word(w string) {
	fw := m.f.fold(w)
	for _, k := range m.exact[fw] {
		m.hit(k)
	}
	if len(m.prefix) == 0 {
		return
	}
	for i := range fw {
		if i > m.maxPrefix {
			return
		}
		if i > 0 {
			for _, k := range m.prefix[fw[:i]] {
				m.hit(k)
			}
		}
	}
	if len(fw) <= m.maxPrefix {
		for _, k := range m.prefix[fw] {
			m.hit(k)
		}
	}
}

func (m *themeMatcher) hit(k int32) {
	if m.seen[k] == m.epoch {
		return
	}
	m.seen[k] = m.epoch
	t := m.stemTheme[k]
	if m.hits[t] == 0 {
		m.touched = append(m.touched, t)
	}
	m.hits[t]++
}

// MatchThemes returns the ids of the themes of r that text carries, in
// rubric order (for tests and tools; the scorer keeps its own matcher).
func MatchThemes(r *Rubric, text string) []string {
	m := newThemeMatcher(r.Themes)
	var out []string
	for _, t := range m.scan(text) {
		out = append(out, r.Themes[t].ID)
	}
	return out
}
