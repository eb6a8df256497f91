package assess

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// The tests of issue 15's limits: inputs shaped so that a reader without
// bounds spends gigabytes or minutes on them. Each must be refused early,
// with a positioned error naming the limit. The same attacks at full size,
// measured for memory and time, run in cmd/aiready/limits_test.go.

// deepAfterNewlineTable is valid TOML 1.1: an inline table that opens with
// a newline, then n nested inline tables. Before the limit counted every
// bracket, the scanner lost its place in the first table and let the
// decoder meet all n levels (10 000 levels: 4 GB, 21 s).
func deepAfterNewlineTable(n int) string {
	return "x = {\n}\na = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n"
}

func TestTOMLDepthAcrossLayouts(t *testing.T) {
	docs := map[string]string{
		"after a multi-line inline table": deepAfterNewlineTable(1000),
		"arrays after one":                "x = {\n}\na = " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n",
		"newline after each brace":        "a = " + strings.Repeat("{\na=", 1000) + "1" + strings.Repeat("}", 1000) + "\n",
		"comment after each brace":        "a = " + strings.Repeat("{ # }}}\na=", 1000) + "1" + strings.Repeat("}", 1000) + "\n",
		"arrays of multi-line tables":     "a = " + strings.Repeat("[{\na=", 1000) + "1" + strings.Repeat("}]", 1000) + "\n",
	}
	for name, doc := range docs {
		ix := indexTOML("d.toml", []byte(doc))
		if ix.err == nil || !strings.Contains(ix.err.Msg, "nested more than 32 levels") {
			t.Errorf("%s: indexTOML error %v, want the nesting limit", name, ix.err)
		}
	}
	// Brackets inside strings and comments are not nesting.
	ok := "a = \"" + strings.Repeat("{[", 100) + "\"\nb = '" + strings.Repeat("[", 100) + "'\n# " + strings.Repeat("{", 100) +
		"\nc = \"\"\"\n" + strings.Repeat("[\n", 100) + "\"\"\"\nd = '''" + strings.Repeat("{", 100) + "'''\ne = \"\\\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\"\n" +
		"f = {\n  g = 1, # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n  h = [\n 1,\n ],\n}\n[[t]]\n[[t]]\ni = " + strings.Repeat("[", 30) + strings.Repeat("]", 30) + "\n"
	if ix := indexTOML("ok.toml", []byte(ok)); ix.err != nil {
		t.Errorf("strings and comments counted as nesting: %v", ix.err)
	}
	// Keys after a multi-line inline table keep their positions.
	ix := indexTOML("p.toml", []byte("x = {\n  a = 1,\n  # c\n  b = { c = 2 },\n}\ny = 1\n"))
	for path, want := range map[string]Position{"x.a": {"p.toml", 2, 3}, "x.b.c": {"p.toml", 4, 9}, "y": {"p.toml", 6, 1}} {
		if got := ix.at(path); got != want {
			t.Errorf("%s at %v, want %v", path, got, want)
		}
	}
}

// Every TOML input kind is refused the same way.
func TestTOMLDepthEveryInput(t *testing.T) {
	doc := []byte(deepAfterNewlineTable(2000))
	want := "nested more than 32 levels deep"
	check := func(what string, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ":3:101:") {
			t.Errorf("%s: %v, want the nesting limit at 3:101", what, err)
		}
	}
	_, err := LoadRubric("r.toml", doc)
	check("rubric", err)
	_, err = LoadProject("assessment.toml", doc)
	check("assessment.toml", err)
	_, err = LoadMap("map.toml", doc)
	check("--map", err)
	_, err = ReadNorms("norms.toml", bytes.NewReader(doc))
	check("--norms", err)
	_, err = OpenAnswers("a.toml", bytes.NewReader(doc), readerRubric(t), ReadOptions{Format: FormatTOML})
	check("answers", err)
}

