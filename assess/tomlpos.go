package assess

import (
	"strconv"
	"strings"
)

// tomlIndex maps each key of a TOML document to where it is written, so
// that errors found after decoding (a dangling reference, a duplicate id)
// can name a line and column as syntax errors do. BurntSushi/toml keeps
// positions to itself, and without array indexes, so this is a small
// scanner of its own. Paths are dotted, with array-of-table and array
// element indexes: "question.3.scale", "question.3.options.1.label".
type tomlIndex struct {
	file string
	pos  map[string]Position
	// tables counts the [[tables]] of each array of tables, so that a
	// count can be bounded before the document is decoded.
	tables map[string]int
	// err is set when the document passes a limit below; the index then
	// holds only what came before, and the document must not be decoded:
	// index first (ix := indexTOML(...); if ix.err != nil ...), then decode.
	err *Error
}

// Limits on a TOML document, checked by indexTOML before anything decodes
// it. BurntSushi/toml's cost grows faster than linearly with nesting (a
// 100 000-deep inline table takes minutes and tens of GB), and no
// rubric, project or answers file needs more than a few levels.
const (
	maxTOMLDepth    = 32 // nested arrays and inline tables
	maxTOMLKeyParts = 32 // parts of one dotted key or table header
	// The decoder copies a table's name for every key in the table, so a
	// long name times many keys is quadratic: names stay short.
	maxTOMLTableName = 1 << 10
	// Positions are kept for the first elements of each array and for
	// keys whose dotted path stays short: enough for every message, and
	// it keeps the index linear in the size of the file.
	maxIndexedElems = 10_000
	maxIndexedPath  = 4 << 10
)

// stopScan unwinds the scanner when a limit is passed.
type stopScan struct{}

// at returns the position of the longest known prefix of path.
func (ix *tomlIndex) at(path string) Position {
	for {
		if p, ok := ix.pos[path]; ok {
			return p
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return Position{File: ix.file, Line: 1, Col: 1}
		}
		path = path[:i]
	}
}

