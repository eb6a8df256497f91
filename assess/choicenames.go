package assess

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Answers are the answers a question offers, in the order a survey shows
// them: a scale's labels or the options, then the skip answers (the
// scale's, then the question's own). skip[i] tells the skip answers
// apart. A text question offers none.
func (q *Question) Answers() (labels []string, skip []bool) {
	add := func(ls []string, s bool) {
		for _, l := range ls {
			labels = append(labels, l)
			skip = append(skip, s)
		}
	}
	switch q.Type {
	case TypeScale:
		add(q.ScaleDef.Labels, false)
		add(q.ScaleDef.Skip, true)
	case TypeChoice, TypeMulti:
		for _, o := range q.Options {
			add([]string{o.Label}, false)
		}
	default:
		return nil, nil
	}
	add(q.Skip, true)
	return labels, skip
}

// ChoiceNames are the names of the question's Answers, one each, where a
// survey tool keeps a name beside each label (XLSForm's choices sheet,
// which KoboToolbox and ODK export as the answer when asked for "XML
// values"). `aiready questionnaire --format xlsform` writes them, and an
// answer cell or an option column that holds one is read as its answer,
// so such an export needs no [values] or [columns] line.
//
// A name is the label folded (accents off, Unicode case folding) with
// each run of anything but letters and digits made one "_":
// "Don't know" is "don_t_know", "Stimme völlig zu" "stimme_vollig_zu".
// A label that leaves nothing is "choice_N" (its place from 1); a name
// given already gets "_2", "_3", ... so that every name is unique.
func (q *Question) ChoiceNames() []string {
	labels, _ := q.Answers()
	return NameChoices(labels, "choice")
}

// NameChoices names a list of labels as ChoiceNames does, a label that
// leaves nothing being empty_N (its place from 1): the names of a
// question's answers (empty "choice"), of a segment's values in a survey
// ("value").
func NameChoices(labels []string, empty string) []string {
	names := make([]string, len(labels))
	used := map[string]bool{}
	for i, l := range labels {
		base := ChoiceName(l)
		if base == "" {
			base = empty + "_" + strconv.Itoa(i+1)
		}
		n := base
		for k := 2; used[n]; k++ {
			n = base + "_" + strconv.Itoa(k)
		}
		used[n] = true
		names[i] = n
	}
	return names
}

// ChoiceName folds a label into a name as ChoiceNames does: letters and
// digits, runs of anything else as one "_", none at either end; "" when
// nothing is left.
func ChoiceName(label string) string {
	// A chain keeps state: one per call (names are made at load time).
	fold := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
	s, _, err := transform.String(fold, label)
	if err != nil {
		s = strings.ToLower(label)
	}
	var b strings.Builder
	gap := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
			continue
		}
		gap = true
	}
	return b.String()
}
