package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// A small valid rubric that the generated cases grow or break.
const tinyRubric = `format = 1
id = "tiny"
title = "Tiny"
version = "1"
[scales.yn]
points = [0, 1]
labels = ["No", "Yes"]
[[dimension]]
id = "d"
title = "D"
[[question]]
id = "q1"
dimension = "d"
scale = "yn"
text = "Q"
[[level]]
id = "low"
title = "Low"
min = 0
`

// badGenerated returns the cases whose inputs are too large, too binary
// or too repetitive to commit: they are written when the case runs.
func badGenerated(root string) []*badCase {
	file := func(name string, data func() []byte) map[string]func(string) error {
		return map[string]func(string) error{name: func(p string) error { return os.WriteFile(p, data(), 0o644) }}
	}
	demoCSV := filepath.Join(root, "rubrics", "demo", "people-first-demo.csv")
	cases := []*badCase{
		// Rubrics.
		{
			name: "gen-rubric-10000-questions", args: []string{"validate", "big.toml"}, exit: 0,
			stdout:  []string{`^big\.toml: ok: rubric "big" version 1, 100 dimensions, 10000 questions \(10000 scored\)`},
			gen:     file("big.toml", func() []byte { return manyQuestions(100, 100) }),
			timeout: 30 * time.Second,
		},
		{
			name: "gen-rubric-10000-questions-score", args: []string{"score", "-q", "--format", "json", "-r", "big.toml", "answers.csv"}, exit: 0,
			stdout: []string{`"respondents": 200`},
			gen: merge(file("big.toml", func() []byte { return manyQuestions(100, 100) }),
				file("answers.csv", func() []byte { return manyAnswers(100, 100, 200) })),
			timeout: 60 * time.Second,
		},
		{
			name: "gen-rubric-100000-open-brackets", args: []string{"validate", "deep.toml"}, exit: 1,
			stderr: []string{`^aiready: deep\.toml:1:\d+: `},
			gen:    file("deep.toml", func() []byte { return []byte("a = " + strings.Repeat("[", 100_000)) }),
		},
		{
			name: "gen-rubric-100000-nested-arrays", args: []string{"validate", "deep.toml"}, exit: 1,
			stderr: []string{`^aiready: deep\.toml:1:37: arrays or inline tables nested more than 32 levels deep`},
			gen: file("deep.toml", func() []byte {
				return []byte("a = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n" + tinyRubric)
			}),
		},
		{
			name: "gen-rubric-100000-nested-inline-tables", args: []string{"validate", "deep.toml"}, exit: 1,
			stderr: []string{`^aiready: deep\.toml:1:101: arrays or inline tables nested more than 32 levels deep`},
			gen: file("deep.toml", func() []byte {
				return []byte("a = " + strings.Repeat("{a=", 100_000) + "1" + strings.Repeat("}", 100_000) + "\n" + tinyRubric)
			}),
		},
		{
			name: "gen-rubric-100000-dotted-table-header", args: []string{"validate", "deep.toml"}, exit: 1,
			stderr: []string{`^aiready: deep\.toml:20:\d+: a key nested more than 32 levels deep`},
			gen: file("deep.toml", func() []byte {
				return []byte(tinyRubric + "[" + strings.Repeat("a.", 100_000) + "a]\n")
			}),
		},
		{
			name: "gen-rubric-100000-dotted-key", args: []string{"validate", "deep.toml"}, exit: 1,
			stderr: []string{`^aiready: deep\.toml:21:\d+: a key nested more than 32 levels deep`},
			gen: file("deep.toml", func() []byte {
				return []byte(tinyRubric + "[[dimension]]\n" + strings.Repeat("a.", 100_000) + "a = 1\n")
			}),
		},
		{
			name: "gen-rubric-5mb-description", args: []string{"validate", "big.toml"}, exit: 0,
			stdout: []string{`^big\.toml: ok: rubric "tiny"`},
			gen: file("big.toml", func() []byte {
				return []byte(tinyRubric + "[[dimension]]\nid = \"e\"\ntitle = \"E\"\ndescription = \"\"\"" + strings.Repeat("x", 5<<20) + "\"\"\"\n[[question]]\nid = \"q2\"\ndimension = \"e\"\nscale = \"yn\"\ntext = \"Q2\"\n")
			}),
		},
		{
			name: "gen-rubric-5mb-unterminated-string", args: []string{"validate", "big.toml"}, exit: 1,
			stderr: []string{`^aiready: big\.toml:\d+:\d+: TOML syntax: `},
			gen:    file("big.toml", func() []byte { return []byte(tinyRubric + "description = \"" + strings.Repeat("x", 5<<20)) }),
		},
		{
			name: "gen-rubric-5mb-unknown-key", args: []string{"validate", "big.toml"}, exit: 1,
			stderr: []string{`^aiready: big\.toml:1:1: unknown key "x{80}…"$`},
			gen:    file("big.toml", func() []byte { return []byte(strings.Repeat("x", 5<<20) + " = 1\n" + tinyRubric) }),
		},
		{
			name: "gen-rubric-5mb-table-name-many-keys", args: []string{"validate", "big.toml"}, exit: 1,
			stderr: []string{`^aiready: big\.toml:20:1: a table name of 5242880 characters; the limit is 1024$`},
			gen: file("big.toml", func() []byte {
				var b strings.Builder
				b.WriteString(tinyRubric + "[" + strings.Repeat("x", 5<<20) + "]\n")
				for i := range 200_000 {
					fmt.Fprintf(&b, "k%d = 1\n", i)
				}
				return []byte(b.String())
			}),
		},
		{
			name: "gen-rubric-array-of-2-million-numbers", args: []string{"validate", "big.toml"}, exit: 1,
			stderr:   []string{`^aiready: big\.toml:1:1: unknown key "a"$`},
			gen:      file("big.toml", func() []byte { return []byte("a = [" + strings.Repeat("0,", 2_000_000) + "]\n" + tinyRubric) }),
			maxAlloc: 2 << 30,
		},
		{
			name: "gen-rubric-17mb", args: []string{"validate", "big.toml"}, exit: 1,
			stderr: []string{`^aiready: big\.toml(:1:1)?: rubric is \d+ bytes; the limit is \d+`},
			gen:    file("big.toml", func() []byte { return []byte(tinyRubric + "# " + strings.Repeat("x", 17<<20) + "\n") }),
		},
		{
			name: "gen-rubric-1.5gb-sparse", args: []string{"validate", "huge.toml"}, exit: 1,
			stderr: []string{`^aiready: huge\.toml(:1:1)?: rubric is \d+ bytes; the limit is \d+|larger than`},
			gen:    sparse("huge.toml", 3<<29),
		},
		{
			name: "gen-rubric-binary-junk", args: []string{"validate", "junk.toml"}, exit: 1,
			stderr: []string{`^aiready: junk\.toml:\d+:\d+: `},
			gen:    file("junk.toml", func() []byte { return junk(64 << 10) }),
		},
		{
			name: "gen-rubric-utf16-bom", args: []string{"validate", "u16.toml"}, exit: 1,
			stderr: []string{`^aiready: u16\.toml:1:1: invalid UTF-8; save the rubric as UTF-8$`},
			gen:    file("u16.toml", func() []byte { return utf16LE(tinyRubric) }),
		},

		// Answers.
		{
			name: "gen-csv-10mb-cell", args: []string{"score", "a.csv"}, exit: 0,
			stderr: []string{`^aiready: a\.csv:2:4: warning: question "s02": answer "AAAA.{0,80}" is not a label or point`},
			stdout: []string{`^Respondents: 1 `},
			gen:    file("a.csv", func() []byte { return []byte("Respondent,s02\nR1,\"" + strings.Repeat("A", 10<<20) + "\"\n") }),
		},
		{
			name: "gen-csv-10mb-cell-strict", args: []string{"score", "--strict", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:2:4: question "s02": answer "AAAA.{0,80}" is not a label or point`},
			gen:    file("a.csv", func() []byte { return []byte("Respondent,s02\nR1,\"" + strings.Repeat("A", 10<<20) + "\"\n") }),
		},
		{
			name: "gen-csv-17mb-unclosed-quote", args: []string{"score", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:2:4: this quoted field runs on for more than 16 MB`},
			gen:    file("a.csv", func() []byte { return []byte("Respondent,s02\nR1,\"" + strings.Repeat("A", 17<<20) + "\n") }),
		},
		{
			name: "gen-csv-17mb-row", args: []string{"score", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:2:1: this row is longer than 16 MB`},
			gen:    file("a.csv", func() []byte { return []byte("Respondent,s02\nR1," + strings.Repeat("A", 17<<20) + "\n") }),
		},
		{
			name: "gen-csv-100000-columns", args: []string{"score", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv: no column matches a question of rubric "people-first" \(columns: "c0", "c1", "c2" and 99997 more\)$`},
			gen:    file("a.csv", func() []byte { return wideCSV(100_000, false) }),
		},
		{
			name: "gen-csv-100000-columns-one-question", args: []string{"score", "-q", "a.csv"}, exit: 0,
			stdout: []string{`^Respondents: 2 `},
			gen:    file("a.csv", func() []byte { return wideCSV(100_000, true) }),
		},
		{
			name: "gen-csv-300000-rows", args: []string{"score", "-q", "--segment", "Team", "a.csv"}, exit: 0,
			stdout:  []string{`^Respondents: 300000 `},
			gen:     map[string]func(string) error{"a.csv": manyRows(300_000)},
			timeout: 2 * time.Minute, maxAlloc: 4 << 30, // about 3.7 KB allocated per row, none kept
		},
		{
			name: "gen-csv-binary-junk", args: []string{"score", "junk.csv"}, exit: 1,
			stderr: []string{`^aiready: junk\.csv:1:1: `},
			gen:    file("junk.csv", func() []byte { return junk(1 << 20) }),
		},
		{
			name: "gen-answers-binary-junk-no-extension", args: []string{"score", "junk"}, exit: 1,
			stderr: []string{`^aiready: junk:1:1: `},
			gen:    file("junk", func() []byte { return junk(1 << 20) }),
		},
		{
			name: "gen-answers-binary-junk-stdin", args: []string{"score", "-"}, exit: 1, stdin: "junk",
			stderr: []string{`^aiready: stdin:2:\d+: byte 0x[0-9A-F]{2} is a control character, in a file that is not UTF-8`},
			gen:    file("junk", func() []byte { return append([]byte("Respondent,s02\nR1,"), junk(1<<20)...) }),
		},
		{
			name: "gen-csv-utf16-bom", args: []string{"score", "-q", "a.csv"}, exit: 0,
			stdout: []string{`^Respondents: 1 `},
			gen:    file("a.csv", func() []byte { return utf16LE("Respondent,s02,Role\r\nR1,Agree,X\r\n") }),
		},
		{
			name: "gen-csv-utf16-no-bom", args: []string{"score", "a.csv"}, exit: 1,
			stderr: []string{`^aiready: a\.csv:1:1: the header line holds NUL bytes`},
			gen:    file("a.csv", func() []byte { return utf16LE("Respondent,s02,Role\r\nR1,Agree,X\r\n")[2:] }),
		},
		{
			name: "gen-csv-all-zeros-1.5gb-sparse", args: []string{"score", "zeros.csv"}, exit: 1,
			stderr: []string{`^aiready: zeros\.csv:1:1: the header line holds NUL bytes`},
			gen:    sparse("zeros.csv", 3<<29),
		},
		{
			name: "gen-json-100000-nested-arrays", args: []string{"score", "a.json"}, exit: 1,
			stderr: []string{`^aiready: a\.json:\d+:\d+: `},
			gen: file("a.json", func() []byte {
				return []byte(`{"respondents": [{"answers": {"s02": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}}]}`)
			}),
		},
		{
			name: "gen-native-toml-3000-nested-inline-tables", args: []string{"score", "a.toml"}, exit: 1,
			stderr: []string{`^aiready: a\.toml:\d+:\d+: .*nested`},
			gen: file("a.toml", func() []byte {
				return []byte("[[respondent]]\na = " + strings.Repeat("{a=", 3000) + "1" + strings.Repeat("}", 3000) + "\n")
			}),
		},
		{
			name: "gen-native-toml-1.5gb-sparse", args: []string{"score", "a.toml"}, exit: 1,
			stderr: []string{`^aiready: a\.toml: native TOML answer files larger than 32 MB are not read`},
			gen:    sparse("a.toml", 3<<29),
		},

		// Workbooks.
		{
			name: "gen-xlsx-not-a-zip", args: []string{"score", "a.xlsx"}, exit: 1,
			stderr: []string{`^aiready: a\.xlsx: not an XLSX workbook \(it is not a zip file\)$`},
			gen:    file("a.xlsx", func() []byte { return []byte("Respondent,s02\nR1,Agree\n") }),
		},
		{
			name: "gen-xlsx-zip-without-workbook", args: []string{"score", "a.xlsx"}, exit: 1,
			stderr: []string{`^aiready: a\.xlsx: a zip file, but not an XLSX workbook`},
			gen:    zipFile("a.xlsx", map[string]string{"hello.txt": "hi"}),
		},
		{
			name: "gen-xlsx-truncated", args: []string{"score", "a.xlsx"}, exit: 1,
			stderr: []string{`^aiready: a\.xlsx: `},
			gen: file("a.xlsx", func() []byte {
				b := validXLSX()
				return b[:len(b)/2]
			}),
		},
		{
			name: "gen-xlsx-old-xls-renamed", args: []string{"score", "a.xlsx"}, exit: 1,
			stderr: []string{`^aiready: a\.xlsx: this is an old Excel \(\.xls\) or password-protected workbook`},
			gen:    file("a.xlsx", func() []byte { return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, junk(4096)...) }),
		},
		{
			name: "gen-xlsx-valid", args: []string{"score", "-q", "a.xlsx"}, exit: 0,
			stdout: []string{`^Respondents: 2 `},
			gen:    file("a.xlsx", validXLSX),
		},
		{
			name: "gen-xlsx-zip-bomb-sheet-1.1gb", args: []string{"score", "bomb.xlsx"}, exit: 1,
			stderr:  []string{`^aiready: bomb\.xlsx: the workbook unzips to more than 256 MB; it is not read$`},
			gen:     bomb("bomb.xlsx", "xl/worksheets/sheet1.xml", 1100<<20, false),
			timeout: time.Minute,
		},
		{
			name: "gen-xlsx-zip-bomb-sheet-lies-about-size", args: []string{"score", "bomb.xlsx"}, exit: 1,
			stderr:  []string{`^aiready: bomb\.xlsx(:1:1)?: `},
			gen:     bomb("bomb.xlsx", "xl/worksheets/sheet1.xml", 1100<<20, true),
			timeout: time.Minute,
		},
		{
			name: "gen-xlsx-zip-bomb-sheet-600mb", args: []string{"score", "bomb.xlsx"}, exit: 1,
			stderr:  []string{`^aiready: bomb\.xlsx(:\d+:\d+)?: `},
			gen:     bomb("bomb.xlsx", "xl/worksheets/sheet1.xml", 600<<20, false),
			timeout: time.Minute,
		},
		{
			name: "gen-xlsx-zip-bomb-shared-strings-900mb", args: []string{"score", "bomb.xlsx"}, exit: 1,
			stderr:  []string{`^aiready: bomb\.xlsx(:\d+:\d+)?: `},
			gen:     bomb("bomb.xlsx", "xl/sharedStrings.xml", 900<<20, false),
			timeout: time.Minute,
		},

		// Demo answers through odd routes.
		{
			name: "gen-demo-answers-as-rubric", args: []string{"validate", demoCSV}, exit: 1,
			stderr: []string{`^aiready: .*people-first-demo\.csv:1:\d+: TOML syntax: `},
		},
	}
	return append(cases, badText(root)...)
}

