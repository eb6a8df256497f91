package assess

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// fixturesDir holds real survey exports, copied unedited from ../shared.
var fixturesDir = filepath.Join("..", "testdata", "exports")

func TestCSVDelimiters(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"comma", "ID,q01,Team\nr1,Agree,Ops\n"},
		{"semicolon", "ID;q01;Team\nr1;Agree;Ops\n"},
		{"tab", "ID\tq01\tTeam\nr1\tAgree\tOps\n"},
		{"semicolon, commas in quoted header", "ID;\"q01\";\"Team, as of today\"\nr1;Agree;Ops\n"},
		{"comma, semicolons in quoted header", "ID,\"a;b;c\",q01,Team\nr1,x,Agree,Ops\n"},
		{"all quoted, as LimeSurvey writes", "\"ID\";\"q01\";\"Team\"\n\"r1\";\"Agree\";\"Ops\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, _, err := readAnswers(t, "a.csv", tc.src, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(resps) != 1 || resps[0].ID != "r1" || cellOf(t, resps[0], "q01") != "Agree" {
				t.Fatalf("got %+v", resps)
			}
			if team := resps[0].Attributes; team["Team"] != "Ops" && team["Team, as of today"] != "Ops" {
				t.Errorf("attributes %v", team)
			}
		})
	}
}

