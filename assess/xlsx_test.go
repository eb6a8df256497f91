package assess

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX file whose first sheet holds rows (nil cells are
// left unset), plus a second sheet that must not be read.
func workbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := f.NewSheet("Other"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Other", "A1", "q02"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSX(t *testing.T) {
	data := workbook(t, [][]any{
		nil, // a blank first row: the header is the first non-empty one
		{"ID", "Start time", "Customer-first judgement", "Which safeguards are in place?", "Team"},
		{"r1", "2026-01-02", 4, "Human review, Escalation path", "Ops"},
		{nil, nil, "Agree", nil, "HR"},
		nil, // a blank row inside the data
		{"r4", nil, 2.5, nil, nil},
	})
	for _, name := range []string{"answers.xlsx", "stdin", "saved-as.csv"} {
		t.Run(name, func(t *testing.T) {
			s, err := OpenAnswers(name, bytes.NewReader(data), readerRubric(t), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			resps, err := drain(s)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range s.Columns() {
				got = append(got, describe(c))
			}
			want := "identity by identity|ignored by metadata|question q01 by alias|question safeguards by text|attribute \"Team\" by header"
			if strings.Join(got, "|") != want {
				t.Errorf("columns %s", strings.Join(got, "|"))
			}
			if len(resps) != 3 {
				t.Fatalf("got %d respondents", len(resps))
			}
			q01 := readerRubric(t).Question("q01").Index
			for i, tc := range []struct {
				id, q01, team string
				line          int
			}{
				{"r1", "4", "Ops", 3},
				{"row 4", "Agree", "HR", 4},
				{"r4", "2.5", "", 6},
			} {
				r := resps[i]
				if r.ID != tc.id || cellOf(t, r, "q01") != tc.q01 || r.Attributes["Team"] != tc.team || r.Pos.Line != tc.line {
					t.Errorf("respondent %d: id %q q01 %q attributes %v at %v", i, r.ID, cellOf(t, r, "q01"), r.Attributes, r.Pos)
				}
				if p := r.Answers[q01].Pos; p != (Position{name, tc.line, 3}) {
					t.Errorf("respondent %d: q01 at %v", i, p)
				}
			}
			if got := cellOf(t, resps[0], "safeguards"); got != "Human review, Escalation path" {
				t.Errorf("safeguards %q", got)
			}
		})
	}
}

func TestXLSXErrors(t *testing.T) {
	var notBook bytes.Buffer
	zw := zip.NewWriter(&notBook)
	w, _ := zw.Create("hello.txt")
	_, _ = w.Write([]byte("hello"))
	_ = zw.Close()
	truncated := workbook(t, [][]any{{"q01"}, {4}})
	truncated = truncated[:len(truncated)/2]

	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("q01,q02\n1,2\n"), "a.xlsx: not an XLSX workbook (it is not a zip file)"},
		{"empty", nil, "a.xlsx: not an XLSX workbook"},
		{"ole", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest"), "a.xlsx: this is an old Excel (.xls) or password-protected workbook"},
		{"zip of something else", notBook.Bytes(), "a.xlsx: a zip file, but not an XLSX workbook"},
		{"truncated", truncated, "a.xlsx: not a readable XLSX workbook"},
		{"empty sheet", workbook(t, nil), "a.xlsx:1:1: no header row"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := OpenAnswers("a.xlsx", bytes.NewReader(tc.data), readerRubric(t), ReadOptions{})
			if err == nil {
				_, err = drain(s)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if got := errorText(t, err); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s...", got, tc.want)
			}
		})
	}
}

func TestReadAllLimit(t *testing.T) {
	if _, err := readAllLimit("big.xlsx", strings.NewReader(strings.Repeat("x", 3<<20)), 2<<20, "XLSX files"); err == nil ||
		err.Error() != "big.xlsx: XLSX files larger than 2 MB are not read" {
		t.Errorf("got %v", err)
	}
	if data, err := readAllLimit("ok.xlsx", strings.NewReader("abc"), 3, "XLSX files"); err != nil || string(data) != "abc" {
		t.Errorf("got %q, %v", data, err)
	}
}

func TestXLSXClose(t *testing.T) {
	data := workbook(t, [][]any{{"q01"}, {1}, {2}})
	s, err := OpenAnswers("a.xlsx", bytes.NewReader(data), readerRubric(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Next(); err != nil {
		t.Fatal(err)
	}
	c := s.(io.Closer)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Next(); err != io.EOF {
		t.Errorf("Next after Close: %v", err)
	}
}
