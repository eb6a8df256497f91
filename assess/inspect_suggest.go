package assess

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// suggest writes the [columns] and [values] lines that fix what can be
// guessed: a column whose header reads like a question not found
// otherwise, and answers that are codes for "no answer" or for options.
// What needs a person's choice is written as a TOML comment.
func (in *Inspection) suggest(rb *Rubric) {
	found := map[string]bool{}
	for _, c := range in.Columns {
		if c.Kind == ColumnQuestion {
			found[c.Question] = true
		}
	}
	var missing []*Question
	for _, q := range rb.Questions {
		if !found[q.ID] {
			missing = append(missing, q)
		}
	}
	var cols []string
	// Each header that reads like a missing question is a candidate;
	// the closest pairs are taken first, so that a near-duplicate
	// statement earlier in the file never takes the question from the
	// column meant for it.
	type cand struct {
		col   int
		q     *Question
		label string // an option of a multi question, for "QUESTION:OPTION"
		sim   float64
	}
	var cands []cand
	for i, c := range in.Columns {
		if c.Kind != ColumnAttribute || c.How != "header" {
			continue
		}
		texts := append([]string{c.Header}, c.Texts...)
		for _, q := range missing {
			sim, label, ok := similarity(texts, q, 2), "", true
			if q.Type == TypeMulti {
				// A multi question is never the whole of a column that
				// holds one of its options: that column is the option.
				var stem string
				if label, stem, ok = optionInHeader(texts, q); label != "" {
					sim = similarity([]string{stem}, q, 1) // the option is named already
				}
			}
			if ok && sim >= 0.5 {
				cands = append(cands, cand{i, q, label, sim})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].sim > cands[b].sim })
	whole, opts := map[string]bool{}, map[string]bool{} // question ids; "id:option"
	chosen := map[int]cand{}
	for _, c := range cands {
		if _, done := chosen[c.col]; done || whole[c.q.ID] {
			continue
		}
		if c.label == "" {
			if opts[c.q.ID] {
				continue
			}
			whole[c.q.ID] = true
		} else {
			key := c.q.ID + ":" + c.label
			if opts[key] {
				continue
			}
			opts[key], opts[c.q.ID] = true, true
		}
		chosen[c.col] = c
	}
	// When nothing matches, a header that is only a code says nothing:
	// the survey may well be about something else.
	nothing := len(missing) == len(rb.Questions)
	codes := 0
	for i, c := range in.Columns {
		if len(missing) == 0 {
			break
		}
		key := TOMLString(c.Header)
		switch ch, ok := chosen[i]; {
		case ok && ch.label != "":
			cols = append(cols, fmt.Sprintf("%s = %s   # reads like option %q of %q", key, TOMLString(ch.q.ID+":"+ch.label), ch.label, clip(ch.q.Text, 50)))
		case ok:
			cols = append(cols, fmt.Sprintf("%s = %s   # reads like %q", key, TOMLString(ch.q.ID), clip(ch.q.Text, 60)))
		case c.Kind == ColumnAttribute && c.How == "header":
			if looksLikeCode(c.Header) && !nothing {
				if codes++; codes <= maxCodeSuggestions {
					cols = append(cols, fmt.Sprintf("# %s = \"\"   # a question id, \"QUESTION:OPTION\", \"attr:NAME\" or \"ignore\"", key))
				}
			}
		case c.How == "ambiguous":
			cols = append(cols, fmt.Sprintf("# %s = \"\"   # %s: pick one", key, c.Why))
		}
	}
	if codes > maxCodeSuggestions {
		cols = append(cols, fmt.Sprintf("# ... and %d more columns named by a code alone", codes-maxCodeSuggestions))
	}
	if len(cols) > 0 {
		in.SuggestColumns = append([]string{"[columns]"}, cols...)
	}
	in.SuggestValues = suggestValues(rb, in.Unrecognised, in.Questions)
}

// valueLine is one proposed [values] entry; unsure ones are comments.
type valueLine struct {
	value, answer, note string
	sure                bool
}

// maxCodeSuggestions bounds the commented [columns] lines for headers
// that are only codes (Q7, Q3_1).
const maxCodeSuggestions = 5