func tomlPath(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		if s, ok := p.(string); ok && s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		switch p := p.(type) {
		case string:
			b.WriteString(p)
		case int:
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

type tomlScanner struct {
	src       []byte
	i         int
	line, col int
	ix        *tomlIndex
	arrays    map[string]int // array-of-tables path → count so far
	depth     int            // of nested arrays and inline tables
}

// fail records a limit passed at the current position and stops the scan.
func (s *tomlScanner) fail(format string, args ...any) {
	s.ix.err = Errorf(s.here(s.ix.file), format, args...)
	panic(stopScan{})
}

// join returns the path of keys under table, and false when it would be
// too long to index (the caller then indexes nothing below it).
func join(table string, keys []string) (string, bool) {
	n := len(table)
	for _, k := range keys {
		n += len(k) + 1
	}
	if n > maxIndexedPath {
		return "", false
	}
	return joinPath(table, keys), true
}

func indexTOML(file string, src []byte) (ix *tomlIndex) {
	ix = &tomlIndex{file: file, pos: map[string]Position{}}
	if ix.err = checkTOMLDepth(file, src); ix.err != nil {
		return ix
	}
	s := &tomlScanner{src: src, line: 1, col: 1, ix: ix, arrays: map[string]int{}}
	ix.tables = s.arrays
	// A malformed file keeps what was indexed (the parser reports it); a
	// file past a limit stops here with ix.err set.
	defer func() { _ = recover() }()
	table := ""
	for last := -1; s.i < len(s.src); {
		if s.i == last {
			s.adv(1) // no progress: skip the character that stopped the scan
		}
		last = s.i
		s.skipSpaceAndNewlines()
		if s.i >= len(s.src) {
			break
		}
		switch c := s.src[s.i]; {
		case c == '#':
			s.skipComment()
		case c == '[':
			at := s.here(file)
			double := s.peek(1) == '['
			s.adv(1)
			if double {
				s.adv(1)
			}
			keys := s.key()
			if double {
				s.adv(1)
			}
			s.adv(1)
			if len(keys) == 0 {
				continue // "[" at the end of the file: the parser says so
			}
			if n := len(strings.Join(keys, ".")); n > maxTOMLTableName {
				s.ix.err = Errorf(at, "a table name of %d characters; the limit is %d", n, maxTOMLTableName)
				panic(stopScan{})
			}
			// [scales.agree5] also says where "scales" is, unless a
			// line before did.
			for i := 1; i < len(keys); i++ {
				if p := s.resolve(keys[:i]); s.ix.pos[p] == (Position{}) {
					s.ix.pos[p] = at
				}
			}
			table = s.resolve(keys[:len(keys)-1])
			table = joinPath(table, keys[len(keys)-1:])
			if double {
				n := s.arrays[table]
				s.arrays[table] = n + 1
				table = tomlPath(table, n)
			}
			s.ix.pos[table] = at
		default:
			at := s.here(file)
			keys := s.key()
			path, ok := join(table, keys)
			if ok {
				s.ix.pos[path] = at
			}
			s.skipInline()
			if s.i < len(s.src) && s.src[s.i] == '=' {
				s.adv(1)
			}
			s.skipInline()
			s.value(file, path, ok)
		}
	}
	return s.ix
}

// resolve maps a table header's keys to a path, following the latest
// element of any array of tables it passes through.
func (s *tomlScanner) resolve(keys []string) string {
	path := ""
	for _, k := range keys {
		path = joinPath(path, []string{k})
		if n, ok := s.arrays[path]; ok {
			path = tomlPath(path, n-1)
		}
	}
	return path
}

func joinPath(table string, keys []string) string {
	k := strings.Join(keys, ".")
	if table == "" {
		return k
	}
	return table + "." + k
}

func (s *tomlScanner) here(file string) Position {
	return Position{File: file, Line: s.line, Col: s.col}
}

func (s *tomlScanner) peek(n int) byte {
	if s.i+n < len(s.src) {
		return s.src[s.i+n]
	}
	return 0
}

func (s *tomlScanner) adv(n int) {
	for ; n > 0 && s.i < len(s.src); n-- {
		if s.src[s.i] == '\n' {
			s.line++
			s.col = 1
		} else if s.src[s.i]&0xC0 != 0x80 {
			s.col++
		}
		s.i++
	}
}

func (s *tomlScanner) skipInline() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.adv(1)
	}
}

func (s *tomlScanner) skipSpaceAndNewlines() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.adv(1)
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *tomlScanner) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.adv(1)
	}
}

// key reads a possibly dotted, possibly quoted key.
func (s *tomlScanner) key() []string {
	var keys []string
	for {
		if len(keys) == maxTOMLKeyParts {
			s.fail("a key nested more than %d levels deep (dotted parts); nothing aiready reads needs that", maxTOMLKeyParts)
		}
		s.skipInline()
		if s.i >= len(s.src) {
			return keys
		}
		switch s.src[s.i] {
		case '"', '\'':
			start := s.i
			s.str()
			raw := string(s.src[start:s.i])
			if k, err := strconv.Unquote(raw); err == nil && raw[0] == '"' {
				keys = append(keys, k)
			} else {
				keys = append(keys, strings.Trim(raw, `'"`))
			}
		default:
			start := s.i
			for s.i < len(s.src) && isBareKey(s.src[s.i]) {
				s.adv(1)
			}
			if s.i == start {
				s.adv(1) // not a key: step on so the scan ends
			}
			keys = append(keys, string(s.src[start:s.i]))
		}
		s.skipInline()
		if s.i < len(s.src) && s.src[s.i] == '.' {
			s.adv(1)
			continue
		}
		return keys
	}
}

