package questionnaire

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aiready/aiready/assess"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json from the Go scorer")

const vectorsFile = "testdata/vectors.json"

// vectorCase is one respondent of the shared vectors: the answers as the
// page holds them, and what the Go scorer makes of the answers file the
// page would save for them.
type vectorCase struct {
	Rubric  string   `json:"rubric"`
	Answers []answer `json:"answers"`
	Expect  outcome  `json:"expect"`
}

// vectors writes the shared test vectors: for each test rubric, answers at
// the edges (none, all skipped, all lowest, all highest) and 30 random
// sets, each scored by the Go scorer from its answers file.
func vectors(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("{\"note\": \"Written by go test ./site/questionnaire -run TestVectors -update from the Go scorer; score.js must give the same numbers (testdata/vectors.js).\",\n\"models\": {\n")
	var cases []vectorCase
	for i, name := range testRubrics {
		r := loadTestRubric(t, name)
		m := newModel(r, nil, nil)
		mj, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`"` + r.ID + `": `)
		b.Write(mj)
		sets := edgeAnswers(m)
		rng := rand.New(rand.NewPCG(7, uint64(i)))
		for range 30 {
			sets = append(sets, randomAnswers(rng, m))
		}
		for _, ans := range sets {
			res := goScore(t, r, assess.Options{}, nativeFile(m, "v", nil, ans))
			cases = append(cases, vectorCase{Rubric: r.ID, Answers: ans, Expect: outcomeOf(res)})
		}
	}
	b.WriteString("},\n\"cases\": [\n")
	for i, c := range cases {
		cj, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(cj)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// edgeAnswers are the answer sets at the edges of every rule.
func edgeAnswers(m *model) [][]answer {
	none := make([]answer, len(m.Questions))
	skip, low, high := make([]answer, len(m.Questions)), make([]answer, len(m.Questions)), make([]answer, len(m.Questions))
	for i, q := range m.Questions {
		switch q.Type {
		case "text":
			skip[i], low[i], high[i] = answer{Kind: 't', Text: " "}, answer{Kind: 't', Text: "low"}, answer{Kind: 't', Text: "high"}
			continue
		case "multi":
			all, first := make([]bool, len(q.Labels)), make([]bool, len(q.Labels))
			for j := range all {
				all[j] = q.Points[j] > 0
			}
			first[0] = true
			low[i], high[i] = answer{Kind: 'm', Sel: first}, answer{Kind: 'm', Sel: all}
		default:
			low[i], high[i] = answer{Kind: 'a', I: 0}, answer{Kind: 'a', I: len(q.Labels) - 1}
		}
		if len(q.Skip) > 0 {
			skip[i] = answer{Kind: 's', I: len(q.Skip) - 1}
		}
	}
	return [][]answer{none, skip, low, high}
}

// TestVectorsUpToDate keeps testdata/vectors.json what the Go scorer says
// today: a change of the Go scoring shows here, and -update carries it to
// the vectors that score.js must then follow.
func TestVectorsUpToDate(t *testing.T) {
	got := vectors(t)
	if *update {
		if err := os.WriteFile(vectorsFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the Go scorer gives now; review the change and run go test -run TestVectors -update", vectorsFile)
	}
}

// TestVectorsNode runs the shared vectors against the page's own scoring
// script in Node: the very file the page embeds, no browser needed.
func TestVectorsNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missingTool(t, "no node on PATH (apt-get install nodejs)")
	}
	script, _ := filepath.Abs("assets/score.js")
	out, err := exec.Command(node, "testdata/vectors.js", script, vectorsFile).CombinedOutput()
	if err != nil {
		t.Fatalf("node testdata/vectors.js: %v\n%s", err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}
