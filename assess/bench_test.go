package assess

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchRubric is bench/rubric.toml: 32 questions on a 1-5 scale.
func benchRubric(t testing.TB) *Rubric { return loadRubricFile(t, "../bench/rubric.toml") }

// benchCSV is what bench/gen writes: rows respondents answering
// questions questions, with Role and Team and about 3% empty cells.
func benchCSV(rows, questions int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var b bytes.Buffer
	b.WriteString("Respondent,Role,Team")
	for q := 1; q <= questions; q++ {
		fmt.Fprintf(&b, ",q%02d", q)
	}
	b.WriteByte('\n')
	line := []byte{}
	for i := 1; i <= rows; i++ {
		line = append(line[:0], 'R')
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, ",Role "...)
		line = strconv.AppendInt(line, int64(1+rng.IntN(6)), 10)
		line = append(line, ",Team "...)
		line = strconv.AppendInt(line, int64(1+rng.IntN(40)), 10)
		lean := rng.IntN(3)
		for range questions {
			line = append(line, ',')
			if rng.Float64() < 0.03 {
				continue
			}
			line = append(line, byte('1'+rng.IntN(3)+lean))
		}
		b.Write(append(line, '\n'))
	}
	return b.Bytes()
}

// BenchmarkScoreCSV scores the benchmark workload from memory, reading
// included, as `aiready score` does with a file.
func BenchmarkScoreCSV(b *testing.B) {
	rb := benchRubric(b)
	for _, n := range []struct {
		name string
		rows int
	}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}} {
		b.Run("rows="+n.name, func(b *testing.B) {
			data := benchCSV(n.rows, 32, 1)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				src, err := OpenAnswers("bench.csv", bytes.NewReader(data), rb, ReadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				s := NewScorer(rb, Options{Segments: []string{"Role", "Team"}})
				if err := s.AddSource(src); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Result(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
