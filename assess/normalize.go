package assess

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form in which labels, option labels and column
// headers are compared: Unicode NFKC, case-folded, typographic quotes and
// dashes as their ASCII forms, white space trimmed and collapsed to one
// space. Two strings match when their normal forms are equal.
func Normalize(s string) string {
	if isPlainASCII(s) {
		return normalizeASCII(s)
	}
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(asciiPunct(r))
	}
	return b.String()
}

// asciiPunct maps typographic quotes and dashes to ASCII.
func asciiPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '\u0060':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return '-'
	}
	return r
}

// isPlainASCII reports whether s is printable ASCII plus ordinary white
// space, for which NFKC and case folding reduce to lower-casing.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return false
		}
	}
	return true
}

func normalizeASCII(s string) string {
	// Fast path: already normal (common for cells such as "4" or "agree").
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('A' <= c && c <= 'Z') || c == '\t' || c == '\n' || c == '\r' || c == '`' ||
			(c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// looseKey is a normal form (Normalize) made looser still, for matching
// what a person typed against what a survey tool wrote: accents dropped
// ("Qualité" is "qualite"), and a final "?", ".", ":", "!" or "…" with
// the spaces before it (French puts one before "?") removed.
func looseKey(n string) string {
	if !isPlainASCII(n) {
		var b strings.Builder
		for _, r := range norm.NFD.String(n) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		n = norm.NFC.String(b.String())
	}
	return strings.TrimRight(n, "?.:!… ")
}
