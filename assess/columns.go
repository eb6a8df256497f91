package assess

import (
	"fmt"
	"html"
	"sort"
	"strings"
)

// headerCell is what is known of one column's header. Most files have one
// header row, so only text is set; exports with several header rows
// (Qualtrics, raw SurveyMonkey) and Google Forms grids add other texts that
// may name the question, and (question, option) pairs for columns that hold
// one option of a multi question.
type headerCell struct {
	text  string // the header as written, trimmed: an attribute's name
	attr  string // the attribute's name when not text (LimeSurvey "CODE. text")
	alts  []string
	pairs [][2]string
	// derived are texts read out of the header (after a code prefix, the
	// code, a matrix statement), tried after the header's own texts.
	derived []string
	// rests counts the first derived texts that are texts after a code
	// prefix: only those may name an option ("Q3[SQ001]. Question [Option]").
	rests int
	pos   Position
}

// colPlan is how one column feeds a respondent.
type colPlan struct {
	q    int    // question index, or -1
	opt  string // option label, for a column of one multi option
	attr string // attribute name, or ""
	id   bool   // holds the respondent id
	// rank is how closely the header names its question: 0 by
	// [columns], 1 by its own texts, 2 by a text read out of it (after a
	// code, a matrix's stem or a group path).
	rank uint8
}

// questionIndex finds rubric questions by id, text, alias and option label.
type questionIndex struct {
	byID     map[string]*Question // exact id
	byNormID map[string][]*Question
	byText   map[string][]*Question
	byAlias  map[string][]*Question
	// byLoose: text and aliases in their loose form (looseKey), for
	// headers typed without the final "?" or the accents
	byLoose  map[string][]*Question
	byOption map[string][]optionRef // normal form of a multi option's label
	bySkip   map[string][]optionRef // the same, of a multi question's skip answers
}

type optionRef struct {
	q     *Question
	label string
}

func newQuestionIndex(rb *Rubric) *questionIndex {
	ix := &questionIndex{
		byID:     map[string]*Question{},
		byNormID: map[string][]*Question{},
		byText:   map[string][]*Question{},
		byAlias:  map[string][]*Question{},
		byLoose:  map[string][]*Question{},
		byOption: map[string][]optionRef{},
		bySkip:   map[string][]optionRef{},
	}
	for _, q := range rb.Questions {
		ix.byID[q.ID] = q
		ix.byNormID[Normalize(q.ID)] = append(ix.byNormID[Normalize(q.ID)], q)
		if t := headerKey(q.Text); t != "" {
			ix.byText[t] = append(ix.byText[t], q)
		}
		for _, a := range q.Aliases {
			if k := headerKey(a); k != "" && !containsQuestion(ix.byAlias[k], q) {
				ix.byAlias[k] = append(ix.byAlias[k], q)
			}
		}
		for _, t := range append([]string{q.Text}, q.Aliases...) {
			if k := looseKey(headerKey(t)); k != "" && !containsQuestion(ix.byLoose[k], q) {
				ix.byLoose[k] = append(ix.byLoose[k], q)
			}
		}
		if q.Type == TypeMulti {
			labels, skip := q.Answers()
			names := q.ChoiceNames()
			for i, l := range labels {
				// A skip answer's column ("q/don_t_know": KoboToolbox
				// gives every choice one) is found only under its
				// question, never by its label alone.
				m := ix.byOption
				if skip[i] {
					m = ix.bySkip
				}
				k := headerKey(l)
				m[k] = append(m[k], optionRef{q, l})
				// KoboToolbox names an option's column by its choice
				// name when exporting XML values ("q05/coaching").
				if n := headerKey(names[i]); n != k {
					m[n] = append(m[n], optionRef{q, l})
				}
			}
		}
	}
	return ix
}

func containsQuestion(qs []*Question, q *Question) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// lookup finds the question a header or answer key names: by exact id, by
// id, text or alias after Normalize, then by text or alias in their loose
// form (without a final "?", "." or ":" and without accents, as people
// retype them), in that order. It returns how it matched, or a reason
// when the name is ambiguous.
func (ix *questionIndex) lookup(name string) (q *Question, how, why string) {
	if q := ix.byID[strings.TrimSpace(name)]; q != nil {
		return q, "id", ""
	}
	k := headerKey(name)
	for _, step := range []struct {
		how   string
		m     map[string][]*Question
		loose bool
	}{{"id", ix.byNormID, false}, {"text", ix.byText, false}, {"alias", ix.byAlias, false}, {"text", ix.byLoose, true}} {
		key := k
		if step.loose {
			key = looseKey(k)
		}
		switch qs := step.m[key]; len(qs) {
		case 0:
		case 1:
			return qs[0], step.how, ""
		default:
			return nil, step.how, fmt.Sprintf("its %s matches questions %q and %q", step.how, qs[0].ID, qs[1].ID)
		}
	}
	return nil, "", ""
}

