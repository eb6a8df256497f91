package assess

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Project is an assessment project: one client's assessment as a small
// folder with an assessment.toml that can be versioned and rebuilt.
type Project struct {
	// File is the assessment.toml path; Dir the folder paths are relative to.
	File, Dir string

	Title, Client string
	Date          time.Time // zero if not given
	Rubric        string    // built-in name or path (resolved against Dir)
	Inputs        []string  // paths resolved against Dir
	Segments      []string
	MinGroupSize  int // 0 if not given
	// MinCommentGroup is min_comment_group, 0 if not given.
	MinCommentGroup int
	Comments        bool
	Previous        string   // path resolved against Dir, or ""
	History         []string // earlier results.json for the trend chart, resolved against Dir
	Out             string   // path resolved against Dir, or ""

	Brand     Brand
	Columns   map[string]string            // header → question id or "attr:NAME"
	Values    map[string]string            // raw value → answer, all questions
	QValues   map[string]map[string]string // question id → raw value → answer
	Notes     []Note
	Overrides []Override
	// Evidence are operational figures to test the answers' claims
	// against, in the file's order.
	Evidence []Evidence
	// Population are the head counts of [population], nil without it
	// (participation.go); ExcludeFlagged leaves straight-liners and
	// speeders out of every figure.
	Population     *Population
	ExcludeFlagged bool
	// Actions are the [[action]] tables, in the file's order; ActionsFile
	// the actions CSV that `actions` names (resolved against Dir), or "".
	Actions     []Action
	ActionsFile string
	// Formats are the outputs a build writes (formats = [...]), nil for
	// every one.
	Formats []string

	// set records which optional keys the file gives, so that flags can
	// override exactly those and defaults fill the rest.
	set map[string]bool
	ix  *tomlIndex
}

// Brand is the consultancy's branding of the outputs.
type Brand struct {
	Consultancy string
	Logo        string // path resolved against Dir, or ""
	Color       string // "#rrggbb" or ""
}

// Note is the consultant's comment beside a figure.
type Note struct {
	Dimension string // a dimension id, or "overall"
	Body      string // Markdown
	Pos       Position
	// DimensionPos is where the dimension's value is written, for a
	// message about it (Pos if the key is missing).
	DimensionPos Position
}

// The actions of an [[override]]: leave a recommendation out of the plan,
// put it first, or add one of the consultant's own.
const (
	ActionDrop = "drop"
	ActionPin  = "pin"
	ActionAdd  = "add"
)

// Override is a person's change to the rubric's plan, with the reason.
type Override struct {
	Recommendation string
	Action         string // ActionDrop, ActionPin or ActionAdd
	Reason         string
	Title          string // add only
	Horizon        int    // add only
	Body           string // add only
	Dimension      string // add only, optional
	Pos            Position
	// RecommendationPos and DimensionPos are where those values are
	// written, for messages about them (Pos if the key is missing).
	RecommendationPos, DimensionPos Position
}

// Has reports whether the file sets a top-level key.
func (p *Project) Has(key string) bool { return p.set[key] }

// KeyPos returns where a key of the file is written, for messages.
func (p *Project) KeyPos(path ...any) Position { return p.ix.at(tomlPath(path...)) }

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Bounds on the notes and overrides of an assessment.toml: a rubric has
// tens of recommendations and dimensions, so a real project has at most a
// few dozen of each.
const (
	maxNotes     = 1000
	maxOverrides = 1000
	maxEvidence  = 1000
)

// MaxProjectSize bounds an assessment.toml, as MaxRubricSize a rubric.
const MaxProjectSize = 16 << 20

