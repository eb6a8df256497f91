package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Unescape returns the text of a goldmark Text node's source as a reader
// sees it: backslash escapes and character references resolved, as
// goldmark's HTML writer does, but nothing HTML-escaped. report.md's
// headings and the PDF's renderer use it.
func Unescape(b []byte) string {
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			i++
			out.WriteByte(b[i])
		case c == 0:
			out.WriteRune(utf8.RuneError)
		case c == '&':
			if s, n := reference(b[i:]); n > 0 {
				out.WriteString(s)
				i += n - 1
				continue
			}
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// reference resolves a character reference at the start of b ("&amp;",
// "&#233;", "&#xE9;") and returns its text and length, or 0.
func reference(b []byte) (string, int) {
	end := 1
	for end < len(b) && end < 40 && b[end] != ';' {
		end++
	}
	if end >= len(b) || b[end] != ';' || end == 1 {
		return "", 0
	}
	name := string(b[1:end])
	if name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if digits == "" || base == 10 && len(digits) > 7 || base == 16 && len(digits) > 6 {
			return "", 0
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), end + 1
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}