// HeaderQuestion is the question a column headed header is read as (by
// id, text or alias, as a column of any export is matched), with how it
// matched ("id", "text" or "alias"); nil and why when it names two
// questions, nil and "" when it names none. A survey writer asks it of
// the headers its export will have.
func (r *Rubric) HeaderQuestion(header string) (q *Question, how, why string) {
	return r.index().lookup(header)
}

// option finds the option of multi question q whose label is label, or
// its skip answer by label or choice name: KoboToolbox gives a
// select_multiple's "Don't know" a column of its own ("q/don_t_know").
func (ix *questionIndex) option(q *Question, label string) (string, bool) {
	k := headerKey(label)
	for _, refs := range [][]optionRef{ix.byOption[k], ix.bySkip[k]} {
		for _, r := range refs {
			if r.q == q {
				return r.label, true
			}
		}
	}
	return "", false
}

// headerKey is the form in which headers are compared: HTML tags (which
// Typeform and SurveyMonkey leave in question texts) removed, entities
// decoded, then Normalize.
func headerKey(s string) string {
	if strings.ContainsRune(s, '<') {
		s = stripTags(s)
	}
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return Normalize(s)
}

// stripTags replaces each HTML tag (<br>, <strong>, </p>, ...) by a space.
// A '<' that does not open a tag, as in "age < 30", is kept.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			break
		}
		c := s[i+1]
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || !(c == '/' || c == '!' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// columnMatcher decides what each column of a tabular input is.
type columnMatcher struct {
	ix      *questionIndex
	rb      *Rubric
	layout  string            // the tool that wrote the file, for its own bookkeeping columns
	mapping map[string]string // headerKey of a header → target
	mapKey  map[string]string // headerKey → the key as the user wrote it
	// ambiguous are the groups of columns that match found to answer
	// one question equally well, for the answers to decide.
	ambiguous [][]int
}

func newColumnMatcher(rb *Rubric, opt ReadOptions) *columnMatcher {
	m := &columnMatcher{ix: rb.index(), rb: rb, mapping: map[string]string{}, mapKey: map[string]string{}}
	keys := make([]string, 0, len(opt.Columns))
	for k := range opt.Columns {
		keys = append(keys, k)
	}
	sort.Strings(keys) // two keys with one normal form: the first in sort order wins
	for _, k := range keys {
		if n := headerKey(k); m.mapping[n] == "" {
			m.mapping[n] = strings.TrimSpace(opt.Columns[k])
			m.mapKey[n] = k
		}
	}
	return m
}

// match decides every column, then checks that no question is fed twice.
func (m *columnMatcher) match(hs []headerCell) ([]Column, []colPlan, error) {
	cols := make([]Column, len(hs))
	plans := make([]colPlan, len(hs))
	var errs ErrorList
	m.ambiguous = nil
	idTaken := false
	for i, h := range hs {
		c, p, err := m.matchOne(h, true)
		if err != nil {
			errs = append(errs, err)
		}
		c.Index, c.Header = i, h.text
		if p.id {
			if idTaken {
				p.id = false
				c.Why = "personal or survey-tool data, not read (an earlier column gives the respondent id)"
			}
			idTaken = true
		}
		cols[i], plans[i] = c, p
	}
	// An option label alone names an option only beside another column
	// of the same question, as in Typeform's runs of choice columns: a
	// lone "Customer satisfaction" column is more likely a question of
	// another survey.
	for i, c := range cols {
		if c.How != "option label" {
			continue
		}
		if !sameQuestionOption(cols, i-1, c.Question) && !sameQuestionOption(cols, i+1, c.Question) {
			cols[i], plans[i], _ = m.matchOne(hs[i], false)
			cols[i].Index, cols[i].Header = i, hs[i].text
		}
	}
	// Typeform's choice columns run on with "Other" and "None", whose
	// labels several questions share: such a column belongs to the
	// question of the run it continues (a write-in column included).
	var run *Question
	for i := range cols {
		c := cols[i]
		switch {
		case c.Kind == ColumnQuestion && c.Option != "":
			run = m.rb.Question(c.Question)
			continue
		case c.Kind == ColumnIgnored && c.How == "write-in":
			continue
		case c.Kind != ColumnAttribute || c.How != "header" || run == nil || run.Type != TypeMulti:
			run = nil
			continue
		}
		if label, ok := m.ix.option(run, hs[i].text); ok {
			cols[i] = Column{Index: i, Header: hs[i].text, Kind: ColumnQuestion, Question: run.ID, Option: label, How: "option label"}
			plans[i] = colPlan{q: run.Index, opt: label, rank: 1}
		} else if isOtherLabel(hs[i].text) {
			cols[i] = Column{Index: i, Header: hs[i].text, Kind: ColumnIgnored, How: "write-in",
				Why: fmt.Sprintf("write-in answers of question %q, which has no such option: not scored", run.ID)}
			plans[i] = colPlan{q: -1}
		} else {
			run = nil
		}
	}
	// An attribute fed by two columns: the first wins, unless a later
	// one is mapped.
	firstAttr := map[string]int{}
	for i := range cols {
		c := &cols[i]
		if c.Kind != ColumnAttribute {
			continue
		}
		k := Normalize(c.Attr)
		j, dup := firstAttr[k]
		if !dup {
			firstAttr[k] = i
			continue
		}
		if c.How == "mapping" && cols[j].How != "mapping" {
			firstAttr[k] = i
			c, i, j = &cols[j], j, i
		}
		c.Kind, c.How, c.Why = ColumnIgnored, "duplicate", fmt.Sprintf("attribute %q is already read from column %d", c.Attr, j+1)
		plans[i] = colPlan{q: -1}
	}
	// A question fed by several columns.
	byQ := map[int][]int{}
	var qorder []int
	for i, p := range plans {
		if cols[i].Kind != ColumnQuestion {
			continue
		}
		if _, ok := byQ[p.q]; !ok {
			qorder = append(qorder, p.q)
		}
		byQ[p.q] = append(byQ[p.q], i)
	}
	for _, qi := range qorder {
		idx := byQ[qi]
		if len(idx) < 2 {
			continue
		}
		var whole, opts []int
		for _, i := range idx {
			if plans[i].opt == "" {
				whole = append(whole, i)
			} else {
				opts = append(opts, i)
			}
		}
		// One column per option, and also the whole answer in one cell
		// (KoboToolbox writes a select_multiple both ways): the option
		// columns are read, which need no splitting of the joined cell.
		if len(opts) > 0 {
			for _, i := range whole {
				if plans[i].rank == 0 {
					errs = append(errs, dupColumnError(hs, cols, opts[0], i))
					dropDuplicate(cols, plans, i, errs[len(errs)-1])
					continue
				}
				cols[i].Kind, cols[i].How = ColumnIgnored, "duplicate"
				cols[i].Why = fmt.Sprintf("question %q is read from its columns of one option each (column %d on)", cols[i].Question, opts[0]+1)
				plans[i] = colPlan{q: -1}
			}
			seen := map[string]int{}
			for _, i := range opts {
				if j, dup := seen[plans[i].opt]; dup {
					errs = append(errs, dupColumnError(hs, cols, j, i))
					dropDuplicate(cols, plans, i, errs[len(errs)-1])
					continue
				}
				seen[plans[i].opt] = i
			}
			continue
		}
		// Several columns hold the whole answer: the one whose header
		// names the question most closely wins; among equals, the
		// answers decide (see decideAmbiguous).
		best := plans[whole[0]].rank
		for _, i := range whole {
			best = min(best, plans[i].rank)
		}
		var tied []int
		for _, i := range whole {
			if plans[i].rank == best {
				tied = append(tied, i)
			}
		}
		for _, i := range whole {
			if plans[i].rank != best {
				cols[i].Kind, cols[i].How = ColumnIgnored, "duplicate"
				cols[i].Why = fmt.Sprintf("question %q is read from column %d, whose header names it more closely", cols[i].Question, tied[0]+1)
				plans[i] = colPlan{q: -1}
			}
		}
		if len(tied) > 1 {
			m.ambiguous = append(m.ambiguous, tied)
		}
	}
	if len(errs) > 0 {
		sortErrors(errs)
		return cols, plans, errs
	}
	return cols, plans, nil
}

// ambiguousError names the columns that answer one question equally well.
func ambiguousError(hs []headerCell, cols []Column, idx []int, why string) *Error {
	var names []string
	for _, i := range idx {
		names = append(names, fmt.Sprintf("%d (%s)", i+1, quoteShort(cols[i].Header, 80)))
	}
	last := len(idx) - 1
	list, all := strings.Join(names[:last], ", ")+" and "+names[last], "all"
	if last == 1 {
		all = "both"
	}
	return Errorf(hs[idx[last]].pos, "columns %s %s answer question %q%s; map the one meant to the question and the others to \"ignore\" in [columns]",
		list, all, cols[idx[0]].Question, why)
}

func dupColumnError(hs []headerCell, cols []Column, j, i int) *Error {
	what := fmt.Sprintf("question %q", cols[i].Question)
	if cols[i].Option != "" && cols[i].Option == cols[j].Option {
		what = fmt.Sprintf("option %q of question %q", cols[i].Option, cols[i].Question)
	}
	return Errorf(hs[i].pos, "columns %d (%q) and %d (%q) both answer %s; map one of them to \"ignore\" in [columns]",
		j+1, cols[j].Header, i+1, cols[i].Header, what)
}

// dropDuplicate sets aside a column that answers what another already
// does. Reading stops at the error; inspect, which goes on, shows why.
func dropDuplicate(cols []Column, plans []colPlan, i int, e *Error) {
	cols[i].Kind, cols[i].How, cols[i].Why = ColumnIgnored, "duplicate", e.Msg
	plans[i] = colPlan{q: -1}
}

func sameQuestionOption(cols []Column, j int, q string) bool {
	return j >= 0 && j < len(cols) && cols[j].Kind == ColumnQuestion && cols[j].Question == q && cols[j].Option != ""
}

// matchOne decides one column; labelOnly allows a bare option label.
func (m *columnMatcher) matchOne(h headerCell, labelOnly bool) (Column, colPlan, *Error) {
	texts := append([]string{h.text}, h.alts...)
	none := colPlan{q: -1}
	// 1. The explicit mapping.
	for _, t := range append(texts, h.derived...) {
		if target, ok := m.mapping[headerKey(t)]; ok {
			return m.mapped(h, m.mapKey[headerKey(t)], target)
		}
	}
	// 2-5. Question id, text, alias (lookup keeps that order per text),
	// then one option of a multi question: first for the header's own
	// texts, then for those read out of it.
	for k, set := range [][]string{texts, h.derived} {
		for _, step := range []string{"id", "text", "alias"} {
			for _, t := range set {
				q, how, why := m.ix.lookup(t)
				if how != step {
					continue
				}
				if q == nil {
					return Column{Kind: ColumnIgnored, How: "ambiguous", Why: why}, none, nil
				}
				return Column{Kind: ColumnQuestion, Question: q.ID, How: how}, colPlan{q: q.Index, rank: uint8(1 + k)}, nil
			}
		}
		pairs := h.pairs
		if k > 0 {
			pairs, set = nil, h.derived[:h.rests]
		}
		if q, label, how := m.optionColumn(pairs, set, labelOnly && k == 0); q != nil {
			return Column{Kind: ColumnQuestion, Question: q.ID, Option: label, How: how}, colPlan{q: q.Index, opt: label, rank: uint8(1 + k)}, nil
		}
	}
	// The write-in column beside a question's answers ("Other (please
	// specify)" under SurveyMonkey's question row): not scored.
	for _, p := range h.pairs {
		if !isOtherLabel(p[1]) {
			continue
		}
		if q, _, _ := m.ix.lookup(p[0]); q != nil {
			return Column{Kind: ColumnIgnored, How: "write-in",
				Why: fmt.Sprintf("write-in answers of question %q, which has no such option: not scored", q.ID)}, none, nil
		}
	}
	// 6. Personal data and survey-tool bookkeeping, by the header's own
	// texts or those read out of it ("id. Response ID", a KoboToolbox
	// group path "children/name").
	for _, t := range append(texts, h.derived...) {
		switch identityKind(t, m.layout) {
		case identID:
			return Column{Kind: ColumnIdentity, How: "identity", Why: "respondent id: used in messages only, never shown"}, colPlan{q: -1, id: true}, nil
		case identPersonal:
			return Column{Kind: ColumnIdentity, How: "identity", Why: "personal data, not read"}, none, nil
		case identMeta:
			return Column{Kind: ColumnIgnored, How: "metadata", Why: "survey-tool metadata (time stamps, progress, ...), not an answer"}, none, nil
		}
	}
	if h.text == "" {
		return Column{Kind: ColumnIgnored, How: "empty", Why: "the column has no header"}, none, nil
	}
	// 7. Anything else is an attribute, named as written (or by its code).
	name := h.text
	if h.attr != "" {
		name = h.attr
	}
	return Column{Kind: ColumnAttribute, Attr: name, How: "header"}, colPlan{q: -1, attr: name}, nil
}

// optionColumn recognises a column that holds one option of a multi
// question: "QUESTION - OPTION" (Qualtrics, SurveyMonkey), "QUESTION
// [OPTION]" (Google Forms, LimeSurvey), "QUESTION: OPTION" (how "option"),
// or the option label alone when only one multi question has it
// (Typeform; how "option label").
func (m *columnMatcher) optionColumn(pairs [][2]string, texts []string, labelOnly bool) (q *Question, label, how string) {
	if len(texts) == 0 {
		return nil, "", ""
	}
	pairs = pairs[:len(pairs):len(pairs)] // never append into the header's own slice
	nHeaderPairs := len(pairs)
	for _, t := range texts {
		pairs = append(pairs, splitOptionHeader(t)...)
	}
	for i, p := range pairs {
		q, _, _ := m.ix.lookup(p[0])
		if q == nil {
			continue
		}
		if q.Type == TypeMulti {
			if label, ok := m.ix.option(q, p[1]); ok {
				return q, label, "option"
			}
			continue
		}
		// A single-choice question "expanded" into one column per
		// answer, as SurveyMonkey writes it: the question over the
		// answers in a second header row, the chosen one in its cell.
		if i < nHeaderPairs && (q.Type == TypeScale || q.Type == TypeChoice) {
			if label, ok := answerLabel(q, p[1]); ok {
				return q, label, "answer"
			}
		}
	}
	if refs := m.ix.byOption[headerKey(texts[0])]; labelOnly && len(refs) == 1 {
		return refs[0].q, refs[0].label, "option label"
	}
	return nil, "", ""
}

// answerLabel finds the label or skip answer of a scale or choice
// question that label names.
func answerLabel(q *Question, label string) (string, bool) {
	n := Normalize(label)
	labels, _ := q.Answers()
	for _, l := range labels {
		if Normalize(l) == n {
			return l, true
		}
	}
	return "", false
}

// otherLabels are the headers of the column where a respondent writes in
// an answer that is none of the options ("Other (please specify)").
var otherLabels = map[string]bool{
	"other": true, "other (please specify)": true, "others": true, "other, please specify": true,
	"other - write in": true, "other - write in:": true, "other (specify)": true, "other:": true,
	"sonstiges": true, "sonstige": true, "andere": true, "anderes": true, "autre": true, "autres": true,
	"otro": true, "otra": true, "otros": true, "outro": true, "outros": true, "altro": true,
	"anders": true, "inne": true, "annet": true, "annat": true, "muu": true,
}

// isOtherLabel reports a header or label that stands for "other".
func isOtherLabel(s string) bool {
	n := Normalize(s)
	if otherLabels[n] {
		return true
	}
	for _, p := range []string{"other (", "other:", "other -", "sonstige", "andere (", "autre (", "otro (", "outro ("} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// splitOptionHeader lists the ways a header may read as (question, option).
func splitOptionHeader(s string) [][2]string {
	var out [][2]string
	if strings.HasSuffix(s, "]") {
		if i := strings.LastIndexByte(s, '['); i > 0 {
			out = append(out, [2]string{s[:i], s[i+1 : len(s)-1]})
		}
	}
	for _, sep := range []string{" - ", "-", ": ", " | ", "/", "."} {
		for i := 0; ; {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			out = append(out, [2]string{s[:i+j], s[i+j+len(sep):]})
			if sep == "/" {
				// KoboToolbox: "group/question/option": the question
				// without its group path.
				if k := strings.LastIndexByte(s[:i+j], '/'); k >= 0 {
					out = append(out, [2]string{s[k+1 : i+j], s[i+j+1:]})
				}
			}
			i += j + len(sep)
			if len(out) > 64 { // a hostile header with many dashes
				return out
			}
		}
	}
	return out
}
