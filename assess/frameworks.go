package assess

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Framework is a standard or a law that the rubric's questions bear on,
// such as the EU AI Act: its clauses, each with a short title, and for
// each clause the questions that map to it (a question's maps).
type Framework struct {
	ID    string
	Title string
	// Clauses are in the file's order; a clause that no question maps
	// to is kept, with no questions.
	Clauses []*Clause
	Index   int

	clauses map[string]*Clause
}

// Clause is one article, subcategory or control of a framework.
type Clause struct {
	ID        string
	Title     string
	Framework *Framework
	// Questions are the questions that map to the clause, in rubric order.
	Questions []*Question
}

// Key is the clause as a question's maps names it: "EU-AI-Act:Art.4".
func (c *Clause) Key() string { return c.Framework.ID + ":" + c.ID }

// Clause returns the framework's clause with the id, or nil.
func (f *Framework) Clause(id string) *Clause { return f.clauses[id] }

// Framework returns the framework with the id, or nil.
func (r *Rubric) Framework(id string) *Framework {
	for _, f := range r.Frameworks {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// Bounds on the frameworks of a rubric. A real rubric names a few
// frameworks, tens of clauses each, and a question bears on a handful:
// the limits only stop files that are not rubrics, and keep every title a
// line of the report.
const (
	maxFrameworks       = 50
	maxClauses          = 1000 // per framework
	maxMaps             = 50   // per question
	maxFrameworkIDLen   = 40   // characters of a framework's or a clause's id
	maxFrameworkTitle   = 200  // characters of a framework's or a clause's title
	frameworkMapExample = "EU-AI-Act:Art.4"
)

// frameworkIDRE is what a framework's and a clause's id may be: letters,
// digits and a few marks ("EU-AI-Act", "Art.4", "GOVERN-3.2", "A.6.2.6"),
// never a colon, which separates them in maps.
var frameworkIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._()/-]*$`)

// frameworks reads the [frameworks.ID] tables: a title and a table of
// clauses, each a clause id and its title.
func (l *loader) frameworks() {
	r := l.r
	m := l.root.table("frameworks")
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	if len(ids) > maxFrameworks {
		l.root.errorf(l.root.pos("frameworks"), "more than %d frameworks (%d); a report names a few", maxFrameworks, len(ids))
		return
	}
	sortByPos(ids, func(id string) Position { return l.root.pos("frameworks", id) })
	for _, id := range ids {
		what := fmt.Sprintf("framework %q", id)
		ft, ok := m[id].(map[string]any)
		if !ok {
			l.root.errorf(l.root.pos("frameworks", id), "%s must be a table with title and clauses", what)
			continue
		}
		t := l.root.child(ft, tomlPath("frameworks", id), what)
		good := checkFrameworkID(t, t.pos(), "framework", id)
		f := &Framework{ID: id, clauses: map[string]*Clause{}}
		t.required("title")
		f.Title = t.str("title")
		checkFrameworkTitle(t, "title", f.Title)
		t.required("clauses")
		if cm := t.table("clauses"); cm != nil {
			l.clauses(t, f, cm)
		}
		t.done()
		if !good {
			l.broken["framework:"+id] = true
			continue
		}
		f.Index = len(r.Frameworks)
		r.Frameworks = append(r.Frameworks, f)
	}
}

func (l *loader) clauses(t *tomlTable, f *Framework, cm map[string]any) {
	ct := t.child(cm, tomlPath(t.path, "clauses"), t.what)
	if len(cm) == 0 {
		t.errorf(t.pos("clauses"), "clauses is empty: name each clause and its title, such as \"Art.4\" = \"AI literacy of staff\"")
		return
	}
	if len(cm) > maxClauses {
		t.errorf(t.pos("clauses"), "more than %d clauses (%d); name the clauses the questions bear on", maxClauses, len(cm))
		for k := range cm {
			ct.used[k] = true
		}
		return
	}
	keys := make([]string, 0, len(cm))
	for k := range cm {
		keys = append(keys, k)
	}
	sortByPos(keys, func(k string) Position { return ct.pos(k) })
	for _, k := range keys {
		if _, ok := cm[k].(string); !ok {
			ct.used[k] = true
			ct.errorf(ct.pos(k), "clause %q: its title must be a string, not %s", k, tomlType(cm[k]))
			continue
		}
		title := ct.str(k)
		if !checkFrameworkID(ct, ct.pos(k), "clause", k) {
			continue
		}
		if strings.TrimSpace(title) == "" {
			ct.errorf(ct.pos(k), "clause %q: its title is empty; say in a few words what the clause is about", k)
			continue
		}
		checkFrameworkTitle(ct, k, title)
		c := &Clause{ID: k, Title: title, Framework: f}
		f.clauses[k] = c
		f.Clauses = append(f.Clauses, c)
	}
	ct.done()
}

// checkFrameworkID refuses an id that a question's maps could not name.
func checkFrameworkID(t *tomlTable, pos Position, kind, id string) bool {
	switch {
	case utf8.RuneCountInString(id) > maxFrameworkIDLen:
		t.errorf(pos, "%s id %q is longer than %d characters", kind, id, maxFrameworkIDLen)
	case !frameworkIDRE.MatchString(id):
		t.errorf(pos, "%s id %q: use letters, digits and . - _ ( ) / only, starting with a letter or digit", kind, id)
	default:
		return true
	}
	return false
}

func checkFrameworkTitle(t *tomlTable, key, title string) {
	if n := utf8.RuneCountInString(title); n > maxFrameworkTitle {
		t.errorf(t.pos(key), "title of %d characters; keep it under %d, a short title in your own words", n, maxFrameworkTitle)
	}
}

// maps reads a question's maps: each "FRAMEWORK:CLAUSE" must name a
// clause of the rubric's frameworks. It returns the clauses named, once
// each, and false when one is wrong.
func (l *loader) maps(t *tomlTable, q *Question) ([]*Clause, bool) {
	if !t.has("maps") {
		return nil, true
	}
	if !q.Scored() {
		t.get("maps")
		t.errorf(t.pos("maps"), "a text question is not scored, so it takes no maps")
		return nil, false
	}
	entries := t.strs("maps")
	if len(entries) > maxMaps {
		t.errorf(t.pos("maps"), "more than %d maps (%d); name the clauses the question bears on most", maxMaps, len(entries))
		return nil, false
	}
	var out []*Clause
	seen := map[*Clause]bool{}
	ok := true
	for i, e := range entries {
		c := l.clause(t, i, e)
		if c == nil {
			ok = false
			continue
		}
		if seen[c] {
			t.errorf(t.pos("maps", i), "maps[%d] repeats %q", i, e)
			ok = false
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out, ok
}

// clause resolves maps[i], e, or says at its position why it cannot.
func (l *loader) clause(t *tomlTable, i int, e string) *Clause {
	fid, cid, found := strings.Cut(e, ":")
	if !found || fid == "" || cid == "" {
		t.errorf(t.pos("maps", i), "maps[%d] %q: write FRAMEWORK:CLAUSE, such as %q", i, e, frameworkMapExample)
		return nil
	}
	f := l.r.Framework(fid)
	if f == nil {
		if l.known("framework", fid) {
			return nil // its table has errors enough
		}
		hint := didYouMean(fid, frameworkIDs(l.r))
		if hint == "" {
			hint = " (" + l.frameworkHint() + ")"
		}
		t.errorf(t.pos("maps", i), "maps[%d]: unknown framework %q%s", i, fid, hint)
		return nil
	}
	c := f.clauses[cid]
	if c == nil {
		ids := make([]string, len(f.Clauses))
		for j, c := range f.Clauses {
			ids[j] = c.ID
		}
		hint := didYouMean(cid, ids)
		if hint == "" && len(ids) > 0 {
			hint = " (clauses: " + idList(ids) + ")"
		}
		t.errorf(t.pos("maps", i), "maps[%d]: framework %q has no clause %q%s", i, fid, cid, hint)
	}
	return c
}

// frameworkHint names the rubric's frameworks, for "unknown framework".
func (l *loader) frameworkHint() string {
	if len(l.r.Frameworks) == 0 {
		return "the rubric has no [frameworks.NAME] table"
	}
	return "frameworks: " + idList(frameworkIDs(l.r))
}

func frameworkIDs(r *Rubric) []string {
	out := make([]string, len(r.Frameworks))
	for i, f := range r.Frameworks {
		out[i] = f.ID
	}
	return out
}

// linkMaps records on each clause the questions that map to it, in
// rubric order; called once the questions are read.
func (l *loader) linkMaps() {
	for _, q := range l.r.Questions {
		for _, c := range q.Maps {
			c.Questions = append(c.Questions, q)
		}
	}
}

// FrameworkResult is results.json's record of one clause that questions
// bear on: the framework's id, the clause's id and the questions' ids in
// rubric order (their figures are under "questions").
type FrameworkResult struct {
	Framework string   `json:"framework"`
	Clause    string   `json:"clause"`
	Questions []string `json:"questions"`
}

// frameworkResults lists every clause with at least one question, by
// framework then clause, each in the rubric's order.
func frameworkResults(r *Rubric) []FrameworkResult {
	out := []FrameworkResult{}
	for _, f := range r.Frameworks {
		for _, c := range f.Clauses {
			if len(c.Questions) == 0 {
				continue
			}
			fr := FrameworkResult{Framework: f.ID, Clause: c.ID, Questions: make([]string, len(c.Questions))}
			for i, q := range c.Questions {
				fr.Questions[i] = q.ID
			}
			out = append(out, fr)
		}
	}
	return out
}