func isBareKey(c byte) bool {
	return c == '_' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// value skips one value, indexing array elements and inline-table keys
// (when index is set).
func (s *tomlScanner) value(file, path string, index bool) {
	if s.i >= len(s.src) {
		return
	}
	if c := s.src[s.i]; c == '[' || c == '{' {
		if s.depth == maxTOMLDepth {
			s.fail("arrays or inline tables nested more than %d levels deep; nothing aiready reads needs that", maxTOMLDepth)
		}
		s.depth++
		defer func() { s.depth-- }()
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.str()
	case '[':
		s.adv(1)
		for n := 0; ; n++ {
			s.skipSpaceAndNewlines()
			if s.i >= len(s.src) || s.src[s.i] == ']' {
				s.adv(1)
				return
			}
			elem, ok := "", index && n < maxIndexedElems
			if ok {
				elem = tomlPath(path, n)
				s.ix.pos[elem] = s.here(file)
			}
			start := s.i
			s.value(file, elem, ok)
			s.skipSpaceAndNewlines()
			if s.i < len(s.src) && s.src[s.i] == ',' || s.i == start {
				s.adv(1) // a comma, or a stray character of a malformed file
			}
		}
	case '{':
		s.adv(1)
		for {
			// TOML 1.1 allows newlines and comments in an inline table.
			s.skipSpaceAndNewlines()
			if s.i >= len(s.src) || s.src[s.i] == '}' {
				s.adv(1)
				return
			}
			at := s.here(file)
			keys := s.key()
			k, ok := "", false
			if index {
				k, ok = join(path, keys)
			}
			if ok {
				s.ix.pos[k] = at
			}
			s.skipInline()
			if s.i < len(s.src) && s.src[s.i] == '=' {
				s.adv(1)
			}
			s.skipInline()
			start := s.i
			s.value(file, k, ok)
			s.skipSpaceAndNewlines()
			if s.i < len(s.src) && s.src[s.i] == ',' || s.i == start {
				s.adv(1)
			}
		}
	default:
		for s.i < len(s.src) {
			switch s.src[s.i] {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.adv(1)
		}
	}
}

// str skips a basic, literal or multi-line string.
func (s *tomlScanner) str() {
	q := s.src[s.i]
	if s.peek(1) == q && s.peek(2) == q {
		s.adv(3)
		for s.i < len(s.src) {
			if q == '"' && s.src[s.i] == '\\' {
				s.adv(2)
				continue
			}
			if s.src[s.i] == q && s.peek(1) == q && s.peek(2) == q {
				s.adv(3)
				for s.i < len(s.src) && s.src[s.i] == q { // up to two quotes may close the content
					s.adv(1)
				}
				return
			}
			s.adv(1)
		}
		return
	}
	s.adv(1)
	for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' {
			s.adv(1)
		}
		s.adv(1)
	}
	s.adv(1)
}

// checkTOMLDepth counts the brackets and braces of src that are open at
// each point, outside strings and comments, and fails at the first one
// past maxTOMLDepth. It knows nothing else of TOML, so no layout (a
// newline or a comment after "{", as TOML 1.1 allows; a table header)
// hides a level from it: the structural scan below follows keys, and a
// construct it misreads must not let the decoder meet 100 000 levels.
// A table header "[[a]]" counts as two levels, which no limit near 32
// can confuse with real nesting.
func checkTOMLDepth(file string, src []byte) *Error {
	depth, line, col := 0, 1, 1
	// step moves past n bytes of src from i, keeping line and column.
	i := 0
	step := func(n int) {
		for ; n > 0 && i < len(src); n-- {
			if src[i] == '\n' {
				line++
				col = 1
			} else if src[i]&0xC0 != 0x80 {
				col++
			}
			i++
		}
	}
	for i < len(src) {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				step(1)
			}
		case '"', '\'':
			if i+2 < len(src) && src[i+1] == c && src[i+2] == c {
				step(3)
				for i < len(src) {
					if c == '"' && src[i] == '\\' {
						step(2)
						continue
					}
					if src[i] == c && i+2 < len(src) && src[i+1] == c && src[i+2] == c {
						step(3)
						for i < len(src) && src[i] == c {
							step(1)
						}
						break
					}
					step(1)
				}
				continue
			}
			step(1)
			for i < len(src) && src[i] != c && src[i] != '\n' {
				if c == '"' && src[i] == '\\' {
					step(1)
				}
				step(1)
			}
			step(1)
		case '[', '{':
			if depth == maxTOMLDepth {
				return Errorf(Position{File: file, Line: line, Col: col}, "arrays or inline tables nested more than %d levels deep; nothing aiready reads needs that", maxTOMLDepth)
			}
			depth++
			step(1)
		case ']', '}':
			depth = max(depth-1, 0)
			step(1)
		default:
			step(1)
		}
	}
	return nil
}
