package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// The number and date forms of each language. English is written as the
// renderers always wrote it (a decimal point, no grouping, "20 November
// 2026"); German uses the decimal comma and "20. November 2026". Scores
// lie in 0-100 and counts are small, so no thousands grouping is needed.
type forms struct {
	decimal string
	// percentSpace goes between a number and "%": none in English, a
	// no-break space in German (DIN 5008).
	percentSpace string
	date         func(time.Time) string
	ordinal      func(int) string
}

var months = map[string][12]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}

var formsOf = map[string]forms{
	"en": {decimal: ".", date: func(t time.Time) string { return t.Format("2 January 2006") }, ordinal: englishOrdinal},
	"de": {decimal: ",", percentSpace: "\u00a0", date: func(t time.Time) string {
		return strconv.Itoa(t.Day()) + ". " + months["de"][t.Month()-1] + " " + strconv.Itoa(t.Year())
	}, ordinal: func(n int) string { return strconv.Itoa(n) + "." }},
}

func (p *Printer) forms() forms { return p.f }

// Number formats f with the given decimals (-1: as few as needed).
//
// Halves round away from zero (56.25 shows as 56.3), as `aiready score`
// and the questionnaire print them, not to the even neighbour as
// strconv would; and a value that rounds to zero never shows as "-0.0".
func (p *Printer) Number(f float64, decimals int) string {
	if decimals < 0 { // as written: the shortest form that reads back the same
		return p.Dec(strconv.FormatFloat(f, 'f', -1, 64))
	}
	r := Round(f, decimals)
	if r == 0 {
		r = 0 // not -0
	}
	return p.Dec(strconv.FormatFloat(r, 'f', decimals, 64))
}

// Round rounds f to the given decimals, halves away from zero: 56.25 to
// one decimal is 56.3, where strconv and fmt would give the even 56.2.
// It is the one rounding of every figure a reader sees (Number, and
// through it site/view) and of the site's chart coordinates, so that no
// two outputs can round one figure two ways. The other math.Round calls
// are not figures: colour channels (site/color.go, site/pdf/color.go) and
// font metrics (site/pdf/ttf.go) round to integers in their own units.
func Round(f float64, decimals int) float64 {
	scale := math.Pow10(decimals)
	return math.Round(f*scale) / scale
}

// One writes a score or a share with one decimal (see Number).
func (p *Printer) One(f float64) string { return p.Number(f, 1) }

// Dec puts a number that was formatted with a decimal point, such as
// fmt's "%.1f", into the language's form.
func (p *Printer) Dec(s string) string {
	if d := p.forms().decimal; d != "." {
		return strings.Replace(s, ".", d, 1)
	}
	return s
}

// Percent writes a number already formatted (see Number) as a percentage.
func (p *Printer) Percent(num string) string { return num + p.forms().percentSpace + "%" }

// Pct writes a share (0.125) as a whole percentage ("13 %" in German),
// rounded as Number rounds; every renderer's whole percentages come here.
func (p *Printer) Pct(share float64) string { return p.Percent(p.Number(share*100, 0)) }

// Date writes a day in words: "20 November 2026", "20. November 2026".
func (p *Printer) Date(t time.Time) string { return p.forms().date(t) }

// Ordinal writes a rank: "72nd" in English, "72." in German.
func (p *Printer) Ordinal(n int) string { return p.forms().ordinal(n) }

// englishOrdinal writes 1st, 2nd, 3rd, 11th, 72nd.
func englishOrdinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