func merge(ms ...map[string]func(string) error) map[string]func(string) error {
	out := map[string]func(string) error{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// manyQuestions is a valid rubric with dims dimensions of per questions.
func manyQuestions(dims, per int) []byte {
	var b bytes.Buffer
	b.WriteString("format = 1\nid = \"big\"\ntitle = \"Big\"\nversion = \"1\"\n[scales.yn]\npoints = [0, 1]\nlabels = [\"No\", \"Yes\"]\n")
	for d := range dims {
		fmt.Fprintf(&b, "[[dimension]]\nid = \"d%d\"\ntitle = \"Dimension %d\"\n", d, d)
	}
	for d := range dims {
		for q := range per {
			fmt.Fprintf(&b, "[[question]]\nid = \"q%d_%d\"\ndimension = \"d%d\"\nscale = \"yn\"\ntext = \"Question %d of dimension %d\"\n", d, q, d, q, d)
		}
	}
	b.WriteString("[[level]]\nid = \"low\"\ntitle = \"Low\"\nmin = 0\n[[level]]\nid = \"high\"\ntitle = \"High\"\nmin = 50\n")
	return b.Bytes()
}

func manyAnswers(dims, per, rows int) []byte {
	var b bytes.Buffer
	b.WriteString("Respondent")
	for d := range dims {
		for q := range per {
			fmt.Fprintf(&b, ",q%d_%d", d, q)
		}
	}
	b.WriteByte('\n')
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rows {
		fmt.Fprintf(&b, "R%d", i)
		for range dims * per {
			b.WriteString([]string{",Yes", ",No", ","}[r.IntN(3)])
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func wideCSV(n int, withQuestion bool) []byte {
	var b bytes.Buffer
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		if withQuestion && i == n/2 {
			b.WriteString("s02")
			continue
		}
		fmt.Fprintf(&b, "c%d", i)
	}
	b.WriteByte('\n')
	for range 2 {
		b.WriteString(strings.Repeat("x,", n/2) + "Agree" + strings.Repeat(",x", n-n/2-1) + "\n")
	}
	return b.Bytes()
}

// manyRows streams a CSV of n respondents to disk without holding it.
func manyRows(n int) func(string) error {
	return func(p string) error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		w := bufioWriter(f)
		fmt.Fprintln(w, "Respondent,Team,s02,s03,h01,h02,u01,l01")
		labels := []string{"Strongly disagree", "Disagree", "Agree", "Strongly agree", ""}
		for i := range n {
			fmt.Fprintf(w, "R%d,T%d,%s,%s,%s,%s,,\n", i, i%7, labels[i%5], labels[(i/5)%5], labels[(i/25)%5], labels[(i/3)%5])
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
}

func junk(n int) []byte {
	r := rand.New(rand.NewPCG(9, 9))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	b[0] = 0xFF // not a BOM, not text, not a zip
	b[1] = 0x00
	return b
}

func utf16LE(s string) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// sparse makes a file of n zero bytes that takes no room on disk.
func sparse(name string, n int64) map[string]func(string) error {
	return map[string]func(string) error{name: func(p string) error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		if err := f.Truncate(n); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}}
}

func zipFile(name string, files map[string]string) map[string]func(string) error {
	return map[string]func(string) error{name: func(p string) error {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for n, body := range files {
			w, err := zw.Create(n)
			if err != nil {
				return err
			}
			io.WriteString(w, body)
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return os.WriteFile(p, buf.Bytes(), 0o644)
	}}
}

func validXLSX() []byte {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"Respondent", "Role", "s02", "s03"}, {"R1", "Lead", "Agree", "Disagree"}, {"R2", "Staff", 4, 2}}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// bombs caches the compressed zeros of each size: making one takes seconds.
var bombs sync.Map // int64 → []byte

// bomb makes a valid workbook whose part named part is replaced by size
// zero bytes, deflated (about a thousandth of size on disk). With lie
// set, the zip's directory claims the part is 1 KB.
func bomb(name, part string, size int64, lie bool) map[string]func(string) error {
	return map[string]func(string) error{name: func(p string) error {
		comp, crc := deflatedZeros(size)
		zr, err := zip.NewReader(bytes.NewReader(validXLSX()), int64(len(validXLSX())))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		wroteBomb := false
		put := func() error {
			h := &zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc, CompressedSize64: uint64(len(comp)), UncompressedSize64: uint64(size)}
			if lie {
				h.UncompressedSize64 = 1024
			}
			w, err := zw.CreateRaw(h)
			if err != nil {
				return err
			}
			_, err = w.Write(comp)
			wroteBomb = true
			return err
		}
		for _, f := range zr.File {
			if f.Name == part {
				if err := put(); err != nil {
					return err
				}
				continue
			}
			if err := zw.Copy(f); err != nil {
				return err
			}
		}
		if !wroteBomb {
			if err := put(); err != nil {
				return err
			}
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return os.WriteFile(p, buf.Bytes(), 0o644)
	}}
}

func deflatedZeros(size int64) ([]byte, uint32) {
	type z struct {
		comp []byte
		crc  uint32
	}
	if v, ok := bombs.Load(size); ok {
		return v.(z).comp, v.(z).crc
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	zero := make([]byte, 1<<20)
	crc := crc32Zeros(size, zero)
	for left := size; left > 0; {
		n := min(left, int64(len(zero)))
		w.Write(zero[:n])
		left -= n
	}
	w.Close()
	bombs.Store(size, z{buf.Bytes(), crc})
	return buf.Bytes(), crc
}

func crc32Zeros(size int64, zero []byte) uint32 {
	var crc uint32
	for left := size; left > 0; {
		n := min(left, int64(len(zero)))
		crc = crc32.Update(crc, crc32.IEEETable, zero[:n])
		left -= n
	}
	return crc
}

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<20) }
