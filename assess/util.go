package assess

import (
	"sort"
	"unicode/utf8"
)

func sortByPos(keys []string, pos func(string) Position) {
	sort.SliceStable(keys, func(i, j int) bool {
		pi, pj := pos(keys[i]), pos(keys[j])
		if pi.Line != pj.Line {
			return pi.Line < pj.Line
		}
		if pi.Col != pj.Col {
			return pi.Col < pj.Col
		}
		return keys[i] < keys[j]
	})
}

// sortErrors orders errors by file position, keeping the order of equals.
func sortErrors(errs ErrorList) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Pos, errs[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// lineCol converts a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(data); {
		if data[i] == '\n' {
			line++
			col = 1
			i++
			continue
		}
		_, n := utf8.DecodeRune(data[i:])
		i += n
		col++
	}
	return line, col
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}
