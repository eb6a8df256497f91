package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// scoreBoth scores data twice, the plain way (encoding/csv, Add) and with
// the fast path, and returns results.json's bytes (or the error) of each.
func scoreBoth(t testing.TB, name string, data []byte, rb *Rubric, opt Options, ro ReadOptions) (plain, fast string) {
	t.Helper()
	return scoreWay(t, name, data, rb, opt, ro, true), scoreWay(t, name, data, rb, opt, ro, false)
}

func scoreWay(t testing.TB, name string, data []byte, rb *Rubric, opt Options, ro ReadOptions, off bool) string {
	t.Helper()
	{
		opt.PlainOnly = off
		src, err := OpenAnswers(name, bytes.NewReader(data), rb, ro)
		if err != nil {
			return "open: " + err.Error()
		}
		s := NewScorer(rb, opt)
		if err := s.AddSource(src); err != nil {
			return "add: " + err.Error()
		}
		res, err := s.Result()
		if err != nil {
			return "result: " + err.Error()
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		// Beyond results.json: what the reports show of each segment,
		// the spread and the invalid cells with their positions.
		dq := res.DataQuality
		extra := fmt.Sprintf("%v %v %v %d", dq.Invalid, res.Flags, dq.Repeated, dq.Unchecked)
		for _, sg := range res.Segments {
			q, _ := json.Marshal(sg.Questions)
			extra += string(q)
			for _, d := range sg.Dimensions {
				extra += fmt.Sprintf("%v", d.SD)
			}
		}
		for _, d := range res.Dimensions {
			extra += fmt.Sprintf("%v", d.SD)
		}
		return string(b) + extra
	}
}

// attrsOf returns up to two attribute names of an input, to segment by.
func attrsOf(name string, data []byte, rb *Rubric, ro ReadOptions) []string {
	src, err := OpenAnswers(name, bytes.NewReader(data), rb, ro)
	if err != nil {
		return nil
	}
	var attrs []string
	for _, c := range src.Columns() {
		if c.Kind == ColumnAttribute && len(attrs) < 2 {
			attrs = append(attrs, c.Attr)
		}
	}
	return attrs
}

func loadRubricFile(t testing.TB, path string) *Rubric {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := LoadRubric(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// TestFastPathEqualsPlain scores every answer fixture both ways, with and
// without segments, and expects the same results.json bytes.
func TestFastPathEqualsPlain(t *testing.T) {
	answers := readerRubric(t)
	layouts := loadRubricFile(t, filepath.Join(layoutsDir, "rubric.toml"))
	type fixture struct {
		file string
		rb   *Rubric
	}
	var fx []fixture
	for _, dir := range []string{"testdata/answers", layoutsDir} {
		rb := answers
		if dir == layoutsDir {
			rb = layouts
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if !strings.HasSuffix(f, ".toml") || strings.Contains(f, "native") {
				fx = append(fx, fixture{f, rb})
			}
		}
	}
	filepath.WalkDir("../testdata/exports", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".csv") {
			fx = append(fx, fixture{p, answers})
		}
		return nil
	})
	fx = append(fx, fixture{"../rubrics/demo/people-first-demo.csv", loadRubricFile(t, "../rubrics/people-first.toml")})
	if len(fx) < 40 {
		t.Fatalf("found only %d fixtures", len(fx))
	}
	for _, f := range fx {
		data, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		ro := ReadOptions{}
		if m, err := os.ReadFile(strings.TrimSuffix(f.file, filepath.Ext(f.file)) + ".map.toml"); err == nil {
			mf, err := LoadMap("map.toml", m)
			if err != nil {
				t.Fatal(err)
			}
			ro = mf.With(ro)
		}
		for _, segs := range [][]string{nil, attrsOf(f.file, data, f.rb, ro)} {
			plain, fast := scoreBoth(t, filepath.Base(f.file), data, f.rb, Options{Segments: segs, MinGroupSize: 2}, ro)
			if plain != fast {
				t.Errorf("%s, segments %q: fast path differs\nplain: %.300s\nfast:  %.300s", f.file, segs, plain, fast)
			}
		}
	}
}

// flagRubric is the answer readers' rubric with a flag on two questions,
// whose answers scoreRow must keep for every row, blank cells included.
func flagRubric(t testing.TB) *Rubric {
	t.Helper()
	data, err := os.ReadFile("testdata/answers/rubric.toml")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, `
[[flag]]
id = "cost"
title = "Cost first"
severity = "high"
share = 0.25
body = "Cost first, override weak."
[[flag.when]]
question = "goal"
is = ["Cut headcount and cost"]
[[flag.when]]
question = "q02"
max = 2
`...)
	rb, err := LoadRubric("rubric.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// genCSV writes n rows for testdata/answers/rubric.toml's questions with
// the oddities the fast path must treat as encoding/csv and Add do.
func genCSV(n int, seed uint64, odd func(i int, rng *rand.Rand) string) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	var b bytes.Buffer
	b.WriteString("Respondent ID,Team,Role,Customer-first judgement,AIQ2,What is the main goal of your AI programme?,Team\n")
	goals := []string{"Better service for customers and staff", "Cut headcount and cost", "", "Speed", "Don't know"}
	for i := 1; i <= n; i++ {
		if o := odd(i, rng); o != "" {
			b.WriteString(o)
			continue
		}
		fmt.Fprintf(&b, "R%d,T%d,%s,%s,%d,%s,%s\n", i, rng.IntN(30), []string{"Lead", "Staff", " lead ", ""}[rng.IntN(4)],
			[]string{"Agree", "agree", "Disagree", "", "7", "Strongly agree"}[rng.IntN(6)], rng.IntN(7), goals[rng.IntN(len(goals))],
			[]string{"", "X", "Y"}[rng.IntN(3)])
	}
	return b.Bytes()
}

// TestFastPathChunks scores inputs of several chunks, with blank lines,
// CRLF, short and long rows, invalid answers, a quote that sends the rest
// to encoding/csv and errors late in the file, on one to four cores.
func TestFastPathChunks(t *testing.T) {
	rb := flagRubric(t)
	cases := map[string]func(i int, rng *rand.Rand) string{
		"plain": func(int, *rand.Rand) string { return "" },
		"odd rows": func(i int, rng *rand.Rand) string {
			switch rng.IntN(40) {
			case 0:
				return "\n"
			case 1:
				return " , ,\r\n"
			case 2:
				return fmt.Sprintf("R%d,T1\r\n", i)
			case 3:
				return fmt.Sprintf("R%d,T2,Lead,Agree,3,Speed,,extra,cells\n", i)
			case 4:
				return fmt.Sprintf("R%d,T3,Lead,Nope,9,Speed\n", i)
			case 5: // a blank answer to a flag's question
				return fmt.Sprintf("R%d,T4,Lead,Agree, ,Cut headcount and cost\n", i)
			}
			return ""
		},
		"quote later": func(i int, rng *rand.Rand) string {
			if i == 20000 {
				return "R,\"T1\",Lead,\"Agree\",2,\"Multi\nline\",\n"
			}
			return ""
		},
		"repeated ids": func(i int, rng *rand.Rand) string {
			switch rng.IntN(300) {
			case 0: // an earlier row's id, often in an earlier chunk
				return fmt.Sprintf("R%d,T1,Lead,Agree,3,Speed,\n", 1+rng.IntN(i))
			case 1: // the same, with spaces around it
				return fmt.Sprintf(" R%d ,T1,Lead,Agree,3,Speed,\n", 1+rng.IntN(i))
			case 2: // no id: not a repeat of another row without one
				return ",T2,Lead,Agree,3,Speed,\n"
			case 3: // a repeat with an invalid answer in the same row
				return fmt.Sprintf("R%d,T3,Lead,Nope,3,Speed,\n", 1+rng.IntN(i))
			}
			return ""
		},
		"bad utf8 late": func(i int, rng *rand.Rand) string {
			if i == 25000 {
				return "R,T\xff,Lead,Agree,2,Speed,\n"
			}
			return ""
		},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	check := func(name string, data []byte, rb *Rubric, opts ...Options) {
		for _, opt := range opts {
			plain := scoreWay(t, "gen.csv", data, rb, opt, ReadOptions{}, true)
			for _, procs := range []int{1, 2, 4} {
				runtime.GOMAXPROCS(procs)
				fast := scoreWay(t, "gen.csv", data, rb, opt, ReadOptions{}, false)
				if plain != fast {
					t.Errorf("%s, %d cores, %+v: fast path differs\nplain: %.400s\nfast:  %.400s", name, procs, opt, plain, fast)
				}
			}
		}
	}
	for name, odd := range cases {
		check(name, genCSV(3*chunkLines+1234, 1, odd), rb, Options{Segments: []string{"Team", "Role"}}, Options{Strict: true})
	}
	// The benchmark's rubric: weighted means whose float sums depend on
	// the order they are added in.
	check("bench", benchCSV(4*chunkLines, 32, 2), benchRubric(t), Options{Segments: []string{"Role", "Team"}})
	// Question columns out of the rubric's order take scoreLine, not
	// scoreRow: the sums must still be added up in question order.
	check("bench reversed", reverseQuestions(benchCSV(4*chunkLines, 32, 3)), benchRubric(t), Options{Segments: []string{"Role", "Team"}})
	// Straight-liners left out: a row that scoreRow leaves after adding
	// up its dimension sums must not leave them to the next row.
	check("bench straight-liners", straightLiners(benchCSV(3*chunkLines, 32, 4), 5), benchRubric(t),
		Options{Segments: []string{"Role", "Team"}, ExcludeFlagged: true}, Options{Segments: []string{"Role"}})
}

// straightLiners gives every n-th row of a benchCSV the same answer to
// every question (some left empty, as the rest).
func straightLiners(data []byte, n int) []byte {
	var b bytes.Buffer
	for i, l := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		f := bytes.Split(l, []byte(","))
		if i > 0 && i%n == 0 {
			for j := 3; j < len(f); j++ {
				if len(f[j]) > 0 {
					f[j] = []byte("4")
				}
			}
		}
		b.Write(bytes.Join(f, []byte(",")))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// reverseQuestions reverses the order of the question columns (all but
// the first three) of a benchCSV.
func reverseQuestions(data []byte) []byte {
	var b bytes.Buffer
	for _, l := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		f := bytes.Split(l, []byte(","))
		for i, j := 3, len(f)-1; i < j; i, j = i+1, j-1 {
			f[i], f[j] = f[j], f[i]
		}
		b.Write(bytes.Join(f, []byte(",")))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// FuzzFastCSV compares the fast scanner with encoding/csv: any body under
// a known header must score the same both ways, errors included, with
// the body repeated so that it spans chunks.
func FuzzFastCSV(f *testing.F) {
	f.Add([]byte("R1,T1,Lead,Agree,3,Speed,\n"), uint8(1))
	f.Add([]byte("R1,T1,Lead,Agree,1,Cut headcount and cost,\nR2,T1,Lead,Agree, ,Cut headcount and cost,\n"), uint8(2))
	f.Add([]byte("R1,T1,Lead,4,1,x,y,z\nR2,T2,Lead,4,2,x,,z\nR3,T1,Lead,5,1,x,y,z,\n"), uint8(3))
	f.Add([]byte("R1, T1 ,,agree,,Cut headcount and cost\r\n\n,,,\n"), uint8(3))
	f.Add([]byte("R2,T\xff,Lead,x,9,\"q\"\"\",\n"), uint8(2))
	f.Add([]byte("R3,T2;Lead;Agree\rR4,T3,Staff, Disagree ,1,Speed,X,extra\n"), uint8(1))
	f.Add([]byte("R5,T1\nR6,\"T\n2\",Lead,Agree,3,Speed\n"), uint8(200))
	rb := flagRubric(f)
	// The questions in the rubric's order (scoreRow) and not (scoreLine).
	headers := []string{"Respondent ID,Team,Role,Customer-first judgement,AIQ2,What is the main goal of your AI programme?,Team\n",
		"Respondent ID,Team,Role,AIQ2,Customer-first judgement,What is the main goal of your AI programme?,Team\n",
		// five question columns in a row: splitRow's four at once
		"Respondent ID,Team,Role,Customer-first judgement,AIQ2,What is the main goal of your AI programme?,Which safeguards are in place?,Anything else you would like to tell us?\n"}
	f.Fuzz(func(t *testing.T, body []byte, reps uint8) {
		if len(body) == 0 || len(body)*int(reps) > 1<<20 {
			return
		}
		for _, h := range headers {
			data := append([]byte(h), bytes.Repeat(body, int(reps))...)
			for _, opt := range []Options{{Segments: []string{"Team", "Role"}}, {Strict: true}} {
				plain, fast := scoreBoth(t, "fuzz.csv", data, rb, opt, ReadOptions{})
				if plain != fast {
					t.Fatalf("%q, %+v: fast path differs\nplain: %.500s\nfast:  %.500s", h, opt, plain, fast)
				}
			}
		}
	})
}

// TestIsASCII puts one byte above 0x7f at every place of every length up
// to a few words, so that each of isASCII's loops sees it.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 80; n++ {
		b := bytes.Repeat([]byte{'a'}, n)
		if !isASCII(b) {
			t.Fatalf("length %d, all ASCII: isASCII says no", n)
		}
		for i := range n {
			b[i] = 0x80
			if isASCII(b) {
				t.Fatalf("length %d, 0x80 at %d: isASCII says yes", n, i)
			}
			b[i] = 'a'
		}
	}
}

// TestFastPathAttributeCells gives rowGroups' table of cells values of
// every length from 1 to 30 bytes, values that differ only in the middle
// (beyond its two words) and only in their spaces, and a value that ends
// the line: the groups are those of the plain path.
func TestFastPathAttributeCells(t *testing.T) {
	rb := flagRubric(t)
	var body bytes.Buffer
	body.WriteString("Respondent ID,Role,Customer-first judgement,AIQ2,Team\n")
	for i := range 600 {
		n := 1 + i%30
		v := strings.Repeat("t", n)
		if n > 2 {
			v = v[:n/2] + string(rune('a'+i/30%3)) + v[n/2+1:] // differs in the middle
		}
		if i%7 == 0 {
			v = " " + v + " "
		}
		fmt.Fprintf(&body, "R%d,Role %d,Agree,%d,%s\n", i, i%4, 1+i%5, v)
	}
	for _, opt := range []Options{{Segments: []string{"Team", "Role"}}, {Segments: []string{"Role", "Team"}}} {
		plain, fast := scoreBoth(t, "cells.csv", body.Bytes(), rb, opt, ReadOptions{})
		if plain != fast {
			t.Fatalf("%+v: fast path differs\nplain: %.800s\nfast:  %.800s", opt, plain, fast)
		}
		// Lengths 1 and 2 have one value each, the 28 others three.
		// (Segments only: a gap names its attribute too.)
		if n := strings.Count(fast, `"attribute":"Team","value"`); n != 2+28*3 {
			t.Fatalf("%d teams, want %d", n, 2+28*3)
		}
	}
}