// suggestValues proposes [values] lines for unrecognised answers. An entry
// that several questions share goes once into [values]; a question's own
// table holds the rest, and wins over [values] where they differ.
func suggestValues(rb *Rubric, bad []UnrecognisedValue, qs []InspectQuestion) []string {
	byQ := map[string][]string{}
	for _, u := range bad {
		byQ[u.Question] = append(byQ[u.Question], u.Value)
	}
	per := map[string][]valueLine{}
	var order []*Question
	for i, q := range rb.Questions {
		if len(byQ[q.ID]) == 0 {
			continue
		}
		var numbers []string
		if i < len(qs) {
			numbers = qs[i].Numbers
		}
		order = append(order, q)
		lines := suggestFor(q, byQ[q.ID], numbers)
		sort.SliceStable(lines, func(i, j int) bool {
			if lines[i].sure != lines[j].sure {
				return lines[i].sure
			}
			return codeLess(lines[i].value, lines[j].value)
		})
		per[q.ID] = lines
	}
	type pair struct{ v, a string }
	sure, unsure := map[pair]int{}, map[string][]string{}
	for _, q := range order {
		for _, l := range per[q.ID] {
			if l.sure {
				sure[pair{Normalize(l.value), l.answer}]++
			} else {
				unsure[Normalize(l.value)] = append(unsure[Normalize(l.value)], q.ID)
			}
		}
	}
	var global []string
	globalAns := map[string]string{}
	for _, q := range order {
		for _, l := range per[q.ID] {
			n := Normalize(l.value)
			switch {
			case l.sure && (sure[pair{n, l.answer}] >= 2 || n == "-99") && globalAns[n] == "":
				globalAns[n] = l.answer
				global = append(global, l.format(""))
			case !l.sure && len(unsure[n]) >= 2 && unsure[n][0] == q.ID:
				global = append(global, l.format("in "+strings.Join(unsure[n], ", ")+": "))
			}
		}
	}
	out := []string{}
	if len(global) > 0 {
		out = append(append(out, "[values]"), global...)
	}
	for _, q := range order {
		var lines []string
		for _, l := range per[q.ID] {
			n := Normalize(l.value)
			if l.sure && globalAns[n] == l.answer || !l.sure && len(unsure[n]) >= 2 {
				continue
			}
			lines = append(lines, l.format(""))
		}
		if len(lines) > 0 {
			out = append(append(out, "[values."+tomlKey(q.ID)+"]"), lines...)
		}
	}
	return out
}

func (l valueLine) format(prefix string) string {
	if l.sure {
		s := TOMLString(l.value) + " = " + TOMLString(l.answer)
		if l.note != "" {
			s += "   # " + prefix + l.note
		}
		return s
	}
	return "# " + TOMLString(l.value) + ` = ""   # ` + prefix + l.note
}

// suggestFor proposes what each unrecognised value of q stands for.
// numbers are the numbers that answered a choice question by points: when
// its other answers are codes, they are most likely codes too.
func suggestFor(q *Question, values, numbers []string) []valueLine {
	labels := answerLabels(q)
	codes := map[string]int{} // value → its number, when every value is PREFIX+number with one prefix
	prefix, same := "", true
	all := append(append([]string{}, values...), numbers...)
	for k, v := range all {
		p, n, ok := splitCode(Normalize(v))
		if !ok || k > 0 && p != prefix {
			same = false
			break
		}
		prefix, codes[v] = p, n
	}
	if !same || q.Type == TypeScale && prefix == "" || q.Type != TypeScale && q.Type != TypeChoice {
		codes = nil
	}
	// A scale coded with other numbers than its points (8-12 for 1-5):
	// in order, when there are exactly as many codes as answers.
	ordered := map[string]string{}
	if q.Type == TypeScale && codes == nil {
		var nums []int
		byNum := map[int]string{}
		for _, v := range values {
			if n, err := strconv.Atoi(Normalize(v)); err == nil && n >= 0 {
				nums = append(nums, n)
				byNum[n] = v
			}
		}
		sort.Ints(nums)
		if len(nums) == len(labels) {
			for i, n := range nums {
				ordered[byNum[n]] = labels[i]
			}
		}
	}
	var out []valueLine
	if codes != nil {
		// Numbers that read as points are codes as well: list them first.
		for _, v := range numbers {
			if n := codes[v]; n >= 1 && n <= len(labels) {
				out = append(out, valueLine{v, labels[n-1], "read as points so far: a code, if the other answers are codes", true})
			}
		}
	}
	for _, v := range values {
		n := Normalize(v)
		code, isCode := codes[v]
		switch {
		case n == "-99":
			out = append(out, valueLine{v, SkipAnswer, "Qualtrics: seen but not answered", true})
		case isNumber(n) && strings.HasPrefix(n, "-"):
			out = append(out, valueLine{v, SkipAnswer, `a negative code: "no basis" or "not applicable"`, true})
		case skipWords[strings.Trim(n, ".")]:
			out = append(out, valueLine{v, SkipAnswer, "", true})
		case isCode && code >= 1 && code <= len(labels):
			out = append(out, valueLine{v, labels[code-1], fmt.Sprintf("answer %d of %d: check against the survey's codes", code, len(labels)), true})
		case isCode && code > len(labels):
			out = append(out, valueLine{v, "", fmt.Sprintf(`beyond the %d answers: "skip" if it means no answer`, len(labels)), false})
		case ordered[v] != "":
			out = append(out, valueLine{v, ordered[v], "codes in the order of the answers: check against the survey", true})
		default:
			out = append(out, valueLine{v, "", answersOf(q), false})
		}
	}
	return out
}

