package assess

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// TestBareCR: a CR outside quotes that ends no line, in a file whose lines
// end in LF or CRLF, is an error naming its line, the same on the plain
// and the fast path, early (in the header's read-ahead) or late (in a
// chunk of the fast path); a CR inside quotes, CRLF, and a CR before the
// end of the file are not.
func TestBareCR(t *testing.T) {
	rb := flagRubric(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, at := range []int{3, 2*chunkLines + 17} {
		data := genCSV(3*chunkLines, 5, func(i int, _ *rand.Rand) string {
			if i == at {
				return fmt.Sprintf("R%d,T1,Lead,Agree\rR%d,T2,Staff,Agree,3,Speed,\n", i, i)
			}
			return ""
		})
		col := len(fmt.Sprintf("R%d,T1,Lead,Agree", at)) + 1
		want := fmt.Sprintf("gen.csv:%d:%d: a carriage return (CR) that ends no line", at+1, col)
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			plain, fast := scoreBoth(t, "gen.csv", data, rb, Options{Segments: []string{"Team"}}, ReadOptions{})
			if !strings.Contains(plain, want) {
				t.Errorf("CR in row %d, plain path: %.300s\nwant an error %q", at, plain, want)
			}
			if plain != fast {
				t.Errorf("CR in row %d, %d cores: fast path differs\nplain: %.300s\nfast:  %.300s", at, procs, plain, fast)
			}
		}
	}
	for name, body := range map[string]string{
		"CRLF":                 "R1,T1,Lead,Agree,3,Speed,\r\nR2,T1,Lead,Agree,3,Speed,\r\n",
		"CR in quotes":         "R1,\"T\r1\",Lead,Agree,3,Speed,\nR2,T1,Lead,Agree,3,Speed,\n",
		"CR at the file's end": "R1,T1,Lead,Agree,3,Speed,\nR2,T1,Lead,Agree,3,Speed,\r",
	} {
		data := "Respondent ID,Team,Role,Customer-first judgement,AIQ2,What is the main goal of your AI programme?,Team\n" + body
		plain, fast := scoreBoth(t, "ok.csv", []byte(data), rb, Options{}, ReadOptions{})
		if strings.HasPrefix(plain, "add: ") || strings.HasPrefix(plain, "open: ") || !strings.Contains(plain, `"respondents":2`) {
			t.Errorf("%s: %.300s; want two respondents", name, plain)
		}
		if plain != fast {
			t.Errorf("%s: fast path differs\nplain: %.300s\nfast:  %.300s", name, plain, fast)
		}
	}
}