func utf16Bytes(t *testing.T, s string, e unicode.Endianness) []byte {
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCSVEncodingsAndLineEnds(t *testing.T) {
	want := []string{"Agree|Team é", "Strongly agree|Ops"}
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"LF", []byte("q01,Team\nAgree,Team é\nStrongly agree,Ops\n")},
		{"CRLF", []byte("q01,Team\r\nAgree,Team é\r\nStrongly agree,Ops\r\n")},
		{"bare CR", []byte("q01,Team\rAgree,Team é\rStrongly agree,Ops\r")},
		{"no final line end", []byte("q01,Team\nAgree,Team é\nStrongly agree,Ops")},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFq01,Team\nAgree,Team é\nStrongly agree,Ops\n")},
		{"UTF-16LE", utf16Bytes(t, "q01,Team\r\nAgree,Team é\r\nStrongly agree,Ops\r\n", unicode.LittleEndian)},
		{"UTF-16BE", utf16Bytes(t, "q01\tTeam\nAgree\tTeam é\nStrongly agree\tOps\n", unicode.BigEndian)},
		{"blank lines and empty rows", []byte("q01,Team\n\nAgree,Team é\n,\n , \nStrongly agree,Ops\n\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, _, err := readAnswers(t, "a.csv", string(tc.src), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range resps {
				got = append(got, cellOf(t, r, "q01")+"|"+r.Attributes["Team"])
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestCSVQuotedNewlinesAndPositions(t *testing.T) {
	src := "ID,q01,comment,Team\r\n" +
		"r1,Agree,\"two\nlines\",Ops\r\n" +
		"r2,\"Strongly agree\",\"say \"\"hi\"\"\",\r\n" +
		"r3,Disagree\r\n" + // a short row: the rest is empty
		"r4,Agree,fine,HR,extra,cells\r\n"
	resps, _, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resps) != 4 {
		t.Fatalf("got %d respondents", len(resps))
	}
	q01 := readerRubric(t).Question("q01").Index
	com := readerRubric(t).Question("comment").Index
	for _, tc := range []struct {
		resp              int
		pos               Position
		q01, comment, tem string
		q01Pos            Position
	}{
		{0, Position{"a.csv", 2, 1}, "Agree", "two\nlines", "Ops", Position{"a.csv", 2, 4}},
		{1, Position{"a.csv", 4, 1}, "Strongly agree", `say "hi"`, "", Position{"a.csv", 4, 4}},
		{2, Position{"a.csv", 5, 1}, "Disagree", "", "", Position{"a.csv", 5, 4}},
		{3, Position{"a.csv", 6, 1}, "Agree", "fine", "HR", Position{"a.csv", 6, 4}},
	} {
		r := resps[tc.resp]
		if r.Pos != tc.pos || cellOf(t, r, "q01") != tc.q01 || cellOf(t, r, "comment") != tc.comment || r.Attributes["Team"] != tc.tem {
			t.Errorf("respondent %d: pos %v, q01 %q, comment %q, attributes %v", tc.resp, r.Pos, cellOf(t, r, "q01"), cellOf(t, r, "comment"), r.Attributes)
		}
		if got := r.Answers[q01].Pos; got != tc.q01Pos {
			t.Errorf("respondent %d: q01 at %v, want %v", tc.resp, got, tc.q01Pos)
		}
	}
	// A quoted cell is where its opening quote is.
	if got := resps[0].Answers[com].Pos; got != (Position{"a.csv", 2, 10}) {
		t.Errorf("quoted cell at %v, want a.csv:2:10 (its opening quote)", got)
	}
	if len(resps[2].Attributes) != 0 {
		t.Errorf("empty cells give no attribute: %v", resps[2].Attributes)
	}
}

func TestCSVHeaderOnly(t *testing.T) {
	resps, s, err := readAnswers(t, "a.csv", "ID,q01,Team\n", ReadOptions{})
	if err != nil || len(resps) != 0 {
		t.Fatalf("got %d respondents, %v", len(resps), err)
	}
	if len(s.Columns()) != 3 {
		t.Errorf("columns %+v", s.Columns())
	}
}

func TestCSVErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "a.csv:1:1: no header row"},
		{"BOM only", "\xEF\xBB\xBF", "a.csv:1:1: no header row"},
		{"blank lines only", "\n\n\r\n", "a.csv:1:1: no header row"},
		{"unbalanced quote", "q01,comment\nAgree,\"never closed\nStrongly agree,x\n", "a.csv:2:7: unbalanced quote"},
		{"unbalanced quote in header", "q01,\"comment\n", "a.csv:1:5: unbalanced quote"},
		{"invalid UTF-8 after a UTF-8 BOM", "\xEF\xBB\xBFq01,Team\nAgree,Caf\xe9\n", "a.csv:2:7: invalid UTF-8 at byte 4 of this cell"},
		{"invalid UTF-8 after UTF-8 text", "q01,Équipe\nAgree,Caf\xe9\n", "a.csv:2:7: invalid UTF-8 at byte 4 of this cell"},
		{"a control character in Windows-1252", "q01,Team\nAgree,Caf\xe9\x01\n", "a.csv:2:11: byte 0x01 is a control character"},
		{"invalid UTF-8 in header after UTF-8", "q01,Café,Caf\xe9\n", "a.csv:1:11: invalid UTF-8 at byte 4"},
		{"NUL bytes", "q\x00\x01\x00,x\n", "a.csv:1:1: the header line holds NUL bytes"},
		{"same question twice", "ID,q01,AIQ1\nr1,1,2\n", `a.csv:1:8: columns 2 ("q01") and 3 ("AIQ1") both answer question "q01"`},
		{"text and alias", "We judge each AI rollout first by its effect on customers.,Customer-first judgement\n", `a.csv:1:60: columns 1 (`},
		{"two columns whose answers both fit", "ID,q01,AIQ1\nr1,Agree,Disagree\n", `a.csv:1:8: columns 2 ("q01") and 3 ("AIQ1") both answer question "q01", and the answers of each fit it`},
		{"two columns whose answers fit neither", "ID,q01,AIQ1\nr1,x,y\n", `a.csv:1:8: columns 2 ("q01") and 3 ("AIQ1") both answer question "q01", and their answers do not tell which`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAnswers(t, "a.csv", tc.src, ReadOptions{})
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if got := errorText(t, err); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %q\nwant %q...", got, tc.want)
			}
		})
	}
}

func TestCSVLongQuotedField(t *testing.T) {
	src := "q01,comment\nAgree,\"" + strings.Repeat("x", maxCSVRecord+10)
	_, _, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err == nil || !strings.HasPrefix(errorText(t, err), "a.csv:2:7: this quoted field runs on") {
		t.Errorf("got %v", err)
	}
}

// csvSpectrumSkip lists the csv-spectrum cases whose expected JSON is not
// what a CSV reader should give.
var csvSpectrumSkip = map[string]string{
	// Its JSON gives another phone number than the CSV holds (upstream bug).
	"location_coordinates": "expected JSON is wrong upstream",
	// Its JSON reads a bare NULL as "", a database convention; in a survey
	// export NULL is text like any other, and the reader keeps it.
	"null": `expects bare NULL to read as ""; the reader keeps cells as written`,
}

