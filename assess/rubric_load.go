package assess

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxRubricSize bounds a rubric file; real ones are tens of kilobytes.
const MaxRubricSize = 16 << 20

// LoadRubric parses and validates a rubric file. name is used in error
// positions. On failure it returns an ErrorList holding every problem of
// the file, each with its line and column.
func LoadRubric(name string, data []byte) (*Rubric, error) {
	if len(data) > MaxRubricSize {
		return nil, ErrorList{Errorf(Position{File: name, Line: 1, Col: 1}, "rubric is %d bytes; the limit is %d", len(data), MaxRubricSize)}
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8Offset(data))
		return nil, ErrorList{Errorf(Position{File: name, Line: line, Col: col}, "invalid UTF-8; save the rubric as UTF-8")}
	}
	ix := indexTOML(name, data)
	if ix.err != nil {
		return nil, ErrorList{ix.err}
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, ErrorList{tomlError(name, err)}
	}
	var errs ErrorList
	root := &tomlTable{m: raw, ix: ix, errs: &errs, used: map[string]bool{}}
	sum := sha256.Sum256(data)
	r := &Rubric{SHA256: hex.EncodeToString(sum[:]), Source: name, Bytes: data}
	l := &loader{r: r, root: root, broken: map[string]bool{}}
	l.top()
	l.scales()
	l.dimensions()
	l.frameworks()
	l.questions()
	l.linkMaps()
	l.levels()
	l.checkDimLevels()
	l.flags()
	l.checks()
	l.recommendations()
	l.themes()
	root.done()
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return r, nil
}

// tomlError turns a parse error into a positioned one.
func tomlError(name string, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := unquoteFound(pe.Message)
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = fmt.Sprintf("%s (after key %q)", msg, pe.LastKey)
		}
		return &Error{Pos: Position{File: name, Line: max(pe.Position.Line, 1), Col: max(pe.Position.Col, 1)}, Msg: "TOML syntax: " + msg, Err: err}
	}
	return &Error{Pos: Position{File: name, Line: 1, Col: 1}, Msg: err.Error(), Err: err}
}

// tomlFoundRE matches what a TOML parser's message quotes of the file.
var tomlFoundRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)

// unquoteFound takes out of a TOML parser's message the text it quotes
// from the file ("expected value but found \"AKIA...\" instead"): a file
// that did not parse may be anything (a key file named by mistake), so
// none of it is shown; the position says where to look. A rune (':',
// '\x') stays, as does the name of a key: they say what is wrong, and a
// secret is a value.
func unquoteFound(msg string) string {
	var b strings.Builder
	last := 0
	for _, m := range tomlFoundRE.FindAllStringIndex(msg, -1) {
		q := msg[m[0]:m[1]]
		keep := q[0] == '\'' && len(q) <= 4 || // a rune, as %q writes it
			strings.HasSuffix(msg[:m[0]], "Key ") || // a key's name
			m[0] == 0 && strings.HasPrefix(msg[m[1]:], " is not a table")
		b.WriteString(msg[last:m[0]])
		if keep {
			b.WriteString(q)
		} else {
			b.WriteString("something else")
		}
		last = m[1]
	}
	b.WriteString(msg[last:])
	return b.String()
}

type loader struct {
	r    *Rubric
	root *tomlTable
	// broken holds "kind:id" of entries that exist but were rejected, so
	// that references to them add no second, misleading error.
	broken map[string]bool
	// dimLevels are the dimensions' [dimension.levels] tables, checked
	// against the levels once those are read.
	dimLevels []*tomlTable
	// outcomeID is the top-level outcome's question id, and outcomeAt
	// where that question was found.
	outcomeID string
	outcomeAt Position
}