// LoadProject parses an assessment.toml strictly. file is its path; paths
// in it are resolved against its folder. References to the rubric (notes,
// overrides) are checked later by CheckProject, once the rubric is known.
func LoadProject(file string, data []byte) (*Project, error) {
	if len(data) > MaxProjectSize {
		return nil, ErrorList{Errorf(Position{File: file, Line: 1, Col: 1}, "assessment.toml is %d bytes; the limit is %d", len(data), MaxProjectSize)}
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8Offset(data))
		return nil, ErrorList{Errorf(Position{File: file, Line: line, Col: col}, "invalid UTF-8; save the file as UTF-8")}
	}
	ix := indexTOML(file, data)
	if ix.err != nil {
		return nil, ErrorList{ix.err}
	}
	// Counted before decoding: 100 000 [[override]] tables take 400 MB to
	// decode. Inline arrays of tables are counted after.
	if err := checkCount(ix, "note", ix.tables["note"]); err != nil {
		return nil, ErrorList{err}
	}
	if err := checkCount(ix, "override", ix.tables["override"]); err != nil {
		return nil, ErrorList{err}
	}
	if err := checkCount(ix, "evidence", ix.tables["evidence"]); err != nil {
		return nil, ErrorList{err}
	}
	if err := checkCount(ix, "action", ix.tables["action"]); err != nil {
		return nil, ErrorList{err}
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return nil, ErrorList{tomlError(file, err)}
	}
	var errs ErrorList
	t := &tomlTable{m: raw, ix: ix, errs: &errs, used: map[string]bool{}}
	dir := filepath.Dir(file)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, filepath.FromSlash(p))
	}
	p := &Project{File: file, Dir: dir, set: map[string]bool{}, ix: t.ix}
	for k := range raw {
		p.set[k] = true
	}
	p.Title = t.str("title")
	p.Client = t.str("client")
	p.Date = t.date("date", "2026-11-20")
	p.Rubric = t.str("rubric")
	if strings.ContainsAny(p.Rubric, `/\.`) {
		p.Rubric = rel(p.Rubric)
	}
	for _, in := range t.strs("inputs") {
		p.Inputs = append(p.Inputs, rel(in))
	}
	p.Segments = t.strs("segments")
	p.MinGroupSize = t.integer("min_group_size", 0)
	if t.has("min_group_size") && p.MinGroupSize < 1 {
		t.errorf(t.pos("min_group_size"), "min_group_size must be at least 1")
	}
	p.Comments = t.boolean("comments")
	p.ExcludeFlagged = t.boolean("exclude_flagged")
	p.Population = loadPopulation(t)
	p.MinCommentGroup = t.integer("min_comment_group", 0)
	if t.has("min_comment_group") && p.MinCommentGroup < 1 {
		t.errorf(t.pos("min_comment_group"), "min_comment_group must be at least 1")
	}
	p.Previous = rel(t.str("previous"))
	for _, h := range t.strs("history") {
		p.History = append(p.History, rel(h))
	}
	p.Out = rel(t.str("out"))
	p.Formats = loadFormats(t)
	if m := t.table("brand"); m != nil {
		b := t.child(m, "brand", "brand")
		p.Brand = Brand{Consultancy: b.str("consultancy"), Logo: rel(b.str("logo")), Color: b.str("color")}
		if p.Brand.Color != "" && !colorRE.MatchString(p.Brand.Color) {
			b.errorf(b.pos("color"), "color %q must be #rrggbb", p.Brand.Color)
		}
		if ext := strings.ToLower(filepath.Ext(p.Brand.Logo)); p.Brand.Logo != "" && ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
			b.errorf(b.pos("logo"), "logo must be a PNG or JPEG file")
		}
		b.done()
	}
	p.Columns = stringMap(t, "columns")
	p.Values, p.QValues = map[string]string{}, map[string]map[string]string{}
	if m := t.table("values"); m != nil {
		vt := t.child(m, "values", "values")
		for k, v := range m {
			vt.used[k] = true
			switch v := v.(type) {
			case string:
				p.Values[k] = v
			case map[string]any:
				p.QValues[k] = stringMap(vt, k)
			default:
				vt.errorf(vt.pos(k), "%q must map to a string, or be a table for one question", k)
			}
		}
	}
	notes, overrides, evidence := t.tables("note"), t.tables("override"), t.tables("evidence")
	if err := checkCount(ix, "note", len(notes)); err != nil {
		errs, notes = append(errs, err), nil
	}
	if err := checkCount(ix, "evidence", len(evidence)); err != nil {
		errs, evidence = append(errs, err), nil
	}
	if err := checkCount(ix, "override", len(overrides)); err != nil {
		errs, overrides = append(errs, err), nil
	}
	vals := &valueFinder{src: data}
	for i, m := range notes {
		nt := t.child(m, tomlPath("note", i), "note")
		nt.required("dimension")
		nt.required("body")
		p.Notes = append(p.Notes, Note{Dimension: nt.str("dimension"), Body: nt.str("body"), Pos: nt.pos(),
			DimensionPos: vals.at(nt, "dimension")})
		nt.done()
	}
	for i, m := range overrides {
		ot := t.child(m, tomlPath("override", i), "override")
		o := Override{Recommendation: ot.str("recommendation"), Action: ot.str("action"), Reason: ot.str("reason"),
			Title: ot.str("title"), Horizon: ot.integer("horizon", 0), Body: ot.str("body"), Dimension: ot.str("dimension"), Pos: ot.pos(),
			RecommendationPos: vals.at(ot, "recommendation"), DimensionPos: vals.at(ot, "dimension")}
		for _, k := range []string{"recommendation", "action", "reason"} {
			ot.required(k)
		}
		switch o.Action {
		case ActionDrop, ActionPin:
			for _, k := range []string{"title", "horizon", "body", "dimension"} {
				if ot.has(k) {
					ot.errorf(ot.pos(k), "%s is only for action \"add\"", k)
				}
			}
		case ActionAdd:
			ot.required("title")
			ot.required("horizon")
			if ot.has("horizon") && o.Horizon != 30 && o.Horizon != 60 && o.Horizon != 90 {
				ot.errorf(ot.pos("horizon"), "horizon %d: use 30, 60 or 90 (days)", o.Horizon)
			}
		case "":
		default:
			ot.errorf(ot.pos("action"), "action %q: use drop, pin or add", o.Action)
		}
		if ot.has("reason") && strings.TrimSpace(o.Reason) == "" {
			ot.errorf(ot.pos("reason"), "reason is empty: say why, so readers know a person decided")
		}
		p.Overrides = append(p.Overrides, o)
		ot.done()
	}
	p.Evidence = loadEvidence(t, evidence, vals)
	p.ActionsFile = rel(t.str("actions"))
	if actions := t.tables("action"); checkCount(ix, "action", len(actions)) == nil {
		p.Actions = loadActions(t, actions, vals)
	} else {
		errs = append(errs, checkCount(ix, "action", len(actions)))
	}
	t.done()
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	return p, nil
}