func TestCSVSpectrum(t *testing.T) {
	dir := filepath.Join(fixturesDir, "csv-spectrum")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".csv")
		t.Run(base, func(t *testing.T) {
			if why, ok := csvSpectrumSkip[base]; ok {
				t.Skip(why)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			js, err := os.ReadFile(strings.TrimSuffix(file, ".csv") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			// encoding/csv reads a CRLF inside quotes as LF (as documented);
			// in an answer the difference does not matter.
			js = bytes.ReplaceAll(js, []byte(`\r\n`), []byte(`\n`))
			var want []map[string]string
			if err := json.Unmarshal(js, &want); err != nil {
				t.Fatal(err)
			}
			rows, err := newCSVRows(base, bufio.NewReader(bytes.NewReader(data)))
			if err != nil {
				t.Fatal(err)
			}
			var header tableRow
			if err := rows.read(&header); err != nil {
				t.Fatal(err)
			}
			var got []map[string]string
			for {
				var row tableRow
				if err := rows.read(&row); err == io.EOF {
					break
				} else if err != nil {
					t.Fatal(err)
				}
				m := map[string]string{}
				for j, h := range header.cells {
					m[h] = row.cell(j)
					if j < len(row.cells) {
						m[h] = row.cells[j]
					}
				}
				got = append(got, m)
			}
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if !bytes.Equal(g, w) {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

// Every real export opens and reads to the end. A survey about something
// else matches no question of the rubric, and Columns says so.
func TestFixturesRead(t *testing.T) {
	var files []string
	_ = filepath.WalkDir(fixturesDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) != ".md" && filepath.Ext(path) != ".json" {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatalf("no fixtures in %s", fixturesDir)
	}
	for _, file := range files {
		rel, _ := filepath.Rel(fixturesDir, file)
		t.Run(rel, func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			s, err := OpenAnswers(rel, f, readerRubric(t), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			resps, err := drain(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range s.Columns() {
				if c.Kind == ColumnQuestion {
					t.Errorf("column %d %q matched question %q (%s)", c.Index+1, c.Header, c.Question, c.How)
				}
			}
			if strings.HasPrefix(rel, "csv-spectrum") {
				return
			}
			if len(resps) == 0 {
				t.Errorf("no respondents")
			}
			for _, r := range resps {
				if len(r.Answers) != len(readerRubric(t).Questions) {
					t.Fatalf("%d answers", len(r.Answers))
				}
			}
		})
	}
}

func FuzzCSV(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "answers", "*.csv"))
	more, _ := filepath.Glob(filepath.Join(fixturesDir, "*", "*.csv"))
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("q01;Team\r\"a\r\nb\";\"\"\"\"\r"))
	f.Add([]byte("\xFF\xFEq\x000\x001\x00\n\x00"))
	rb := readerRubric(f)
	opt := ReadOptions{Columns: map[string]string{"Tools": "safeguards:Human review", "Who": "attr:Role"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := OpenAnswers("fuzz.csv", bytes.NewReader(data), rb, ReadOptions{Format: FormatCSV, Columns: opt.Columns})
		if err == nil {
			for {
				var r *Respondent
				r, err = s.Next()
				if err != nil {
					break
				}
				if len(r.Answers) != len(rb.Questions) || r.ID == "" || r.Pos.Line < 1 {
					t.Fatalf("bad respondent %+v", r)
				}
			}
			if err == io.EOF {
				return
			}
		}
		for _, e := range Errors(err) {
			pe, ok := e.(*Error)
			if !ok {
				t.Fatalf("error %v is a %T, not an *assess.Error", e, e)
			}
			if pe.Pos.Line < 1 || pe.Pos.Col < 1 || pe.Pos.File != "fuzz.csv" {
				t.Fatalf("error %q has no position", pe)
			}
		}
		if errors.Is(err, io.EOF) {
			t.Fatalf("io.EOF wrapped: %v", err)
		}
	})
}

// BenchmarkReadCSV reads a 10,000-row export; allocations per row stay
// constant (the record buffer is reused).
func BenchmarkReadCSV(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("Timestamp,Email Address,Respondent ID,Customer-first judgement,AIQ2,What is the main goal of your AI programme?,Which safeguards are in place?,Anything else you would like to tell us?,Role,Team\n")
	for i := range 10000 {
		fmt.Fprintf(&buf, "2026/03/02 09:12:44,p%d@example.com,R%d,Agree,%d,Better service for customers and staff,\"Human review, Escalation path\",\"Good start,\nbut slow.\",Lead,T%d\n", i, i, 1+i%5, i%9)
	}
	data := buf.Bytes()
	rb := readerRubric(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := OpenAnswers("bench.csv", bytes.NewReader(data), rb, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := countRespondents(s); err != nil {
			b.Fatal(err)
		}
	}
}

func countRespondents(s Source) (int, error) {
	n := 0
	for {
		_, err := s.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
