package assess

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// TestIDTableDistinct puts a million distinct ids of the shapes exports
// use into the table, in turns that never reach its cap, and expects no
// repeat: a hash that confused two ids would report one.
func TestIDTableDistinct(t *testing.T) {
	if testing.Short() {
		t.Skip("a million ids")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	shapes := []func(i int) string{
		func(i int) string { return fmt.Sprintf("R%d", i) },                       // bench/gen, many tools
		func(i int) string { return fmt.Sprint(i) },                               // a plain number
		func(i int) string { return fmt.Sprintf("%08d", i) },                      // padded: one word exactly
		func(i int) string { return fmt.Sprintf("respondent-%d@example.org", i) }, // words and a tail
		func(i int) string { // Qualtrics' ResponseId
			b := []byte("R_")
			for range 15 {
				b = append(b, alnum[rng.IntN(len(alnum))])
			}
			return string(b)
		},
		func(i int) string { // KoboToolbox's _uuid
			return fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", rng.Uint32(), rng.IntN(1<<16), rng.IntN(1<<12), rng.IntN(1<<12), rng.Uint64()>>16)
		},
	}
	total := 0
	for _, shape := range shapes {
		seen := map[string]bool{}
		s := NewScorer(readerRubric(t), Options{})
		for i := 1; len(seen) < MaxCheckedIDs*2/3; i++ {
			id := shape(i)
			if seen[id] { // random shapes may draw one twice
				continue
			}
			seen[id] = true
			if err := s.seeID(idHash([]byte(id)), Position{File: "a.csv", Line: i + 1, Col: 1}); err != nil {
				t.Fatal(err)
			}
		}
		total += len(seen)
		if r := s.ids.IDRepeats; r.RepeatedIDs != 0 || r.Unchecked != 0 {
			t.Fatalf("%s...: %d distinct ids gave %d repeats, %d unchecked", shape(1), len(seen), r.RepeatedIDs, r.Unchecked)
		}
	}
	if total < 1_000_000 {
		t.Fatalf("only %d ids", total)
	}
}

// TestIDTableCap fills the table: the ids past MaxCheckedIDs are not
// checked, and counted as such, and nothing is reported falsely.
func TestIDTableCap(t *testing.T) {
	s := NewScorer(readerRubric(t), Options{})
	see := func(id string, line int) {
		t.Helper()
		if err := s.seeID(idHash([]byte(id)), Position{File: "big.csv", Line: line, Col: 1}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range MaxCheckedIDs {
		see(fmt.Sprintf("R%d", i), i+2)
	}
	see("R7", MaxCheckedIDs+2) // still found: the table is full, not gone
	if s.ids.RepeatedIDs != 1 || s.ids.Repeated[0].First.Line != 9 {
		t.Fatalf("repeat of R7: %+v", s.ids.IDRepeats)
	}
	for i := range 100 {
		see(fmt.Sprintf("X%d", i), MaxCheckedIDs+3+i)
	}
	see("R8", MaxCheckedIDs+200) // past the cap: no longer checked
	if r := s.ids.IDRepeats; r.RepeatedIDs != 1 || r.Unchecked != 101 {
		t.Fatalf("past the cap: %d repeats, %d unchecked; want 1, 101", r.RepeatedIDs, r.Unchecked)
	}
}

// TestIDPlaces: a repeat names the input and line where the id was first
// met, across inputs; generated ids ("row 4") are never compared.
func TestIDPlaces(t *testing.T) {
	rb := readerRubric(t)
	s := NewScorer(rb, Options{})
	add := func(name, body string) {
		t.Helper()
		src, err := OpenAnswers(name, strings.NewReader("Respondent ID,Team,Customer-first judgement\n"+body), rb, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddSource(src); err != nil {
			t.Fatal(err)
		}
	}
	add("a.csv", "A1,T,Agree\n,T,Agree\nA2,T,Agree\n")
	add("b.csv", "B1,T,Agree\n\n A2 ,T,Agree\n,T,Agree\nA1,T,Agree\nB1,T,Agree\n")
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(res.DataQuality.Repeated)
	want := "[{b.csv:4:1 a.csv:4:1} {b.csv:6:1 a.csv:2:1} {b.csv:7:1 b.csv:2:1}]"
	if res.DataQuality.RepeatedIDs != 3 || got != want {
		t.Fatalf("repeats %d %s, want 3 %s", res.DataQuality.RepeatedIDs, got, want)
	}
	if res.Respondents != 8 {
		t.Fatalf("%d respondents: both rows of a repeat are counted", res.Respondents)
	}
	e := res.DataQuality.Repeated[0].Error()
	if e.Error() != "b.csv:4:1: this row has the same respondent id as a.csv:4 (exported twice?)" || !errors.Is(e, ErrRepeatedID) {
		t.Fatalf("message: %v", e)
	}
}

// TestRepeatedIDsStrict: under Strict the first repeat, in input order,
// is the error, the same on the fast path on any number of cores as the
// plain way, also when a later row of its chunk holds an invalid answer.
func TestRepeatedIDsStrict(t *testing.T) {
	rb := flagRubric(t)
	const goal = "Better service for customers and staff"
	data := genCSV(3*chunkLines, 5, func(i int, rng *rand.Rand) string {
		switch i {
		case 2*chunkLines + 10:
			return "R17,T1,Lead,Agree,3," + goal + ",\n"
		case 2*chunkLines + 20:
			return "R18,T1,Lead,Nope,3," + goal + ",\n"
		case 2*chunkLines + 30:
			return "R19,T1,Lead,Agree,3," + goal + ",\n"
		}
		return fmt.Sprintf("R%d,T%d,Lead,Agree,%d,%s,\n", i, rng.IntN(9), 1+rng.IntN(5), goal)
	})
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	want := fmt.Sprintf("add: gen.csv:%d:1: this row has the same respondent id as gen.csv:18 (exported twice?); give each respondent once, or score without --strict to count both", 2*chunkLines+11)
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, off := range []bool{true, false} {
			if got := scoreWay(t, "gen.csv", data, rb, Options{Strict: true}, ReadOptions{}, off); got != want {
				t.Errorf("%d cores, plain %v:\n got %s\nwant %s", procs, off, got, want)
			}
		}
	}
	// Without Strict: three repeats, counted, and the same both ways.
	plain, fast := scoreBoth(t, "gen.csv", data, rb, Options{}, ReadOptions{})
	if plain != fast || !strings.Contains(plain, `"repeated_ids":3`) {
		t.Errorf("fast path differs, or not 2 repeats\nplain: %.400s\nfast:  %.400s", plain, fast)
	}
}

// TestNativeRepeatedIDs: native answers' ids are checked; those made up
// for respondents without one are not.
func TestNativeRepeatedIDs(t *testing.T) {
	rb := readerRubric(t)
	data := []byte(`[[respondent]]
id = "x"
answers = { q01 = 4 }
[[respondent]]
answers = { q01 = 4 }
[[respondent]]
answers = { q01 = 4 }
[[respondent]]
id = "x"
answers = { q01 = 3 }
`)
	src, err := OpenAnswers("a.toml", bytes.NewReader(data), rb, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := NewScorer(rb, Options{})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(res.DataQuality.RepeatedIDs, res.DataQuality.Repeated); got != "1 [{a.toml:8:1 a.toml:1:1}]" {
		t.Fatalf("got %s", got)
	}
}

// BenchmarkIDCheck is the repeat check's share of scoring a row: hashing
// its id cell, and putting the hash into the table (until its cap).
func BenchmarkIDCheck(b *testing.B) {
	ids := make([][]byte, MaxCheckedIDs)
	for i := range ids {
		ids[i] = fmt.Appendf(nil, "R%d", i+1)
	}
	b.Run("hash", func(b *testing.B) {
		var x uint64
		for i := 0; b.Loop(); i++ {
			x += idHash(ids[i&(MaxCheckedIDs-1)])
		}
		_ = x
	})
	b.Run("table", func(b *testing.B) {
		pend := make([]idRow, len(ids))
		for i, id := range ids {
			pend[i] = idRow{idHash(id), i + 2}
		}
		b.ResetTimer()
		for range b.N {
			b.StopTimer()
			s := NewScorer(benchRubric(b), Options{})
			s.ids.pend = append(s.ids.pend[:0], pend...)
			b.StartTimer()
			if err := s.takeIDs(s, "bench.csv", nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pend)), "ns/id")
	})
}

// TestFastPathIDCap: past MaxCheckedIDs ids the fast path counts what it
// did not check as the plain way does, on any number of cores.
func TestFastPathIDCap(t *testing.T) {
	if testing.Short() {
		t.Skip("a quarter of a million rows")
	}
	data := benchCSV(MaxCheckedIDs+3*chunkLines, 32, 9)
	for _, r := range [][2]string{{"\nR1000,", "\nR10,"}, {"\nR200000,", "\nR7,"}, {"\nR262140,", "\nR9,"}, {"\nR262150,", "\nR11,"}, {"\nR270000,", "\nR12,"}} {
		if !bytes.Contains(data, []byte(r[0])) {
			t.Fatal(r[0])
		}
		data = bytes.Replace(data, []byte(r[0]), []byte(r[1]), 1)
	}
	rb := benchRubric(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	plain := scoreWay(t, "cap.csv", data, rb, Options{}, ReadOptions{}, true)
	// Three repeats before the table fills; every row after it unchecked.
	unchecked := MaxCheckedIDs + 3*chunkLines - (MaxCheckedIDs + 3)
	if !strings.Contains(plain, `"repeated_ids":3`) || !strings.Contains(plain, fmt.Sprintf("}] %d", unchecked)) {
		t.Fatalf("plain: %.300s", plain)
	}
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		if fast := scoreWay(t, "cap.csv", data, rb, Options{}, ReadOptions{}, false); fast != plain {
			t.Errorf("%d cores: fast path differs\nplain: ...%s\nfast:  ...%s", procs, plain[len(plain)-300:], fast[len(fast)-300:])
		}
	}
}
