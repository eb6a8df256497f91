package assess

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMeasureCountedEqualsPlain checks the fast path's counted
// reliability sums (relStat.exact: values that are multiples of 1/2, 1/4
// or 1/8) and its one-by-one sums (other values) against the plain path,
// bit for bit: scales of 3, 5, 7 and 9 points, a multi question among a
// dimension's items (a value that cannot be counted, met mid-input),
// short rows, blanks and answers out of the scale, over several chunks.
func TestMeasureCountedEqualsPlain(t *testing.T) {
	for _, pts := range []int{3, 5, 7, 9} {
		var b strings.Builder
		fmt.Fprintf(&b, "format = 1\nid = \"m\"\ntitle = \"M\"\nversion = \"1\"\noutcome = \"o1\"\n[scales.s]\npoints = [")
		for p := 1; p <= pts; p++ {
			fmt.Fprintf(&b, "%d,", p)
		}
		b.WriteString("]\nlabels = [")
		for p := 1; p <= pts; p++ {
			fmt.Fprintf(&b, "\"L%d\",", p)
		}
		b.WriteString("]\n")
		for d := 1; d <= 3; d++ {
			fmt.Fprintf(&b, "[[dimension]]\nid = \"d%d\"\ntitle = \"D%d\"\n", d, d)
		}
		for q := 1; q <= 12; q++ {
			fmt.Fprintf(&b, "[[question]]\nid = \"q%02d\"\ndimension = \"d%d\"\nscale = \"s\"\ntext = \"Q%d\"\nreverse = %v\n", q, (q-1)/4+1, q, q == 12)
		}
		b.WriteString("[[question]]\nid = \"m1\"\ndimension = \"d3\"\ntype = \"multi\"\ntext = \"M\"\noptions = [{ label = \"A\", points = 1 }, { label = \"B\", points = 1 }, { label = \"C\", points = 1 }]\n")
		b.WriteString("[[question]]\nid = \"o1\"\nscale = \"s\"\ntext = \"Outcome\"\n[[level]]\nid = \"l\"\ntitle = \"L\"\nmin = 0\n")
		rb, err := LoadRubric("m.toml", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(uint64(pts), 3))
		var csv bytes.Buffer
		csv.WriteString("id,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,m1,o1\n")
		for i := range 20000 {
			fmt.Fprintf(&csv, "r%d", i)
			cols := 14
			if rng.IntN(200) == 0 {
				cols = rng.IntN(14)
			}
			lean := rng.IntN(pts)
			for c := range cols {
				csv.WriteByte(',')
				switch {
				case c == 12:
					// the multi question: A, B or C, and from row 15000 two of them
					if rng.IntN(3) > 0 {
						csv.WriteString([]string{"A", "B", "C"}[rng.IntN(3)])
						if i > 15000 && rng.IntN(2) == 0 {
							csv.WriteString(";C")
						}
					}
				case rng.IntN(50) == 0:
				case rng.IntN(500) == 0:
					csv.WriteString("99")
				default:
					fmt.Fprint(&csv, 1+(lean+rng.IntN(2))%pts)
				}
			}
			csv.WriteByte('\n')
		}
		plain, fast := scoreBoth(t, "m.csv", csv.Bytes(), rb, Options{}, ReadOptions{})
		if plain != fast {
			t.Errorf("%d points: fast path differs\nplain: %.300s\nfast:  %.300s", pts, plain, fast)
		}
		if !strings.Contains(plain, `"reliability"`) {
			t.Errorf("%d points: no reliability: %.300s", pts, plain)
		}
	}
}
