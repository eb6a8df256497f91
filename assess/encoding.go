package assess

import (
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encodings a CSV input may be read in, as warnings name them.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1252 = "Windows-1252"
)

// cp1252Fallback passes UTF-8 through, and reads an input that is not
// UTF-8 as Windows-1252, the encoding Excel on Windows saves "CSV" in (and
// in which older SurveyMonkey exports arrive). It decides as it streams:
// while every byte so far is ASCII, which reads the same in both, the first
// byte that cannot be UTF-8 switches the rest of the input to
// Windows-1252. Once a multi-byte UTF-8 character has gone by, the input is
// UTF-8, and a later stray byte is reported in its cell as before: text
// that is valid UTF-8 for pages on end is not Windows-1252.
//
// Windows-1252 is chosen over Latin-1 because it is what Excel writes: the
// bytes 0x80-0x9F are its typographic quotes, dashes and the euro sign.
type cp1252Fallback struct {
	name string
	r    io.Reader
	utf8 bool // a multi-byte UTF-8 character has been read: pass through
	// carry holds the start of a UTF-8 character cut by the end of a read.
	carry    [utf8.UTFMax]byte
	ncarry   int
	switched bool
	buf      []byte // raw bytes waiting to be decoded, once switched
	raw      []byte // readDecoded's read buffer
	pend     []byte // bytes judged but not yet handed out (small reads)
	// line and col are where the first byte that is not UTF-8 is, counted
	// only until then; dline and dcol where decoding has got to since.
	line, col   int
	dline, dcol int
	eof         bool
	err         error
}

func newCP1252Fallback(name string, r io.Reader, line int) *cp1252Fallback {
	return &cp1252Fallback{name: name, r: r, line: line, col: 1}
}

// Switched reports whether the input is being read as Windows-1252, and
// where the first byte that told it is.
func (f *cp1252Fallback) Switched() (Position, bool) {
	return Position{Line: f.line, Col: f.col}, f.switched
}

func (f *cp1252Fallback) Read(p []byte) (int, error) {
	if len(f.pend) > 0 {
		n := copy(p, f.pend)
		f.pend = f.pend[n:]
		return n, nil
	}
	if f.switched {
		return f.readDecoded(p)
	}
	if f.utf8 && f.ncarry == 0 {
		return f.r.Read(p)
	}
	if len(p) <= 2*utf8.UTFMax {
		// Too small to hold a character and what it carries: read into
		// a buffer of our own and hand it out in pieces (encoding/csv
		// reads 4 KB at a time; nothing here reads less).
		tmp := make([]byte, 64)
		n, err := f.Read(tmp)
		k := copy(p, tmp[:n])
		f.pend = tmp[k:n]
		if len(f.pend) > 0 && err == io.EOF {
			err = nil
		}
		return k, err
	}
	n := copy(p, f.carry[:f.ncarry])
	f.ncarry = 0
	var err error
	if !f.eof {
		var m int
		m, err = f.r.Read(p[n:])
		n += m
		if err == io.EOF {
			f.eof = true
		}
	}
	if n == 0 && f.eof {
		return 0, io.EOF
	}
	chunk := p[:n]
	if f.utf8 {
		return n, err
	}
	// Find the first byte that is not ASCII, and judge from there; most
	// reads are all ASCII, which isASCII tells four words a turn.
	if isASCII(chunk) {
		f.advance(chunk)
		return n, err
	}
	i := firstNonASCII(chunk)
	f.advance(chunk[:i])
	rest := chunk[i:]
	r, size := utf8.DecodeRune(rest)
	switch {
	case r != utf8.RuneError || size > 1:
		// A real UTF-8 character: the input is UTF-8.
		f.utf8 = true
		return n, err
	case !f.eof && !utf8.FullRune(rest) && len(rest) < utf8.UTFMax:
		// A character cut by the end of the read: hold it back.
		f.ncarry = copy(f.carry[:], rest)
		n -= len(rest)
		if n == 0 && err == nil {
			return f.Read(p)
		}
		return n, err
	}
	// Not UTF-8: decode the rest of the input as Windows-1252.
	f.switched = true
	f.dline, f.dcol = f.line, f.col
	f.buf = append(f.buf[:0], rest...)
	n -= len(rest)
	if n == 0 {
		if err == io.EOF {
			err = nil
		}
		if err != nil {
			return 0, err
		}
		return f.readDecoded(p)
	}
	if err == io.EOF {
		err = nil // the decoded rest is still to come
	}
	return n, err
}

// firstNonASCII is the index of the first byte of b that is not ASCII,
// or len(b); it reads eight bytes a turn.
func firstNonASCII(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(b)
}

// advance follows line and column over ASCII bytes.
func (f *cp1252Fallback) advance(b []byte) {
	if k := bytes.LastIndexByte(b, '\n'); k >= 0 {
		f.line += bytes.Count(b, []byte{'\n'})
		f.col = len(b) - k
		return
	}
	f.col += len(b)
}

var cp1252 = charmap.Windows1252

// readDecoded decodes buffered and further raw bytes. Every Windows-1252
// byte is one character of at most 3 bytes in UTF-8, so a third of p is
// read raw at a time.
func (f *cp1252Fallback) readDecoded(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	for len(f.buf) == 0 {
		if f.eof {
			return 0, io.EOF
		}
		want := max(len(p)/3, 1)
		if cap(f.raw) < want {
			f.raw = make([]byte, want)
		}
		m, err := f.r.Read(f.raw[:want])
		f.buf = append(f.buf, f.raw[:m]...)
		if err == io.EOF {
			f.eof = true
		} else if err != nil {
			return 0, err
		}
	}
	n := 0
	k := 0
	for k < len(f.buf) {
		c := f.buf[k]
		switch {
		case c == '\n':
			f.dline++
			f.dcol = 0
		case c < 0x20 && c != '\t' && c != '\r', c == 0x7F:
			// Text that Excel saved holds no control characters: this
			// is binary, or an encoding aiready does not know.
			f.err = Errorf(Position{File: f.name, Line: f.dline, Col: f.dcol},
				"byte 0x%02X is a control character, in a file that is not UTF-8: this is not a text file, or not in an encoding aiready reads (UTF-8, UTF-16 with a byte order mark, Windows-1252); save it as \"CSV UTF-8\"", c)
			if n > 0 {
				f.buf = f.buf[k:]
				return n, nil
			}
			return 0, f.err
		}
		f.dcol++
		if c < utf8.RuneSelf {
			if n+1 > len(p) {
				break
			}
			p[n] = c
			n++
			k++
			continue
		}
		r := cp1252.DecodeByte(c)
		if n+utf8.RuneLen(r) > len(p) {
			break
		}
		n += utf8.EncodeRune(p[n:], r)
		k++
	}
	if k == 0 {
		// p is too small for the next character: hand out what fits
		// and keep the rest for the next read.
		var tmp [utf8.UTFMax]byte
		m := utf8.EncodeRune(tmp[:], cp1252.DecodeByte(f.buf[0]))
		n = copy(p, tmp[:m])
		f.pend = append(f.pend[:0], tmp[n:m]...)
		k = 1
	}
	f.buf = f.buf[k:]
	return n, nil
}
