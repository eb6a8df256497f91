package view

import "unicode/utf8"

// Clean is the last step of every text output (each page of the site,
// report.md): a control character from the inputs (a comment, an
// attribute's value, a header, a title) is never written as it is. The
// outputs are read in browsers, editors and terminals; C0 controls other
// than tab and line ends, DEL and the C1 controls are not text there
// (HTML calls them parse errors, a terminal acts on them: `cat report.md`
// would run an ESC sequence), and no template writes one. So:
//
//   - tab, LF and CRLF stay;
//   - a CR alone becomes LF (what HTML and CommonMark read it as);
//   - every other C0 control, DEL, every C1 control and each byte of
//     invalid UTF-8 becomes U+FFFD, so that the reader sees that
//     something was there.
//
// Clean returns b itself when it holds none of these (the usual case).
func Clean(b []byte) []byte {
	i := 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r <= 0x9f {
			break
		}
		i += n
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '\r' && i+1 < len(b) && b[i+1] == '\n':
			out = append(out, c)
		case c == '\r':
			out = append(out, '\n')
		case c < 0x20 && c != '\t' && c != '\n' || c == 0x7f:
			out = utf8.AppendRune(out, utf8.RuneError)
		case c < utf8.RuneSelf:
			out = append(out, c)
		default:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || r <= 0x9f {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, b[i:i+n]...)
			}
			i += n
			continue
		}
		i++
	}
	return out
}