// loadEvidence reads the [[evidence]] tables.
func loadEvidence(t *tomlTable, tables []map[string]any, vals *valueFinder) []Evidence {
	var out []Evidence
	seen := map[string]bool{}
	for i, m := range tables {
		et := t.child(m, tomlPath("evidence", i), "")
		e := Evidence{ID: et.str("id"), Pos: et.pos(), IDPos: vals.at(et, "id")}
		et.what = fmt.Sprintf("evidence %q", e.ID)
		ok := checkID(et, "evidence", e.ID, seen)
		for _, k := range []string{"title", "value", "better"} {
			et.required(k)
		}
		e.Title = et.str("title")
		e.Value = et.num("value", 0)
		e.Baseline = et.optNum("baseline")
		e.Unit = et.str("unit")
		e.Source = et.str("source")
		e.Better = et.str("better")
		if et.has("better") && e.Better != BetterHigher && e.Better != BetterLower {
			et.errorf(et.pos("better"), "better %q: use higher or lower", e.Better)
		}
		et.done()
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// checkCount bounds the notes or the overrides of a project.
func checkCount(ix *tomlIndex, what string, n int) *Error {
	limit, why, plural := maxOverrides, "a rubric has tens of recommendations", what+"s"
	switch what {
	case "note":
		limit, why = maxNotes, "a report needs a few per dimension"
	case "evidence":
		limit, why, plural = maxEvidence, "a report needs a few figures", "evidence figures"
	case "action":
		limit, why = maxActions, "a plan has tens of recommendations"
	}
	if n <= limit {
		return nil
	}
	return Errorf(ix.at(tomlPath(what, limit)), "more than %d %s (%d); %s", limit, plural, n, why)
}

func stringMap(t *tomlTable, key string) map[string]string {
	out := map[string]string{}
	m := t.table(key)
	if m == nil {
		return out
	}
	ct := t.child(m, tomlPath(t.path, key), key)
	for k := range m {
		if s := ct.str(k); s != "" || ct.has(k) {
			out[k] = s
		}
	}
	ct.done()
	return out
}

// CheckProject reports the notes and overrides that name nothing in r.
func CheckProject(p *Project, r *Rubric) error {
	var errs ErrorList
	for _, n := range p.Notes {
		if n.Dimension != "overall" && r.Dimension(n.Dimension) == nil {
			errs = append(errs, Errorf(n.DimensionPos, "note: unknown dimension %q (%s)", n.Dimension, dimensionHint(n.Dimension, r)))
		}
	}
	seen := map[string]bool{}
	for _, o := range p.Overrides {
		switch {
		case o.Action == ActionAdd && r.Recommendation(o.Recommendation) != nil:
			errs = append(errs, Errorf(o.RecommendationPos, "override: recommendation %q already exists in the rubric; pick a new id to add one", o.Recommendation))
		case o.Action != ActionAdd && r.Recommendation(o.Recommendation) == nil:
			errs = append(errs, Errorf(o.RecommendationPos, "override: unknown recommendation %q (%s)", o.Recommendation, recommendationHint(o.Recommendation, r)))
		case o.Action == ActionAdd && o.Dimension != "" && r.Dimension(o.Dimension) == nil:
			errs = append(errs, Errorf(o.DimensionPos, "override: unknown dimension %q (%s)", o.Dimension, dimensionHint(o.Dimension, r)))
		}
		if seen[o.Recommendation] {
			errs = append(errs, Errorf(o.RecommendationPos, "override: recommendation %q is overridden twice", o.Recommendation))
		}
		seen[o.Recommendation] = true
	}
	errs = append(errs, checkEvidence(p.Evidence, r)...)
	return errs.Err()
}

// checkEvidence names an evidence figure that no check of r tests but
// whose id is one letter or two from an id a check names: a typo that
// would leave the check unevaluated. A figure that no check names is
// otherwise fine (it is shown as it is), and a check whose figure the
// project lacks is not an error either: a built-in rubric checks figures
// that not every client has; the report says the check could not be
// evaluated, and why.
func checkEvidence(ev []Evidence, r *Rubric) ErrorList {
	var errs ErrorList
	named := map[string]bool{}
	var ids []string
	for _, c := range r.Checks {
		if c.Kind == CheckEvidence && !named[c.Evidence] {
			named[c.Evidence] = true
			ids = append(ids, c.Evidence)
		}
	}
	given := map[string]bool{}
	for _, e := range ev {
		given[e.ID] = true
	}
	for _, e := range ev {
		if named[e.ID] {
			continue
		}
		if c := nearest(e.ID, ids); c != "" && !given[c] {
			errs = append(errs, Errorf(e.IDPos, "evidence: no check of rubric %q tests %q; did you mean %q?", r.ID, e.ID, c))
		}
	}
	return errs
}

// dimensionHint is what a note or an override naming no dimension of r
// is told: the likely one, or the ones there are.
func dimensionHint(id string, r *Rubric) string {
	ids := append(dimensionIDs(r), "overall")
	if c := nearest(id, ids); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return `use "overall" or one of ` + idList(dimensionIDs(r))
}

// recommendationHint is what an override naming no recommendation of r
// is told: the likely one, or where to find them.
func recommendationHint(id string, r *Rubric) string {
	if c := nearest(id, recommendationIDs(r)); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return "recommendations: " + idList(recommendationIDs(r))
}

// valueFinder finds where the value of a key is written: a message about
// a value (an unknown dimension) points at it, not at the table's header
// or the key. The index keeps only keys' positions; the value is found
// from there, for the few keys that need it.
type valueFinder struct {
	src   []byte
	lines []int // byte offset of each line's start, built on first use
}

// at is where the value of key in table t starts, or the table's
// position when the key is not written (or not found).
func (v *valueFinder) at(t *tomlTable, key string) (pos Position) {
	path := tomlPath(t.path, key)
	kp, ok := t.ix.pos[path]
	if !ok {
		return t.pos()
	}
	if v.lines == nil {
		v.lines = append(v.lines, 0)
		for i, c := range v.src {
			if c == '\n' {
				v.lines = append(v.lines, i+1)
			}
		}
	}
	if kp.Line < 1 || kp.Line > len(v.lines) {
		return kp
	}
	off := v.lines[kp.Line-1]
	for col := 1; col < kp.Col && off < len(v.src); off++ {
		if v.src[off]&0xC0 != 0x80 {
			col++
		}
	}
	for off < len(v.src) && v.src[off]&0xC0 == 0x80 {
		off++
	}
	s := &tomlScanner{src: v.src, i: off, line: kp.Line, col: kp.Col, ix: &tomlIndex{file: kp.File, pos: map[string]Position{}}, arrays: map[string]int{}}
	defer func() {
		if recover() != nil { // not expected: the file indexed once
			pos = kp
		}
	}()
	s.key()
	s.skipInline()
	if s.i >= len(s.src) || s.src[s.i] != '=' {
		return kp
	}
	s.adv(1)
	s.skipInline()
	return s.here(kp.File)
}

func (p *Project) String() string { return fmt.Sprintf("project %s", p.File) }

// ValidColor reports whether c is a colour as assessment.toml and
// --color take it: #rrggbb.
func ValidColor(c string) bool { return colorRE.MatchString(c) }