// checkDimLevels refuses a dimension's text for a level the rubric does
// not have.
func (l *loader) checkDimLevels() {
	var ids []string
	for _, lv := range l.r.Levels {
		ids = append(ids, lv.ID)
	}
	for _, t := range l.dimLevels {
		keys := make([]string, 0, len(t.m))
		for k := range t.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if l.r.levels[k] == nil && !l.known("level", k) {
				t.errorf(t.pos(k), "levels: unknown level %q (levels: %s)", k, Summarize(ids))
			}
		}
	}
}

func (l *loader) known(kind, id string) bool { return l.broken[kind+":"+id] }

func (l *loader) top() {
	t, r := l.root, l.r
	t.required("format")
	r.Format = t.integer("format", 0)
	if t.has("format") && r.Format != 1 {
		t.errorf(t.pos("format"), "format %d is not supported; this aiready reads format 1", r.Format)
	}
	for _, k := range []string{"id", "title", "version"} {
		t.required(k)
	}
	r.ID = t.str("id")
	r.Title = t.str("title")
	r.Version = t.str("version")
	r.Language = t.str("language")
	if r.Language == "" {
		r.Language = "en"
	}
	r.Description = t.str("description")
	r.Target = t.num("target", 75)
	if r.Target < 0 || r.Target > 100 {
		t.errorf(t.pos("target"), "target %g must be between 0 and 100", r.Target)
	}
	r.MinAnswered = t.num("min_answered", 0.5)
	if r.MinAnswered < 0 || r.MinAnswered > 1 {
		t.errorf(t.pos("min_answered"), "min_answered %g must be between 0 and 1", r.MinAnswered)
	}
	if t.has("id") && r.ID == "" {
		t.errorf(t.pos("id"), "id must not be empty")
	}
	l.outcomeID = t.str("outcome")
}

// ids checks that an id is present and unique in its kind.
func checkID(t *tomlTable, kind, id string, seen map[string]bool) bool {
	if !t.has("id") {
		t.required("id")
		return false
	}
	if id == "" {
		t.errorf(t.pos("id"), "%s id must not be empty", kind)
		return false
	}
	if seen[id] {
		t.errorf(t.pos("id"), "duplicate %s id %q", kind, id)
		return false
	}
	seen[id] = true
	return true
}

func (l *loader) scales() {
	r := l.r
	r.scales = map[string]*Scale{}
	m := l.root.table("scales")
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	// Keep the file's order.
	sortByPos(ids, func(id string) Position { return l.root.pos("scales", id) })
	for _, id := range ids {
		st, ok := m[id].(map[string]any)
		if !ok {
			l.root.errorf(l.root.pos("scales", id), "scale %q must be a table", id)
			continue
		}
		t := l.root.child(st, tomlPath("scales", id), fmt.Sprintf("scale %q", id))
		s := &Scale{ID: id}
		t.required("points")
		t.required("labels")
		s.Points = t.nums("points")
		s.Labels = t.strs("labels")
		s.Skip = t.strs("skip")
		t.done()
		if t.has("points") && len(s.Points) < 2 {
			t.errorf(t.pos("points"), "points needs at least two numbers")
		}
		for i := 1; i < len(s.Points); i++ {
			if s.Points[i] <= s.Points[i-1] {
				t.errorf(t.pos("points", i), "points must rise strictly: %g follows %g", s.Points[i], s.Points[i-1])
				break
			}
		}
		if t.has("points") && t.has("labels") && len(s.Labels) != len(s.Points) {
			t.errorf(t.pos("labels"), "%d labels for %d points; give one label per point", len(s.Labels), len(s.Points))
		}
		checkLabels(t, "labels", s.Labels, s.Skip)
		r.scales[id] = s
		r.Scales = append(r.Scales, s)
	}
}

// checkLabels rejects labels that match each other or a skip answer after
// normalisation, since an answer could then not be told apart.
func checkLabels(t *tomlTable, key string, labels, skip []string) {
	seen := map[string]bool{}
	for i, lb := range labels {
		n := Normalize(lb)
		if n == "" {
			t.errorf(t.pos(key, i), "%s[%d] is empty", key, i)
			continue
		}
		if seen[n] {
			t.errorf(t.pos(key, i), "label %q appears twice", lb)
		}
		seen[n] = true
	}
	for i, s := range skip {
		if seen[Normalize(s)] {
			t.errorf(t.pos("skip", i), "skip answer %q is also an answer label", s)
		}
	}
}