// codeLess orders codes by their number ("A2" before "A10"), else as text.
func codeLess(a, b string) bool {
	pa, na, oka := splitCode(Normalize(a))
	pb, nb, okb := splitCode(Normalize(b))
	if oka && okb && pa == pb {
		return na < nb
	}
	return a < b
}

// splitCode splits "A3", "AO03" or "3" into its prefix and number.
func splitCode(s string) (string, int, bool) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 4 || i > 3 {
		return "", 0, false
	}
	for _, c := range s[:i] {
		if c < 'a' || c > 'z' {
			return "", 0, false
		}
	}
	n, err := strconv.Atoi(s[i:])
	return s[:i], n, err == nil
}

// answerLabels are the labels or options of q, its skip answers left out.
func answerLabels(q *Question) []string {
	labels, skip := q.Answers()
	n := 0
	for n < len(labels) && !skip[n] { // Answers gives the skip answers last
		n++
	}
	return labels[:n]
}

// skipWords are answers that mean "no answer" in most surveys.
var skipWords = map[string]bool{
	"n/a": true, "na": true, "n.a": true, "not applicable": true, "don't know": true, "dont know": true,
	"do not know": true, "no answer": true, "prefer not to say": true, "no opinion": true, "unsure": true,
	"no basis for evaluation": true, "no basis": true, "not sure": true, "-": true,
}

// answersOf lists what a question takes, for a comment.
func answersOf(q *Question) string {
	if labels := answerLabels(q); len(labels) > 0 {
		return "one of " + clip(strings.Join(labels, " | "), 90) + `, or "skip"`
	}
	return `an answer, or "skip"`
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// looksLikeCode recognises headers such as Q7, Q3_1, V12 or item_4: an
// export tag that names a question without its text.
func looksLikeCode(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isCodeByte(c) && c != '.' && c != '-' && c != '[' && c != ']' {
			return false
		}
		if '0' <= c && c <= '9' {
			digit = true
		}
	}
	return digit && len(s) <= 24
}

// similarQuestion finds the question among qs whose text or alias shares
// most words with one of texts (Dice's coefficient over word sets).
// similarity is how much of q's text or aliases the texts of a header
// share, word by word (Dice's coefficient over words other than the
// commonest ones, so that "Which team are you in?" does not read like
// "Which safeguards are in place?").
// A header of fewer than minWords such words is too short to tell.
func similarity(texts []string, q *Question, minWords int) float64 {
	best := 0.0
	for _, t := range texts {
		a := words(t)
		if len(a) < minWords {
			continue
		}
		for _, qt := range append([]string{q.Text}, q.Aliases...) {
			best = max(best, dice(a, words(qt)))
		}
	}
	return best
}

// optionInHeader tells the option of multi question q that a header
// names (after "[", " - ", ": " or alone) and the text before it, if any;
// ok is false when the header names an option only as part of a longer
// text, which is no mapping to propose.
func optionInHeader(texts []string, q *Question) (label, stem string, ok bool) {
	for _, t := range texts {
		for _, p := range splitOptionHeader(t) {
			for _, o := range q.Options {
				if headerKey(p[1]) == headerKey(o.Label) {
					return o.Label, p[0], true
				}
			}
		}
		for _, o := range q.Options {
			if n := headerKey(o.Label); n != "" && strings.Contains(headerKey(t), n) {
				return "", "", false
			}
		}
	}
	return "", "", true
}

// stopWords are the commonest words of the languages rubrics are written
// in, which say nothing about what a question asks.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true, "on": true,
	"for": true, "with": true, "at": true, "by": true, "is": true, "are": true, "be": true, "do": true, "doe": true,
	"you": true, "your": true, "we": true, "our": true, "i": true, "my": true, "it": true, "its": true, "this": true,
	"that": true, "which": true, "what": true, "how": true, "who": true, "when": true, "there": true, "have": true,
	"has": true, "der": true, "die": true, "das": true, "und": true, "oder": true, "ist": true, "sind": true,
	"sie": true, "wir": true, "ich": true, "ein": true, "eine": true, "zu": true, "im": true, "mit": true, "welche": true,
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(headerKey(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) > 3 { // a crude stem: "decisions" and "decision" meet
			w = strings.TrimSuffix(w, "s")
		}
		if !stopWords[w] {
			out[w] = true
		}
	}
	return out
}

func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// TOMLString quotes s as a TOML basic string: unlike strconv.Quote it
// never writes \x escapes, which TOML does not know. aiready writes TOML
// (suggested [columns] and [values], norms, new projects) through it.
func TOMLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
