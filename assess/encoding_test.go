package assess

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// cp1252Oracle is what cp1252Fallback must give, worked out on the whole
// input at once: UTF-8 stays as it is; an input whose first byte that is
// not ASCII does not start a UTF-8 character is read as Windows-1252 from
// there (the ASCII before it reads the same either way).
func cp1252Oracle(in []byte) (out []byte, switched, bad bool) {
	i := bytes.IndexFunc(in, func(r rune) bool { return r >= utf8.RuneSelf || r == utf8.RuneError })
	if i < 0 {
		return in, false, false
	}
	if r, size := utf8.DecodeRune(in[i:]); r != utf8.RuneError || size > 1 {
		return in, false, false
	}
	out = append([]byte{}, in[:i]...)
	for _, c := range in[i:] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
			return out, true, true // a control character: not text
		}
		// The table of Windows-1252, independent of x/text: 0x80-0x9F
		// are Excel's quotes, dashes and the euro sign; five are unused.
		out = utf8.AppendRune(out, cp1252Table(c))
	}
	return out, true, false
}

func cp1252Table(c byte) rune {
	high := [32]rune{'€', 0xFFFD, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0xFFFD, 'Ž', 0xFFFD,
		0xFFFD, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0xFFFD, 'ž', 'Ÿ'}
	switch {
	case c < 0x80:
		return rune(c)
	case c < 0xA0:
		return high[c-0x80]
	}
	return rune(c) // 0xA0-0xFF are Latin-1's
}

// readFallback reads in through cp1252Fallback, with the reads of the
// input and of the reader both cut to random sizes.
func readFallback(t testing.TB, in []byte, seed uint64) ([]byte, bool, error) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var src io.Reader = bytes.NewReader(in)
	if rng.IntN(2) == 0 {
		src = iotest.OneByteReader(src)
	} else {
		src = iotest.HalfReader(src)
	}
	f := newCP1252Fallback("a.csv", src, 1)
	var out []byte
	for range 1 << 20 {
		p := make([]byte, 1+rng.IntN(40))
		if rng.IntN(4) == 0 {
			p = make([]byte, 4096)
		}
		n, err := f.Read(p)
		if n == 0 && err == nil {
			t.Fatalf("Read(%d bytes) gave nothing and no error", len(p))
		}
		out = append(out, p[:n]...)
		if err != nil {
			_, sw := f.Switched()
			if err == io.EOF {
				err = nil
			}
			return out, sw, err
		}
	}
	t.Fatal("the reader never reached the end")
	return nil, false, nil
}

func TestCP1252Fallback(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		switched       bool
		at             Position
	}{
		{"ASCII", "Team,q01\nOps,Agree\n", "Team,q01\nOps,Agree\n", false, Position{}},
		{"UTF-8", "Équipe,q01\nOps,Agree\n", "Équipe,q01\nOps,Agree\n", false, Position{}},
		{"Excel on Windows", "Team,q01\nR\xe9seau,Agree\n\x93quoted\x94 \x96 \x80 \x92\n", "Team,q01\nRéseau,Agree\n“quoted” – € ’\n", true, Position{Line: 2, Col: 2}},
		{"a stray byte after UTF-8 stays", "Équipe\nCaf\xe9\n", "Équipe\nCaf\xe9\n", false, Position{}},
		{"the last byte", "Team\nCaf\xe9", "Team\nCafé", true, Position{Line: 2, Col: 4}},
		{"a UTF-8 lead byte then ASCII", "a\xc3(b", "aÃ(b", true, Position{Line: 1, Col: 2}},
		{"tabs and CRLF", "a\r\n\xe9\tb\r\n", "a\r\né\tb\r\n", true, Position{Line: 2, Col: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(20) {
				got, sw, err := readFallback(t, []byte(tc.in), seed)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tc.want || sw != tc.switched {
					t.Fatalf("seed %d: got %q (switched %v), want %q (%v)", seed, got, sw, tc.want, tc.switched)
				}
			}
			f := newCP1252Fallback("a.csv", strings.NewReader(tc.in), 1)
			if _, err := io.ReadAll(f); err != nil {
				t.Fatal(err)
			}
			if at, sw := f.Switched(); sw && at != tc.at {
				t.Errorf("first byte not UTF-8 at %v, want %v", at, tc.at)
			}
		})
	}
}

