// Command gen writes the benchmark workload: a wide CSV of respondents
// answering the 32 questions of bench/rubric.toml on its 1-5 scale, with
// two segment attributes (Role, Team) and about 3% empty cells. The same
// seed gives the same bytes, so every run of bench/run scores the same file.
//
//	go run ./bench/gen -rows 1000000 -seed 1 > answers.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "respondents")
	questions := flag.Int("questions", 32, "questions (bench/rubric.toml has 32)")
	teams := flag.Int("teams", 40, "distinct values of the Team attribute")
	roles := flag.Int("roles", 6, "distinct values of the Role attribute")
	seed := flag.Uint64("seed", 1, "random seed")
	empty := flag.Float64("empty", 0.03, "share of empty answer cells")
	cycle := flag.Bool("cycle", false, "give respondent i team i mod teams, so that every team has as many (for bench/run's site)")
	flag.Parse()
	if err := write(os.Stdout, *rows, *questions, *teams, *roles, *seed, *empty, *cycle); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(f *os.File, rows, questions, teams, roles int, seed uint64, empty float64, cycle bool) error {
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	w.WriteString("Respondent,Role,Team")
	for q := 1; q <= questions; q++ {
		fmt.Fprintf(w, ",q%02d", q)
	}
	w.WriteByte('\n')
	var b []byte
	for i := 1; i <= rows; i++ {
		b = append(b[:0], 'R')
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ",Role "...)
		b = strconv.AppendInt(b, int64(1+rng.IntN(roles)), 10)
		b = append(b, ",Team "...)
		team := rng.IntN(teams)
		if cycle {
			team = i % teams
		}
		b = strconv.AppendInt(b, int64(1+team), 10)
		// Each respondent leans one way, so groups differ and flags can rise.
		lean := rng.IntN(3)
		for range questions {
			b = append(b, ',')
			if rng.Float64() < empty {
				continue
			}
			p := 1 + rng.IntN(3) + lean
			b = append(b, byte('0'+p))
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return w.Flush()
}
