package assess

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestReadActionsCSVSpreadsheet: a CSV as a spreadsheet saves it (byte
// order mark, semicolons, CRLF, header in another case and order, an
// extra column, a blank row) reads as the export wrote it.
func TestReadActionsCSVSpreadsheet(t *testing.T) {
	in := "\ufeffStatus;Owner;Recommendation;Due;Comment;Note\r\nDone;Head of People;r1;2026-12-01;x;\"two\r\nlines\"\r\n;;;;;\r\n;;r2;;;\r\n"
	acts, err := ReadActionsCSV("a.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 {
		t.Fatalf("%d actions, want 2", len(acts))
	}
	a := acts[0]
	if a.Recommendation != "r1" || a.Owner != "Head of People" || a.Status != StatusDone || !a.Due.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) || a.Note != "two\nlines" {
		t.Errorf("row 2: %+v", a)
	}
	if a.RecommendationPos.Line != 2 || a.RecommendationPos.Col != 21 {
		t.Errorf("row 2's recommendation at %v, want a.csv:2:21", a.RecommendationPos)
	}
	if b := acts[1]; b.Recommendation != "r2" || b.Status != StatusPlanned || !b.Due.IsZero() || b.Owner != "" || b.Pos.Line != 5 {
		t.Errorf("line 5: %+v", b)
	}
}

// TestReadActionsCSVBad: each problem at its cell.
func TestReadActionsCSVBad(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "a.csv:1:1: the actions file is empty"},
		{"owner,due\nx,2026-01-01\n", `a.csv:1:1: no "recommendation" column`},
		{"recommendation,owner,owner\n", `a.csv:1:22: column "owner" is given twice`},
		{"recommendation,due\nr1,2026-13-01\n", `a.csv:2:4: due "2026-13-01": write the date as YYYY-MM-DD`},
		{"recommendation,due\nr1,1969-12-31\n", `a.csv:2:4: due 1969-12-31: the year 1969 is outside 1970-9999`},
		{"recommendation,status\nr1,doing\n", `a.csv:2:4: action: status "doing": use planned, started, done, dropped`},
		{"recommendation,owner\n,x\n", `a.csv:2:1: action: recommendation is empty`},
		{"recommendation,owner\nr1," + strings.Repeat("o", maxActionOwner+1) + "\n", `a.csv:2:4: action: owner is longer than 200 characters`},
		{"recommendation\n" + strings.Repeat("r\n", maxActions+1), `a.csv:1002:1: more than 1000 actions`},
	} {
		_, err := ReadActionsCSV("a.csv", strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.40q: %v, want %s", c.in, err, c.want)
		}
	}
	big := "recommendation,note\nr," + strings.Repeat("n", MaxActionsCSVSize+1) + "\n"
	if _, err := ReadActionsCSV("a.csv", strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "larger than 4 MB") {
		t.Errorf("a 4 MB file: %v", err)
	}
}

// TestActionsCSVFormulas: a note or owner a spreadsheet would run as a
// formula is written after an apostrophe and read back without it.
func TestActionsCSVFormulas(t *testing.T) {
	if got := csvSafe("=HYPERLINK(1)"); got != "'=HYPERLINK(1)" {
		t.Errorf("csvSafe: %q", got)
	}
	acts, err := ReadActionsCSV("a.csv", strings.NewReader("recommendation,owner,note\nr1,'=A1,'-x\n"))
	if err != nil || acts[0].Owner != "=A1" || acts[0].Note != "-x" {
		t.Errorf("%+v %v", acts, err)
	}
}

// TestOverdue: due before the assessment's date and planned or started.
func TestOverdue(t *testing.T) {
	r := &Rubric{}
	res := &Result{Date: "2026-11-20", RubricDef: r}
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	ApplyActions(res, []Action{
		{Recommendation: "a", Due: day(19), Status: StatusPlanned},
		{Recommendation: "b", Due: day(19), Status: StatusStarted},
		{Recommendation: "c", Due: day(20), Status: StatusPlanned},
		{Recommendation: "d", Due: day(1), Status: StatusDone},
		{Recommendation: "e", Due: day(1), Status: StatusDropped},
		{Recommendation: "f", Status: StatusPlanned},
	}, nil)
	var got []string
	for _, a := range res.Actions {
		if a.Overdue {
			got = append(got, a.Recommendation)
		}
		if a.Verdict != nil {
			t.Errorf("%s: a verdict without a previous assessment", a.Recommendation)
		}
	}
	if strings.Join(got, ",") != "a,b" {
		t.Errorf("overdue: %v, want a,b", got)
	}
}

// FuzzReadActionsCSV: whatever the bytes, the reader returns actions or
// an error, never panics, and every action it returns is one the export
// can write and read back the same.
func FuzzReadActionsCSV(f *testing.F) {
	f.Add([]byte("recommendation,title,for,horizon,owner,due,status,note\nr1,T,svc,30,Head of People,2026-12-01,started,\n"))
	f.Add([]byte("\ufeffrecommendation;owner;due;status\r\nr1;COO;2026-12-01;done\r\n"))
	f.Add([]byte("recommendation\n\"unclosed\n"))
	f.Add([]byte("\xff\xfer\x00e\x00c\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		acts, err := ReadActionsCSV("f.csv", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		for _, a := range acts {
			if !validStatus(a.Status) || a.Recommendation == "" {
				t.Fatalf("accepted %+v", a)
			}
		}
		// Written and read back, each recommendation's (first) action
		// is the same.
		res := &Result{RubricDef: &Rubric{}}
		ApplyActions(res, acts, nil)
		var out bytes.Buffer
		if err := WriteActionsCSV(&out, res); err != nil {
			t.Fatal(err)
		}
		back, err := ReadActionsCSV("f.csv", bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("%v, reading back\n%s", err, out.Bytes())
		}
		first := map[string]bool{}
		k := 0
		for _, a := range acts {
			if first[a.Recommendation] {
				continue
			}
			first[a.Recommendation] = true
			if k >= len(back) {
				t.Fatalf("%d actions back, want more", len(back))
			}
			b := back[k]
			if b.Recommendation != a.Recommendation || b.Owner != a.Owner || !b.Due.Equal(a.Due) || b.Status != a.Status || b.Note != a.Note {
				t.Fatalf("read back %+v, want %+v", b, a)
			}
			k++
		}
		if k != len(back) {
			t.Fatalf("%d actions back, want %d", len(back), k)
		}
	})
}