func FuzzCP1252Fallback(f *testing.F) {
	for _, s := range []string{"", "a,b\n", "Caf\xe9\n", "Café\n", "x\xc3", "\xe2\x82", "\xe2\x82\xac\xff", "q\r\n\x93\x94"} {
		f.Add([]byte(s), uint64(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, seed uint64) {
		want, wantSw, bad := cp1252Oracle(in)
		got, sw, err := readFallback(t, in, seed)
		if !bytes.Equal(got, want) || sw != wantSw || (err != nil) != bad {
			t.Fatalf("in %q: got %q (switched %v, error %v), want %q (%v, error %v)", in, got, sw, err, want, wantSw, bad)
		}
	})
}

// TestWindows1252Scores scores the demo answers, repeated to many chunks,
// with a team named "Réseau" from row 4000 on and a comment in Excel's
// quotes: saved as Windows-1252 the file must give exactly the figures the
// UTF-8 file gives, on the fast path and the plain one, with one warning
// that names the encoding and the line of the first such byte.
func TestWindows1252Scores(t *testing.T) {
	rb := loadRubricFile(t, "../rubrics/people-first.toml")
	demo, err := os.ReadFile("../rubrics/demo/people-first-demo.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(demo)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	enc := charmap.Windows1252.NewEncoder()
	var u8, w1252 bytes.Buffer
	uw, ww := csv.NewWriter(&u8), csv.NewWriter(&w1252)
	write := func(rec []string) {
		out := make([]string, len(rec))
		for j, c := range rec {
			e, err := enc.String(c)
			if err != nil { // a character Windows-1252 does not have
				c, e = "x", "x"
				rec[j] = c
			}
			out[j] = e
		}
		if err := uw.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := ww.Write(out); err != nil {
			t.Fatal(err)
		}
	}
	write(append(recs[0], "Comment"))
	const rows, from = 6000, 4000
	for i := range rows {
		rec := append([]string{}, recs[1+i%(len(recs)-1)]...)
		comment := "fine"
		if i+1 >= from {
			rec[2] = "Réseau"
			comment = "“too fast” – they said"
		}
		write(append(rec, comment))
	}
	uw.Flush()
	ww.Flush()
	opt := Options{Segments: []string{"Team"}, MinGroupSize: 5}
	wantPlain, wantFast := scoreBoth(t, "a.csv", u8.Bytes(), rb, opt, ReadOptions{})
	gotPlain, gotFast := scoreBoth(t, "a.csv", w1252.Bytes(), rb, opt, ReadOptions{})
	if !strings.Contains(wantPlain, `"value":"Réseau"`) {
		t.Fatalf("the UTF-8 file has no team Réseau: %.300s", wantPlain)
	}
	if gotPlain != wantPlain || gotFast != wantFast || gotFast != gotPlain {
		t.Errorf("Windows-1252 scores differ from UTF-8:\nplain %v, fast %v", gotPlain == wantPlain, gotFast == wantFast)
	}
	src, err := OpenAnswers("a.csv", bytes.NewReader(w1252.Bytes()), rb, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := NewScorer(rb, opt)
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, w := range res.DataQuality.Warnings {
		if strings.Contains(w.Msg, EncodingWindows1252) {
			warned = append(warned, w.Error())
		}
	}
	// Where the first byte beyond ASCII is, counted independently.
	data := w1252.Bytes()
	first := bytes.IndexFunc(data, func(r rune) bool { return r >= utf8.RuneSelf })
	line := bytes.Count(data[:first], []byte("\n")) + 1
	col := first - bytes.LastIndexByte(data[:first], '\n')
	want := fmt.Sprintf("a.csv:%d:%d:", line, col)
	if len(warned) != 1 || !strings.HasPrefix(warned[0], want) {
		t.Errorf("encoding warnings %q, want one at %s", warned, want)
	}
}
