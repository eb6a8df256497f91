package assess

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// An earlier results.json (`previous`, `history`, the assessments that
// `norms add` folds in) comes from elsewhere: another machine, an e-mail,
// a hand edit. Its figures are printed beside today's, so they are held
// to the rules that today's answers are: a score is a number from 0 to
// 100, a count is at least 0, an id is a short printable name given once,
// a date is a real day of the years 1970-9999, and the file is bounded.

// MaxEarlierDimensions bounds the dimensions of an earlier results.json:
// the largest rubric tested has 100 (docs/reliability.md).
const MaxEarlierDimensions = 10_000

// maxEarlierText bounds an id, a version or a date of an earlier result.
const maxEarlierText = 200

// earlierDim is a dimension of an earlier results.json.
type earlierDim struct {
	ID    string   `json:"id"`
	Score *float64 `json:"score"`
	N     *int     `json:"n"`
}

// checkEarlier checks what an earlier results.json says; what it names is
// its path in the JSON ("dimensions[3].score").
func checkEarlier(file string, rubric *RubricRef, respondents *int, date string, overall *float64, dims []earlierDim) error {
	bad := func(format string, args ...any) error {
		return &Error{Pos: Position{File: file}, Msg: "not a results.json that aiready wrote: " + fmt.Sprintf(format, args...), Err: ErrEarlier}
	}
	if rubric != nil {
		if err := checkEarlierText("rubric.id", rubric.ID, false); err != "" {
			return bad("%s", err)
		}
		if err := checkEarlierText("rubric.version", rubric.Version, true); err != "" {
			return bad("%s", err)
		}
		if err := checkEarlierText("rubric.sha256", rubric.SHA256, true); err != "" {
			return bad("%s", err) // compared only: another one means another rubric
		}
	}
	if respondents != nil && *respondents < 0 {
		return bad("respondents is %d; a count is at least 0", *respondents)
	}
	if date != "" {
		if err := checkEarlierDate(date); err != "" {
			return bad("%s", err)
		}
	}
	if err := checkScore("overall.score", overall); err != "" {
		return bad("%s", err)
	}
	if len(dims) > MaxEarlierDimensions {
		return bad("%d dimensions; the limit is %d", len(dims), MaxEarlierDimensions)
	}
	seen := make(map[string]bool, len(dims))
	for i, d := range dims {
		at := fmt.Sprintf("dimensions[%d]", i)
		if err := checkEarlierText(at+".id", d.ID, false); err != "" {
			return bad("%s", err)
		}
		if seen[d.ID] {
			return bad("%s: dimension %q is listed twice", at, d.ID)
		}
		seen[d.ID] = true
		if err := checkScore(at+".score", d.Score); err != "" {
			return bad("%s", err)
		}
		if d.N != nil && *d.N < 0 {
			return bad("%s.n is %d; a count is at least 0", at, *d.N)
		}
	}
	return nil
}

// ErrEarlier marks an earlier results.json whose content breaks the rules.
var ErrEarlier = fmt.Errorf("invalid earlier results.json")

func checkScore(at string, p *float64) string {
	if p != nil && !(*p >= 0 && *p <= 100) { // NaN fails both
		return fmt.Sprintf("%s is %s; a score is from 0 to 100", at, shortNumber(*p))
	}
	return ""
}

// shortNumber prints a number to check by eye: -1e+308, not 309 digits.
func shortNumber(f float64) string {
	if math.Abs(f) >= 1e6 {
		return fmt.Sprintf("%.3g", f)
	}
	return fmt.Sprintf("%g", f)
}

// checkEarlierText checks an id or a version: short, printable, and not
// empty unless empty is allowed. The text itself is not quoted: it may be
// anything.
func checkEarlierText(at, s string, empty bool) string {
	switch {
	case s == "" && !empty:
		return at + " is empty"
	case len(s) > maxEarlierText:
		return fmt.Sprintf("%s is %d bytes long; the limit is %d", at, len(s), maxEarlierText)
	case !printable(s):
		return at + " holds a control character"
	}
	return ""
}

func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// checkEarlierDate: YYYY-MM-DD, a real day of the years 1970-9999.
func checkEarlierDate(s string) string {
	if len(s) > maxEarlierText || !printable(s) {
		return "date is not a date YYYY-MM-DD"
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Sprintf("date %q is not a date YYYY-MM-DD", s)
	}
	if msg := CheckYear(d); msg != "" {
		return "date " + s + ": " + msg
	}
	return ""
}

// CheckYear says what is wrong with a date outside the years 1970-9999,
// or "": before 1970 no assessment was made (and SOURCE_DATE_EPOCH, a
// count of seconds since 1970, cannot be negative), and after 9999 a
// date no longer has four digits, which YYYY-MM-DD and sorting by date
// rely on.
func CheckYear(t time.Time) string {
	if y := t.UTC().Year(); y < 1970 || y > 9999 {
		return fmt.Sprintf("the year %d is outside 1970-9999", y)
	}
	return ""
}
