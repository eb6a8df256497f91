package main

// The attacks of issue 15 ("Memory and time without bound"), at full size:
// small files (most under 500 KB) that made aiready spend gigabytes or
// minutes. Each must now be refused with "aiready: FILE[:LINE:COL]: ...",
// exit 1, no output, within attackAlloc bytes allocated in all and a
// wall-clock guard. They run through runBadCase, like the bad-input corpus.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// attackAlloc bounds what refusing one attack may allocate, in all.
const attackAlloc = 256 << 20

// deepTOML is valid TOML 1.1: an inline table opened with a newline, then
// n nested inline tables (10 000 took 4 GB and 21 s).
func deepTOML(n int) []byte {
	return []byte("x = {\n}\na = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n")
}

const answersCSV = "Respondent,Role,s02,s03,h01,h02\nR1,Lead,Agree,Agree,Disagree,Agree\n"

func writeGen(name string, data func() []byte) map[string]func(string) error {
	return map[string]func(string) error{name: func(p string) error { return os.WriteFile(p, data(), 0o644) }}
}

// part is one file of a generated workbook: head, then unit n times, then
// tail, deflated as it is made.
type part struct {
	head, unit, tail string
	n                int
}

// workbookWith makes a valid workbook (validXLSX) with some parts
// replaced or added.
func workbookWith(name string, parts map[string]part) map[string]func(string) error {
	return map[string]func(string) error{name: func(p string) error {
		base := validXLSX()
		zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		if err != nil {
			return err
		}
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriterSize(f, 1<<20)
		zw := zip.NewWriter(bw)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
		for _, zf := range zr.File {
			if _, ok := parts[zf.Name]; ok {
				continue
			}
			if err := zw.Copy(zf); err != nil {
				return err
			}
		}
		for n, pt := range parts {
			w, err := zw.Create(n)
			if err != nil {
				return err
			}
			// Write the repeated unit in blocks: a byte at a time would take
			// minutes for 260 MB.
			block := []byte(strings.Repeat(pt.unit, max(1, (64<<10)/max(1, len(pt.unit)))))
			per := len(block) / max(1, len(pt.unit))
			io.WriteString(w, pt.head)
			for left := pt.n; left > 0; left -= per {
				k := min(left, per)
				w.Write(block[:k*len(pt.unit)])
			}
			io.WriteString(w, pt.tail)
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return bw.Flush()
	}}
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const sheetTail = `</sheetData></worksheet>`
const sstHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// stylesWith is a styles.xml whose style 1 carries number format code.
func stylesWith(code string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="` + code + `"/></numFmts>` +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
		`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
}

// formattedCells is a sheet of n rows, each a respondent number and an
// answer to s02 in style 1.
func formattedCells(n int) part {
	var b strings.Builder
	b.WriteString(sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>Respondent</t></is></c><c r="B1" t="inlineStr"><is><t>s02</t></is></c></row>`)
	for i := 2; i < n+2; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" s="1"><v>%d</v></c><c r="B%d" s="1"><v>4</v></c></row>`, i, i, i, i)
	}
	return part{head: b.String(), tail: sheetTail}
}

func limitCases() []*badCase {
	project := func(toml string) map[string]func(string) error {
		return merge(writeGen("p/assessment.toml", func() []byte {
			return []byte("title = \"N\"\nclient = \"N\"\ndate = 2026-11-20\ninputs = [\"answers.csv\"]\nsegments = [\"Role\"]\nout = \"out\"\n" + toml)
		}), writeGen("p/answers.csv", func() []byte { return []byte(answersCSV) }))
	}
	csv := writeGen("a.csv", func() []byte { return []byte(answersCSV) })
	nested := `:3:101: arrays or inline tables nested more than 32 levels deep`
	return []*badCase{
		// TOML: nesting after an inline table opened with a newline, in
		// every kind of TOML file.
		{name: "limit-toml-rubric-100000-nested-after-multiline-table", args: []string{"validate", "deep.toml"},
			stderr: []string{`^aiready: deep\.toml` + nested},
			gen:    writeGen("deep.toml", func() []byte { return append(deepTOML(100_000), tinyRubric...) })},
		{name: "limit-toml-project-100000-nested-after-multiline-table", args: []string{"build", "-q", "p"},
			stderr: []string{`^aiready: p/assessment\.toml:9:101: arrays or inline tables nested more than 32 levels deep`},
			gen:    project(string(deepTOML(100_000)))},
		{name: "limit-toml-map-100000-nested-after-multiline-table", args: []string{"score", "--map", "map.toml", "a.csv"},
			stderr: []string{`^aiready: map\.toml` + nested},
			gen:    merge(csv, writeGen("map.toml", func() []byte { return deepTOML(100_000) }))},
		{name: "limit-toml-norms-100000-nested-after-multiline-table", args: []string{"build", "--norms", "norms.toml", "a.csv"},
			stderr: []string{`^aiready: norms\.toml` + nested},
			gen:    merge(csv, writeGen("norms.toml", func() []byte { return deepTOML(100_000) }))},
		{name: "limit-toml-answers-100000-nested-after-multiline-table", args: []string{"score", "a.toml"},
			stderr: []string{`^aiready: a\.toml` + nested},
			gen:    writeGen("a.toml", func() []byte { return deepTOML(100_000) })},

		// Workbooks.
		{name: "limit-xlsx-52-million-empty-shared-strings", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: xl/sharedStrings\.xml holds more than 1048576 texts`},
			gen:    workbookWith("a.xlsx", map[string]part{"xl/sharedStrings.xml": {head: sstHead, unit: "<si/>", n: 52_000_000, tail: "</sst>"}})},
		{name: "limit-xlsx-20-million-rich-text-runs-in-5-million-strings", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: xl/sharedStrings\.xml holds more than 4194304 XML elements`},
			gen:    workbookWith("a.xlsx", map[string]part{"xl/sharedStrings.xml": {head: sstHead, unit: "<si><r><t>a</t></r><r><t>a</t></r><r><t>a</t></r><r><t>a</t></r></si>", n: 5_000_000, tail: "</sst>"}})},
		{name: "limit-xlsx-200mb-shared-string", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: a cell of xl/sharedStrings\.xml holds more than 16 MB`},
			gen:    workbookWith("a.xlsx", map[string]part{"xl/sharedStrings.xml": {head: sstHead + "<si><t>", unit: "A", n: 200 << 20, tail: "</t></si></sst>"}})},
		{name: "limit-xlsx-200mb-header-cell", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: a cell of xl/worksheets/sheet1\.xml holds more than 16 MB`},
			gen: workbookWith("a.xlsx", map[string]part{"xl/worksheets/sheet1.xml": {head: sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>`, unit: "A", n: 200 << 20,
				tail: `</t></is></c></row>` + sheetTail}})},
		{name: "limit-xlsx-20kb-number-format", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: number format 164 in xl/styles\.xml is 20000 characters long; the limit is 255`},
			gen: workbookWith("a.xlsx", map[string]part{"xl/styles.xml": {head: stylesWith(strings.Repeat("0", 20_000))},
				"xl/worksheets/sheet1.xml": formattedCells(100)})},
		{name: "limit-xlsx-255-character-number-format-on-20000-cells", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: the number formats of xl/worksheets/sheet1\.xml would take too long to apply`},
			gen: workbookWith("a.xlsx", map[string]part{"xl/styles.xml": {head: stylesWith(strings.Repeat("0", 255))},
				"xl/worksheets/sheet1.xml": formattedCells(10_000)})},

		// Logo and font files.
		{name: "limit-logo-dev-zero", args: []string{"build", "--logo", "/dev/zero", "a.csv"},
			stderr: []string{`^aiready: /dev/zero: the logo is not a regular file`}, gen: csv},
		{name: "limit-font-dev-zero", args: []string{"build", "--font", "/dev/zero", "a.csv"},
			stderr: []string{`^aiready: /dev/zero: the font is not a regular file`}, gen: csv},
		{name: "limit-logo-6gb-sparse", args: []string{"build", "--logo", "logo.png", "a.csv"},
			stderr: []string{`^aiready: logo\.png: the logo is 6144 MB; the limit is 10 MB$`}, gen: merge(csv, sparse("logo.png", 6<<30))},
		{name: "limit-font-60mb-sparse", args: []string{"build", "--font", "font.ttf", "a.csv"},
			stderr: []string{`^aiready: font\.ttf: the font is 60 MB; the limit is 50 MB$`}, gen: merge(csv, sparse("font.ttf", 60<<20))},

		// Native JSON answers.
		{name: "limit-json-40mb-string", args: []string{"score", "a.json"},
			stderr: []string{`^aiready: a\.json:1:\d+: a string runs on for more than 16 MB`},
			gen: writeGen("a.json", func() []byte {
				return []byte(`{"respondents": [{"id": "` + strings.Repeat("A", 40<<20) + `"}]}`)
			})},
		{name: "limit-json-40mb-number", args: []string{"score", "a.json"},
			stderr: []string{`^aiready: a\.json:1:\d+: a number or word runs on for more than 4 KB`},
			gen: writeGen("a.json", func() []byte {
				return []byte(`{"respondents": [{"id": 1` + strings.Repeat("0", 40<<20) + `}]}`)
			})},
		{name: "limit-json-1-million-attributes", args: []string{"score", "a.json"},
			stderr: []string{`^aiready: a\.json:1:\d+: more than 1000 attributes in one respondent`},
			gen: writeGen("a.json", func() []byte {
				var b strings.Builder
				b.WriteString(`{"respondents": [{"attributes": {`)
				for i := range 1_000_000 {
					fmt.Fprintf(&b, `"a%d": "x",`, i)
				}
				b.WriteString(`"z": "x"}}]}`)
				return []byte(b.String())
			})},
		{name: "limit-json-10-million-choices", args: []string{"score", "a.json"},
			stderr: []string{`^aiready: a\.json:1:\d+: answer to "s02" holds more than 1000 choices`},
			gen: writeGen("a.json", func() []byte {
				return []byte(`{"respondents": [{"answers": {"s02": [` + strings.Repeat(`"a",`, 10_000_000) + `"a"]}}]}`)
			})},

		// Error lines quote at most 80 characters of a header.
		{name: "limit-csv-15mb-header-quoted-short", args: []string{"score", "a.csv"},
			stderr:   []string{`^aiready: a\.csv: no column matches a question of rubric "people-first", and the file does not look like a survey export`},
			gen:      writeGen("a.csv", func() []byte { return []byte("Respondent," + strings.Repeat("x", 15<<20) + "\nR1,a\n") }),
			maxAlloc: 256 << 20},
		{name: "limit-xlsx-15mb-header-quoted-short", args: []string{"score", "a.xlsx"},
			stderr: []string{`^aiready: a\.xlsx: no column matches a question of rubric "people-first", and the file does not look like a survey export`},
			gen: workbookWith("a.xlsx", map[string]part{"xl/worksheets/sheet1.xml": {
				head: sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>Respondent</t></is></c><c r="B1" t="inlineStr"><is><t>`, unit: "x", n: 15 << 20,
				tail: `</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c></row>` + sheetTail}}),
			maxAlloc: 256 << 20},

		// Overrides.
		{name: "limit-project-100000-added-overrides", args: []string{"build", "-q", "p"},
			stderr: []string{`^aiready: p/assessment\.toml:6007:1: more than 1000 overrides \(100000\)`},
			gen:    project(strings.Repeat("[[override]]\nrecommendation = \"own\"\naction = \"add\"\ntitle = \"T\"\nhorizon = 60\nreason = \"r\"\n", 100_000))},
	}
}

// TestInputLimits runs each attack and states how many were refused
// within bounds.
func TestInputLimits(t *testing.T) {
	stop := watchHeap(t, 2<<30)
	defer stop()
	refused, within := 0, 0
	for _, c := range limitCases() {
		c.exit = 1
		if c.maxAlloc == 0 {
			c.maxAlloc = attackAlloc
		}
		c.timeout = 60 * time.Second
		if t.Run(c.name, func(t *testing.T) { runBadCase(t, c) }) {
			refused++
			if c.maxAlloc <= attackAlloc {
				within++
			}
		}
	}
	if t.Failed() {
		return
	}
	if within == refused {
		figure("input limits (issue 15): %d attacks refused cleanly, each within %d MiB allocated\n", refused, attackAlloc>>20)
		return
	}
	figure("input limits (issue 15): %d attacks refused cleanly, %d of them within %d MiB allocated (see docs/reliability.md)\n", refused, within, attackAlloc>>20)
}