func (l *loader) dimensions() {
	r := l.r
	r.dimensions = map[string]*Dimension{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("dimension") {
		t := l.root.child(m, tomlPath("dimension", i), "")
		d := &Dimension{Index: len(r.Dimensions)}
		d.ID = t.str("id")
		t.what = fmt.Sprintf("dimension %q", d.ID)
		ok := checkID(t, "dimension", d.ID, seen)
		t.required("title")
		d.Title = t.str("title")
		d.Weight = t.num("weight", 1)
		if d.Weight <= 0 {
			t.errorf(t.pos("weight"), "weight %g must be greater than 0", d.Weight)
		}
		d.Description = t.str("description")
		if m := t.table("levels"); m != nil {
			lt := t.child(m, tomlPath("dimension", i, "levels"), t.what)
			d.Levels = map[string]string{}
			for k := range m {
				d.Levels[k] = lt.str(k)
			}
			l.dimLevels = append(l.dimLevels, lt)
		}
		t.done()
		if !ok {
			l.broken["dimension:"+d.ID] = true
		} else {
			r.dimensions[d.ID] = d
			r.Dimensions = append(r.Dimensions, d)
		}
	}
	if len(r.Dimensions) == 0 && !l.root.has("dimension") {
		l.root.errorf(Position{File: r.Source, Line: 1, Col: 1}, "no [[dimension]]: a rubric needs at least one")
	}
}

func (l *loader) questions() {
	r := l.r
	r.questions = map[string]*Question{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("question") {
		t := l.root.child(m, tomlPath("question", i), "")
		q := &Question{}
		q.ID = t.str("id")
		t.what = fmt.Sprintf("question %q", q.ID)
		ok := checkID(t, "question", q.ID, seen)
		outcome := q.ID != "" && q.ID == l.outcomeID
		for _, k := range []string{"dimension", "text"} {
			if k != "dimension" || !outcome {
				t.required(k)
			}
		}
		q.Dimension = t.str("dimension")
		l.broken["mentioned:"+q.Dimension] = true
		q.Text = t.str("text")
		q.Type = t.str("type")
		if q.Type == "" {
			q.Type = TypeScale
		}
		q.Scale = t.str("scale")
		q.Weight = t.num("weight", 1)
		q.Reverse = t.boolean("reverse")
		q.Aliases = t.strs("aliases")
		q.Skip = t.strs("skip")
		var mapsOK bool
		q.Maps, mapsOK = l.maps(t, q)
		ok = ok && mapsOK
		if t.has("weight") && q.Weight <= 0 {
			t.errorf(t.pos("weight"), "weight %g must be greater than 0", q.Weight)
		}
		if t.has("dimension") {
			if q.Dim = r.dimensions[q.Dimension]; q.Dim == nil {
				if !l.known("dimension", q.Dimension) {
					t.errorf(t.pos("dimension"), "unknown dimension %q%s", q.Dimension, didYouMean(q.Dimension, dimensionIDs(r)))
				}
				ok = false
			}
		}
		switch q.Type {
		case TypeScale:
			if !t.has("scale") {
				t.errorf(t.pos(), "missing required key \"scale\" (a scale question needs a scale)")
				ok = false
			} else if q.ScaleDef = r.scales[q.Scale]; q.ScaleDef == nil {
				t.errorf(t.pos("scale"), "unknown scale %q (%s)", q.Scale, l.scaleHint())
				ok = false
			} else if len(q.ScaleDef.Points) >= 2 {
				q.lo, q.hi = q.ScaleDef.Points[0], q.ScaleDef.Points[len(q.ScaleDef.Points)-1]
			} else {
				ok = false
			}
			if t.has("options") {
				t.errorf(t.pos("options"), "a scale question takes a scale, not options")
			}
		case TypeChoice, TypeMulti:
			if t.has("scale") {
				t.errorf(t.pos("scale"), "a %s question takes options, not a scale", q.Type)
			}
			ok = l.options(t, q) && ok
		case TypeText:
			if t.has("reverse") || t.has("weight") {
				t.errorf(t.pos("type"), "a text question is not scored, so it takes no weight or reverse")
			}
		default:
			t.errorf(t.pos("type"), "unknown type %q: use scale, choice, multi or text", q.Type)
			t.get("options")
			ok = false
		}
		t.done()
		if q.Dim == nil && !(outcome && !t.has("dimension")) {
			ok = false
		}
		if !ok {
			l.broken["question:"+q.ID] = true
		} else {
			q.Index = len(r.Questions)
			q.m = newAnswerMatcher(q)
			r.questions[q.ID] = q
			r.Questions = append(r.Questions, q)
			if q.Dim != nil {
				q.Dim.Questions = append(q.Dim.Questions, q)
				if q.Scored() {
					q.Dim.TotalWeight += q.Weight
				}
			}
		}
		if outcome {
			l.outcomeAt = t.pos()
			if t.has("dimension") {
				t.errorf(t.pos("dimension"), "question %q is the rubric's outcome, which the dimensions drive: it names no dimension and is not scored", q.ID)
			} else if q.Type != TypeScale {
				t.errorf(t.pos("type"), "question %q is the rubric's outcome: it must be a scale question, not %s", q.ID, q.Type)
			} else if ok {
				r.Outcome = q
			}
		}
	}
	if l.outcomeID != "" && l.outcomeAt == (Position{}) && !l.known("question", l.outcomeID) {
		l.root.errorf(l.root.pos("outcome"), "outcome: unknown question %q%s", l.outcomeID, didYouMean(l.outcomeID, questionIDs(r)))
	}
	for _, d := range r.Dimensions {
		// A dimension whose questions were all rejected has errors enough.
		if d.TotalWeight == 0 && (len(d.Questions) > 0 || !l.known("mentioned", d.ID)) {
			l.root.errorf(l.root.pos("dimension", d.Index), "dimension %q has no scored question", d.ID)
		}
	}
}

func (l *loader) options(t *tomlTable, q *Question) bool {
	if !t.has("options") {
		t.errorf(t.pos(), "missing required key \"options\" (a %s question needs options)", q.Type)
		return false
	}
	var labels []string
	for i, m := range t.tables("options") {
		o := t.child(m, tomlPath(t.path, "options", i), t.what)
		o.required("label")
		o.required("points")
		opt := Option{Label: o.str("label"), Points: o.num("points", 0)}
		o.done()
		q.Options = append(q.Options, opt)
		labels = append(labels, opt.Label)
	}
	checkLabels(t, "options", labels, q.Skip)
	if len(q.Options) < 2 {
		t.errorf(t.pos("options"), "a %s question needs at least two options", q.Type)
		return false
	}
	q.lo, q.hi = math.Inf(1), math.Inf(-1)
	var positive float64
	for _, o := range q.Options {
		q.lo, q.hi = min(q.lo, o.Points), max(q.hi, o.Points)
		if o.Points > 0 {
			positive += o.Points
		}
	}
	if q.Type == TypeMulti {
		q.lo, q.hi = 0, positive
		if positive == 0 {
			t.errorf(t.pos("options"), "a multi question needs an option with positive points")
			return false
		}
	} else if q.lo == q.hi {
		t.errorf(t.pos("options"), "every option has %g points; options must differ to score", q.lo)
		return false
	}
	return true
}

func (l *loader) levels() {
	r := l.r
	r.levels = map[string]*Level{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("level") {
		t := l.root.child(m, tomlPath("level", i), "")
		lv := &Level{}
		lv.ID = t.str("id")
		t.what = fmt.Sprintf("level %q", lv.ID)
		ok := checkID(t, "level", lv.ID, seen)
		t.required("title")
		t.required("min")
		lv.Title = t.str("title")
		lv.Min = t.num("min", 0)
		lv.Description = t.str("description")
		t.done()
		if n := len(r.Levels); t.has("min") {
			switch {
			case n == 0 && lv.Min != 0:
				t.errorf(t.pos("min"), "the first level must have min = 0, not %g", lv.Min)
			case n > 0 && lv.Min <= r.Levels[n-1].Min:
				t.errorf(t.pos("min"), "min %g must be above the previous level's %g: levels rise", lv.Min, r.Levels[n-1].Min)
			case lv.Min > 100:
				t.errorf(t.pos("min"), "min %g is above 100", lv.Min)
			}
		}
		if !ok {
			l.broken["level:"+lv.ID] = true
		} else {
			lv.Index = len(r.Levels)
			r.levels[lv.ID] = lv
			r.Levels = append(r.Levels, lv)
		}
	}
	if len(r.Levels) == 0 && !l.root.has("level") {
		l.root.errorf(Position{File: r.Source, Line: 1, Col: 1}, "no [[level]]: a rubric needs at least one level, the first with min = 0")
	}
}

func (l *loader) flags() {
	r := l.r
	r.flags = map[string]*Flag{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("flag") {
		t := l.root.child(m, tomlPath("flag", i), "")
		f := &Flag{}
		f.ID = t.str("id")
		t.what = fmt.Sprintf("flag %q", f.ID)
		ok := checkID(t, "flag", f.ID, seen)
		t.required("title")
		f.Title = t.str("title")
		f.Severity = t.str("severity")
		switch f.Severity {
		case "":
			f.Severity = "medium"
		case "low", "medium", "high":
		default:
			t.errorf(t.pos("severity"), "severity %q: use low, medium or high", f.Severity)
		}
		f.Share = t.num("share", 0.25)
		if f.Share <= 0 || f.Share > 1 {
			t.errorf(t.pos("share"), "share %g must be above 0 and at most 1", f.Share)
		}
		f.Caps = t.str("caps")
		if f.Caps != "" && r.levels[f.Caps] == nil && !l.known("level", f.Caps) {
			t.errorf(t.pos("caps"), "unknown level %q%s", f.Caps, didYouMean(f.Caps, levelIDs(r)))
		}
		f.Body = t.str("body")
		if !t.has("when") {
			t.errorf(t.pos(), "a flag needs at least one [[flag.when]] condition")
		}
		for j, cm := range t.tables("when") {
			ct := t.child(cm, tomlPath(t.path, "when", j), t.what)
			c, cok := l.condition(ct)
			ct.done()
			ok = ok && cok
			f.When = append(f.When, c)
		}
		t.done()
		if !ok {
			l.broken["flag:"+f.ID] = true
		} else {
			f.Index = len(r.Flags)
			r.flags[f.ID] = f
			r.Flags = append(r.Flags, f)
		}
	}
}

func (l *loader) condition(t *tomlTable) (Condition, bool) {
	r := l.r
	c := Condition{Question: t.str("question"), Dimension: t.str("dimension"), Is: t.strs("is"), Min: t.optNum("min"), Max: t.optNum("max")}
	switch {
	case t.has("question") == t.has("dimension"):
		t.errorf(t.pos(), "a condition names exactly one question or one dimension")
		return c, false
	case c.Min == nil && c.Max == nil && len(c.Is) == 0:
		t.errorf(t.pos(), "a condition needs is, min or max")
		return c, false
	case c.Min != nil && c.Max != nil && *c.Min > *c.Max:
		t.errorf(t.pos("min"), "min %g is above max %g: nobody can match", *c.Min, *c.Max)
	}
	if t.has("dimension") {
		if c.dim = r.dimensions[c.Dimension]; c.dim == nil {
			if !l.known("dimension", c.Dimension) {
				t.errorf(t.pos("dimension"), "unknown dimension %q%s", c.Dimension, didYouMean(c.Dimension, dimensionIDs(r)))
			}
			return c, false
		}
		if t.has("is") {
			t.errorf(t.pos("is"), "a dimension condition takes min or max, not is")
			return c, false
		}
		return c, true
	}
	if c.q = r.questions[c.Question]; c.q == nil {
		if !l.known("question", c.Question) {
			t.errorf(t.pos("question"), "unknown question %q%s", c.Question, didYouMean(c.Question, questionIDs(r)))
		}
		return c, false
	}
	if !c.q.Scored() {
		t.errorf(t.pos("question"), "question %q is a text question; a condition needs a scored one", c.Question)
		return c, false
	}
	if len(c.Is) == 0 {
		return c, true
	}
	n := len(c.q.Options)
	if c.q.Type == TypeScale {
		n = len(c.q.ScaleDef.Labels)
	}
	c.is = make([]bool, n)
	ok := true
	for i, s := range c.Is {
		idx, found := c.q.m.label[Normalize(s)]
		if !found {
			t.errorf(t.pos("is", i), "question %q has no option %q", c.Question, s)
			ok = false
			continue
		}
		c.is[idx] = true
	}
	return c, ok
}

func (l *loader) recommendations() {
	r := l.r
	r.recs = map[string]*Recommendation{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("recommendation") {
		t := l.root.child(m, tomlPath("recommendation", i), "")
		rc := &Recommendation{}
		rc.ID = t.str("id")
		t.what = fmt.Sprintf("recommendation %q", rc.ID)
		ok := checkID(t, "recommendation", rc.ID, seen)
		t.required("title")
		t.required("horizon")
		rc.Title = t.str("title")
		rc.Horizon = t.integer("horizon", 0)
		if t.has("horizon") && rc.Horizon != 30 && rc.Horizon != 60 && rc.Horizon != 90 {
			t.errorf(t.pos("horizon"), "horizon %d: use 30, 60 or 90 (days)", rc.Horizon)
		}
		rc.Body = t.str("body")
		rc.Dimension = t.str("dimension")
		rc.Levels = t.strs("levels")
		rc.Flag = t.str("flag")
		rc.Check = t.str("check")
		switch {
		case t.has("check") && (t.has("flag") || t.has("dimension") || t.has("levels")):
			t.errorf(t.pos("check"), "give either check, flag, or dimension with levels, not more than one")
			ok = false
		case t.has("check"):
			if r.checks[rc.Check] == nil {
				if !l.known("check", rc.Check) {
					t.errorf(t.pos("check"), "unknown check %q%s", rc.Check, didYouMean(rc.Check, checkIDs(r)))
				}
				ok = false
			}
		case t.has("flag") && (t.has("dimension") || t.has("levels")):
			t.errorf(t.pos("flag"), "give either flag, or dimension with levels, not both")
			ok = false
		case t.has("flag"):
			if r.flags[rc.Flag] == nil {
				if !l.known("flag", rc.Flag) {
					t.errorf(t.pos("flag"), "unknown flag %q%s", rc.Flag, didYouMean(rc.Flag, flagIDs(r)))
				}
				ok = false
			}
		case !t.has("dimension") || !t.has("levels"):
			t.errorf(t.pos(), "a recommendation needs dimension with levels, flag or check")
			ok = false
		default:
			if r.dimensions[rc.Dimension] == nil {
				if !l.known("dimension", rc.Dimension) {
					t.errorf(t.pos("dimension"), "unknown dimension %q%s", rc.Dimension, didYouMean(rc.Dimension, dimensionIDs(r)))
				}
				ok = false
			}
			if len(rc.Levels) == 0 {
				t.errorf(t.pos("levels"), "levels is empty: name the levels at which this is shown")
			}
			for j, lv := range rc.Levels {
				if r.levels[lv] == nil {
					if !l.known("level", lv) {
						t.errorf(t.pos("levels", j), "unknown level %q%s", lv, didYouMean(lv, levelIDs(r)))
					}
					ok = false
				}
			}
		}
		t.done()
		if ok {
			r.recs[rc.ID] = rc
			r.Recommendations = append(r.Recommendations, rc)
		}
	}
}

// scaleHint names the rubric's scales, for "unknown scale": the scale
// meant is most often one of them, misspelt or renamed.
func (l *loader) scaleHint() string {
	if len(l.r.Scales) == 0 {
		return "the rubric has no [scales.NAME] table"
	}
	return "scales: " + idList(scaleIDs(l.r))
}

// didYouMean is "; did you mean "x"?" for the candidate nearest to s, or
// "" when none is near enough to be a likely typo, as a mistyped command
// is answered.
func didYouMean(s string, candidates []string) string {
	if c := nearest(s, candidates); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// nearest returns the first of candidates closest to s, ignoring case,
// within one edit (two for names of six characters or more; a swap of
// two neighbours is one edit), or "". A one-letter s suggests nothing.
func nearest(s string, candidates []string) string {
	if len(s) > 100 {
		return "" // a key or id of the file; no name of ours is that long
	}
	a := []rune(strings.ToLower(s))
	limit := 1
	if len(a) >= 6 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		b := []rune(strings.ToLower(c))
		if c == s || len(a)-len(b) > limit || len(b)-len(a) > limit {
			continue // the distance is at least the difference in length
		}
		if onlyDigitsDiffer(a, b) {
			continue // q9 is not a typo of q1, nor agree7 of agree5
		}
		if d := editDistance(a, b); d < bestD && d < len(a) {
			best, bestD = c, d
		}
	}
	return best
}

// onlyDigitsDiffer reports whether a and b differ, but only in their
// digits: numbered ids that the rubric's author meant as distinct.
func onlyDigitsDiffer(a, b []rune) bool {
	letters := func(r []rune) string {
		var sb strings.Builder
		for _, c := range r {
			if c < '0' || c > '9' {
				sb.WriteRune(c)
			}
		}
		return sb.String()
	}
	return string(a) != string(b) && letters(a) == letters(b)
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one.
func editDistance(a, b []rune) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}

// idList lists ids for a message, "agree5, freq5": as many as fit in 60
// characters (a long id cut to 30), then how many more. Messages quote
// at most 80 characters of anything, and this list is one of them.
func idList(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		id = truncate(id, 30)
		if i > 0 && utf8.RuneCountInString(b.String())+2+utf8.RuneCountInString(id) > 60 {
			fmt.Fprintf(&b, " and %d more", len(ids)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(id)
	}
	return b.String()
}

// dimensionIDs, levelIDs ... list a rubric's ids in file order, for
// messages.
func dimensionIDs(r *Rubric) []string {
	out := make([]string, len(r.Dimensions))
	for i, d := range r.Dimensions {
		out[i] = d.ID
	}
	return out
}

func scaleIDs(r *Rubric) []string {
	out := make([]string, len(r.Scales))
	for i, s := range r.Scales {
		out[i] = s.ID
	}
	return out
}

func levelIDs(r *Rubric) []string {
	out := make([]string, len(r.Levels))
	for i, l := range r.Levels {
		out[i] = l.ID
	}
	return out
}

func flagIDs(r *Rubric) []string {
	out := make([]string, len(r.Flags))
	for i, f := range r.Flags {
		out[i] = f.ID
	}
	return out
}

func checkIDs(r *Rubric) []string {
	out := make([]string, len(r.Checks))
	for i, c := range r.Checks {
		out[i] = c.ID
	}
	return out
}

func questionIDs(r *Rubric) []string {
	out := make([]string, len(r.Questions))
	for i, q := range r.Questions {
		out[i] = q.ID
	}
	return out
}

func recommendationIDs(r *Rubric) []string {
	out := make([]string, len(r.Recommendations))
	for i, rc := range r.Recommendations {
		out[i] = rc.ID
	}
	return out
}

// checks reads the [[check]] tables. An evidence id names a figure of a
// project, which the rubric cannot know: it is checked only for being
// given; a check whose evidence a project lacks is not evaluated (null).
func (l *loader) checks() {
	r := l.r
	r.checks = map[string]*Check{}
	seen := map[string]bool{}
	for i, m := range l.root.tables("check") {
		t := l.root.child(m, tomlPath("check", i), "")
		c := &Check{Pos: t.pos()}
		c.ID = t.str("id")
		t.what = fmt.Sprintf("check %q", c.ID)
		ok := checkID(t, "check", c.ID, seen)
		t.required("title")
		c.Title = t.str("title")
		c.Severity = t.str("severity")
		switch c.Severity {
		case "":
			c.Severity = "medium"
		case "low", "medium", "high":
		default:
			t.errorf(t.pos("severity"), "severity %q: use low, medium or high", c.Severity)
		}
		c.Caps = t.str("caps")
		if c.Caps != "" && r.levels[c.Caps] == nil && !l.known("level", c.Caps) {
			t.errorf(t.pos("caps"), "unknown level %q%s", c.Caps, didYouMean(c.Caps, levelIDs(r)))
		}
		c.Body = t.str("body")
		t.required("min")
		c.Min = t.num("min", 0)
		if c.Min < 0 || c.Min > 100 {
			t.errorf(t.pos("min"), "min %g must be between 0 and 100", c.Min)
		}
		dimKey := "dimension"
		switch {
		case t.has("evidence") && t.has("gap"):
			t.used["evidence"], t.used["gap"] = true, true
			t.errorf(t.pos("gap"), "a check takes either evidence (with dimension and worsened_by) or gap (with attribute), not both")
			ok = false
		case t.has("gap"):
			c.Kind, dimKey = CheckGap, "gap"
			c.Dimension = t.str("gap")
			t.required("attribute")
			c.Attribute = t.str("attribute")
			if t.has("attribute") && strings.TrimSpace(c.Attribute) == "" {
				t.errorf(t.pos("attribute"), "attribute must not be empty")
			}
			for _, k := range []string{"dimension", "worsened_by"} {
				if t.has(k) {
					t.errorf(t.pos(k), "%s is for an evidence check; a gap check names its dimension in gap", k)
				}
			}
		case t.has("evidence"):
			c.Kind = CheckEvidence
			c.Evidence = t.str("evidence")
			if t.has("evidence") && c.Evidence == "" {
				t.errorf(t.pos("evidence"), "evidence must not be empty")
			}
			t.required("dimension")
			c.Dimension = t.str("dimension")
			t.required("worsened_by")
			c.WorsenedBy = t.num("worsened_by", 0)
			if t.has("worsened_by") && !(c.WorsenedBy > 0) {
				t.errorf(t.pos("worsened_by"), "worsened_by %g must be greater than 0", c.WorsenedBy)
			}
			if t.has("attribute") {
				t.errorf(t.pos("attribute"), "attribute is for a gap check")
			}
		default:
			t.errorf(t.pos(), "a check needs evidence (with dimension, min and worsened_by) or gap (with attribute and min)")
			ok = false
		}
		for _, k := range []string{"dimension", "worsened_by", "attribute"} {
			t.used[k] = true // misplaced ones are named above
		}
		if c.Kind != "" && t.has(dimKey) && r.dimensions[c.Dimension] == nil {
			if !l.known("dimension", c.Dimension) {
				t.errorf(t.pos(dimKey), "unknown dimension %q%s", c.Dimension, didYouMean(c.Dimension, dimensionIDs(r)))
			}
			ok = false
		}
		t.done()
		if !ok || c.Kind == "" || c.Dimension == "" {
			l.broken["check:"+c.ID] = true
			continue
		}
		c.Index = len(r.Checks)
		r.checks[c.ID] = c
		r.Checks = append(r.Checks, c)
	}
}