// workbookParts returns the workbook of rows with some parts replaced.
func workbookParts(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	base := workbook(t, [][]any{{"Respondent", "q02"}, {"R1", "Agree"}})
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; !ok {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const testSST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

func testStyles(code string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts count="1"><numFmt numFmtId="164" formatCode="` + code + `"/></numFmts><fonts count="1"><font/></fonts>` +
		`<fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
		`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`
}

func testSheet(rows int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Respondent</t></is></c><c r="B1" t="inlineStr"><is><t>q01</t></is></c></row>`)
	for i := 2; i < rows+2; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" s="1"><v>%d</v></c><c r="B%d" s="1"><v>4</v></c></row>`, i, i, i, i)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

func TestXLSXLimits(t *testing.T) {
	rb := readerRubric(t)
	open := func(data []byte) error {
		src, err := OpenAnswers("a.xlsx", bytes.NewReader(data), rb, ReadOptions{})
		if err == nil {
			_, err = drain(src)
		}
		return err
	}
	for _, tc := range []struct {
		name  string
		parts map[string]string
		want  string // "" when the workbook must be read
	}{
		{"shared strings past the count", map[string]string{"xl/sharedStrings.xml": testSST + strings.Repeat("<si/>", xlsxMaxSharedStrings+1) + "</sst>"},
			"a.xlsx: xl/sharedStrings.xml holds more than 1048576 texts"},
		{"many shared strings", map[string]string{"xl/sharedStrings.xml": testSST + strings.Repeat("<si/>", 100_000) + "</sst>", "xl/worksheets/sheet1.xml": testSheet(1)}, ""},
		{"rich-text elements past the count", map[string]string{"xl/sharedStrings.xml": testSST + strings.Repeat("<si><r><t>a</t></r><r><t>a</t></r></si>", 1_500_000) + "</sst>"},
			"holds more than 4194304 XML elements"},
		{"a shared string past 16 MB", map[string]string{"xl/sharedStrings.xml": testSST + "<si><t>" + strings.Repeat("a", xlsxMaxCell) + "</t></si></sst>"},
			"a.xlsx: a cell of xl/sharedStrings.xml holds more than 16 MB"},
		{"a shared string of rich-text runs past 16 MB", map[string]string{"xl/sharedStrings.xml": testSST + "<si>" + strings.Repeat("<r><t>aaaaaaaaaaaaa</t></r>", xlsxMaxCell/20) + "</si></sst>"},
			"a cell of xl/sharedStrings.xml holds more than 16 MB"},
		{"an inline cell past 16 MB", map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("a", xlsxMaxCell) + `</t></is></c></row></sheetData></worksheet>`},
			"a cell of xl/worksheets/sheet1.xml holds more than 16 MB"},
		{"a tag past 64 KB", map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1" x="` + strings.Repeat("a", xlsxMaxTag) + `"></row></sheetData></worksheet>`},
			"an XML tag of xl/worksheets/sheet1.xml runs on for more than 64 KB"},
		{"a number format past 255 characters", map[string]string{"xl/styles.xml": testStyles(strings.Repeat("0", 256)), "xl/worksheets/sheet1.xml": testSheet(1)},
			"number format 164 in xl/styles.xml is 256 characters long; the limit is 255"},
		{"a 255-character format on a few cells", map[string]string{"xl/styles.xml": testStyles(strings.Repeat("0", 255)), "xl/worksheets/sheet1.xml": testSheet(50)}, ""},
		{"a 255-character format on many cells", map[string]string{"xl/styles.xml": testStyles(strings.Repeat("0", 255)), "xl/worksheets/sheet1.xml": testSheet(5000)},
			"the number formats of xl/worksheets/sheet1.xml would take too long to apply"},
		{"a short format on many cells", map[string]string{"xl/styles.xml": testStyles("yyyy-mm-dd hh:mm:ss"), "xl/worksheets/sheet1.xml": testSheet(20_000)}, ""},
	} {
		err := open(workbookParts(t, tc.parts))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestJSONLimits(t *testing.T) {
	rb := readerRubric(t)
	attrs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `"a%d": "x",`, i)
		}
		return strings.TrimSuffix(b.String(), ",")
	}
	for _, tc := range []struct{ name, src, want string }{
		{"a string past 16 MB", `{"respondents": [{"id": "` + strings.Repeat("a", jsonMaxString) + `"}]}`, "a.json:1:16777242: a string runs on for more than 16 MB"},
		{"a string of 1 MB", `{"respondents": [{"id": "` + strings.Repeat("a", 1<<20) + `"}]}`, ""},
		{"escapes do not end a string", `{"respondents": [{"id": "` + strings.Repeat(`\"`, jsonMaxString/2+1) + `"}]}`, "a string runs on for more than 16 MB"},
		{"a number past 4 KB", `{"respondents": [{"id": 1` + strings.Repeat("0", jsonMaxToken) + `}]}`, "a number or word runs on for more than 4 KB"},
		{"nesting past 32", `{"respondents": [{"answers": {"q02": ` + strings.Repeat("[", 30) + strings.Repeat("]", 30) + `}}]}`, "a.json:1:66: arrays or objects nested more than 32 levels deep"},
		{"1000 attributes", `{"respondents": [{"attributes": {` + attrs(1000) + `}}]}`, ""},
		{"1001 attributes", `{"respondents": [{"attributes": {` + attrs(1001) + `}}]}`, "more than 1000 attributes in one respondent"},
		{"1001 choices", `{"respondents": [{"answers": {"safeguards": [` + strings.Repeat(`"a",`, 1000) + `"a"]}}]}`, `answer to "safeguards" holds more than 1000 choices`},
	} {
		src, err := OpenAnswers("a.json", strings.NewReader(tc.src), rb, ReadOptions{})
		if err == nil {
			_, err = drain(src)
		}
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestErrorfQuotesShort(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	e := Errorf(Position{File: "f"}, "%q, %s, %5.1f%%, %d and %q", long, "a list, not cut: "+strings.Repeat("y", 100), 1.5, 7, long)
	want := `"` + strings.Repeat("x", 80) + `…", a list, not cut: ` + strings.Repeat("y", 100) + `,   1.5%, 7 and "` + strings.Repeat("x", 80) + `…"`
	if e.Msg != want {
		t.Errorf("Errorf gave %d bytes: %.200s", len(e.Msg), e.Msg)
	}
	if got := truncate("ab\xffcd", 3); got != "ab\xff…" {
		t.Errorf("truncate of invalid UTF-8: %q", got)
	}
}

func TestOverrideCounts(t *testing.T) {
	head := "title = \"N\"\n"
	add := "[[override]]\nrecommendation = \"own\"\naction = \"add\"\ntitle = \"T\"\nhorizon = 60\nreason = \"r\"\n"
	if _, err := LoadProject("a.toml", []byte(head+strings.Repeat(add, maxOverrides))); err != nil {
		t.Errorf("%d overrides: %v", maxOverrides, err)
	}
	_, err := LoadProject("a.toml", []byte(head+strings.Repeat(add, maxOverrides+1)))
	if err == nil || !strings.Contains(err.Error(), "a.toml:6002:1: more than 1000 overrides (1001)") {
		t.Errorf("%d overrides: %v", maxOverrides+1, err)
	}
	inline := head + "override = [" + strings.Repeat(`{recommendation = "own", action = "drop", reason = "r"},`, maxOverrides+1) + "]\n"
	if _, err := LoadProject("a.toml", []byte(inline)); err == nil || !strings.Contains(err.Error(), "more than 1000 overrides") {
		t.Errorf("an inline array of %d overrides: %v", maxOverrides+1, err)
	}
	_, err = LoadProject("a.toml", []byte(head+strings.Repeat("[[note]]\ndimension = \"d\"\nbody = \"b\"\n", maxNotes+1)))
	if err == nil || !strings.Contains(err.Error(), "more than 1000 notes") {
		t.Errorf("%d notes: %v", maxNotes+1, err)
	}
}

// Looking up overrides and added recommendations is linear in all: with
// a scan per lookup, 100 000 overrides took minutes.
func TestOverrideLookupLinear(t *testing.T) {
	rb := readerRubric(t)
	const n = 100_000
	overrides := make([]Override, n)
	for i := range overrides {
		overrides[i] = Override{Recommendation: fmt.Sprintf("own-%d", i), Action: "add", Title: "T", Horizon: 60, Reason: "r"}
	}
	res := &Result{RubricDef: rb}
	start := time.Now()
	ApplyOverrides(res, overrides, nil)
	for i := n - 1; i >= 0; i-- {
		id := overrides[i].Recommendation
		if o := res.Override(id); o == nil || o.Recommendation != id {
			t.Fatalf("Override(%q) = %v", id, o)
		}
		if rc := res.Recommendation(id); rc == nil || rc.ID != id {
			t.Fatalf("Recommendation(%q) = %v", id, rc)
		}
	}
	if res.Override("nope") != nil || res.Recommendation("nope") != nil {
		t.Error("found an override nobody made")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("%d overrides applied and looked up in %v", n, d)
	}
}

// FuzzXLSXParts puts fuzzed XML into the shared strings, styles and sheet
// of a workbook: the scan before excelize and excelize itself must not
// panic, and every error names the file.
func FuzzXLSXParts(f *testing.F) {
	f.Add(testSST+"<si><t>Respondent</t></si><si><t>q02</t></si></sst>", testStyles("0.0"), testSheet(3))
	f.Add(testSST+"<si/><si/><x:si><x:r><x:t>a</x:t></x:r></x:si></sst>", testStyles(strings.Repeat("0", 256)), testSheet(3))
	f.Add(testSST, testStyles(strings.Repeat("#,", 127)), `<worksheet><sheetData><row r="1"><c r="A1" s="`+strings.Repeat("9", 30)+`"><v>1</v></c></row></sheetData></worksheet>`)
	f.Add("<sst><si><t><![CDATA[<si><si>]]></t></si><!-- <si> --></sst>", "<styleSheet><cellXfs><xf numFmtId=\"-1\"/></cellXfs></styleSheet>", "<worksheet><sheetData><c s=\"-3\"/><c s=\"1\"")
	rb := readerRubric(f)
	f.Fuzz(func(t *testing.T, sst, styles, sheet string) {
		data := workbookParts(t, map[string]string{"xl/sharedStrings.xml": sst, "xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet})
		src, err := OpenAnswers("fuzz.xlsx", bytes.NewReader(data), rb, ReadOptions{})
		if err == nil {
			_, err = drain(src)
		}
		if err == nil {
			return
		}
		for _, e := range Errors(err) {
			if pe, ok := e.(*Error); !ok || pe.Pos.File != "fuzz.xlsx" {
				t.Fatalf("error %v does not name the file", e)
			}
		}
	})
}
