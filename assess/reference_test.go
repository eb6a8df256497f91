package assess

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// This file checks the streaming Scorer against a second, deliberately
// naive implementation of SPEC.md's scoring rules that keeps every
// respondent in memory and computes each figure straight from the text of
// the rules, on many random rubrics and answer sets.

type refAnswer struct {
	ok  bool
	v   float64
	raw float64
	idx int
	sel map[int]bool
}

type refResp struct {
	attrs   map[string]string
	answers []refAnswer
	dims    []*float64
}

// refScore computes one respondent's answers and dimension scores.
func refScore(r *Rubric, p *Respondent) refResp {
	out := refResp{attrs: p.Attributes, answers: make([]refAnswer, len(r.Questions)), dims: make([]*float64, len(r.Dimensions))}
	for i, q := range r.Questions {
		if !q.Scored() || len(p.Answers[i].Values) == 0 {
			continue
		}
		s := strings.TrimSpace(strings.ToLower(p.Answers[i].Values[0]))
		var a refAnswer
		switch q.Type {
		case TypeScale:
			for j, l := range q.ScaleDef.Labels {
				if strings.ToLower(l) == s || fmt.Sprint(q.ScaleDef.Points[j]) == s {
					p0, pn := q.ScaleDef.Points[0], q.ScaleDef.Points[len(q.ScaleDef.Points)-1]
					a = refAnswer{ok: true, raw: q.ScaleDef.Points[j], idx: j, v: (q.ScaleDef.Points[j] - p0) / (pn - p0)}
				}
			}
		case TypeChoice:
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, o := range q.Options {
				lo, hi = math.Min(lo, o.Points), math.Max(hi, o.Points)
			}
			for j, o := range q.Options {
				if strings.ToLower(o.Label) == s {
					a = refAnswer{ok: true, raw: o.Points, idx: j, v: (o.Points - lo) / (hi - lo)}
				}
			}
		case TypeMulti:
			var pos, sum float64
			for _, o := range q.Options {
				if o.Points > 0 {
					pos += o.Points
				}
			}
			sel := map[int]bool{}
			good := s != ""
			for _, part := range strings.Split(s, ";") {
				found := false
				for j, o := range q.Options {
					if strings.ToLower(o.Label) == strings.TrimSpace(part) {
						if !sel[j] {
							sum += o.Points
						}
						sel[j], found = true, true
					}
				}
				good = good && found
			}
			if good {
				a = refAnswer{ok: true, raw: sum, sel: sel, v: math.Max(0, math.Min(1, sum/pos))}
			}
		}
		if a.ok && q.Reverse {
			a.v = 1 - a.v
		}
		out.answers[i] = a
	}
	for di, d := range r.Dimensions {
		var sw, swv, total float64
		for i, q := range r.Questions {
			if q.Dimension != d.ID || !q.Scored() {
				continue
			}
			total += q.Weight
			if out.answers[i].ok {
				sw += q.Weight
				swv += q.Weight * out.answers[i].v
			}
		}
		if sw > 0 && sw >= r.MinAnswered*total {
			x := 100 * swv / sw
			out.dims[di] = &x
		}
	}
	return out
}

func refLevel(r *Rubric, score float64) *Level {
	var lv *Level
	for _, l := range r.Levels {
		if l.Min <= score {
			lv = l
		}
	}
	return lv
}

func refGroupDims(r *Rubric, rs []refResp) ([]*float64, []int) {
	scores, ns := make([]*float64, len(r.Dimensions)), make([]int, len(r.Dimensions))
	for di := range r.Dimensions {
		var sum float64
		for _, p := range rs {
			if p.dims[di] != nil {
				sum += *p.dims[di]
				ns[di]++
			}
		}
		if ns[di] > 0 {
			x := sum / float64(ns[di])
			scores[di] = &x
		}
	}
	return scores, ns
}

func refOverall(r *Rubric, dims []*float64) *float64 {
	var sw, swx float64
	for di, d := range r.Dimensions {
		if dims[di] != nil {
			sw += d.Weight
			swx += d.Weight * *dims[di]
		}
	}
	if sw == 0 {
		return nil
	}
	x := swx / sw
	return &x
}

// randomRubric writes a random but valid rubric file.
func randomRubric(rng *rand.Rand) string {
	var b strings.Builder
	p := func(f string, a ...any) { fmt.Fprintf(&b, f, a...) }
	p("format = 1\nid = \"rand\"\ntitle = \"R\"\nversion = \"1\"\ntarget = %d\nmin_answered = %.2f\n", 50+rng.IntN(40), rng.Float64())
	p("[scales.s]\npoints = [1, 2, 3, 4, 5]\nlabels = [\"a1\", \"a2\", \"a3\", \"a4\", \"a5\"]\nskip = [\"dk\"]\n")
	p("[scales.t]\npoints = [0, 10]\nlabels = [\"no\", \"yes\"]\n")
	nd := 1 + rng.IntN(3)
	var qids []string
	qtype := map[string]string{}
	for d := 0; d < nd; d++ {
		p("[[dimension]]\nid = \"d%d\"\ntitle = \"D%d\"\nweight = %.1f\n", d, d, 0.5+float64(rng.IntN(4)))
		for k := 0; k < 1+rng.IntN(4); k++ {
			id := fmt.Sprintf("q%d_%d", d, k)
			qids = append(qids, id)
			p("[[question]]\nid = %q\ndimension = \"d%d\"\ntext = %q\nweight = %.1f\nreverse = %v\n", id, d, "text "+id, 0.5+float64(rng.IntN(3)), rng.IntN(3) == 0)
			switch rng.IntN(4) {
			case 0, 1:
				p("scale = %q\n", []string{"s", "t"}[rng.IntN(2)])
				qtype[id] = "scale"
			case 2:
				p("type = \"choice\"\noptions = [{label = \"o0\", points = 0}, {label = \"o1\", points = %d}, {label = \"o2\", points = 4}]\n", rng.IntN(5))
				qtype[id] = "choice"
			case 3:
				p("type = \"multi\"\noptions = [{label = \"m0\", points = 1}, {label = \"m1\", points = 2}, {label = \"m2\", points = -1}]\n")
				qtype[id] = "multi"
			}
		}
	}
	mins := []int{0, 20 + rng.IntN(20), 50 + rng.IntN(20), 75 + rng.IntN(20)}
	for i, m := range mins {
		p("[[level]]\nid = \"l%d\"\ntitle = \"L%d\"\nmin = %d\n", i, i, m)
	}
	for d := 0; d < nd; d++ {
		for i := 0; i < 2; i++ {
			p("[[recommendation]]\nid = \"r%d_%d\"\ndimension = \"d%d\"\nlevels = [\"l%d\", \"l%d\"]\ntitle = \"T\"\nhorizon = %d\n", d, i, d, rng.IntN(4), rng.IntN(4), []int{30, 60, 90}[rng.IntN(3)])
		}
	}
	for f := 0; f < 1+rng.IntN(3); f++ {
		p("[[flag]]\nid = \"f%d\"\ntitle = \"F\"\nseverity = %q\nshare = %.2f\n", f, []string{"low", "medium", "high"}[rng.IntN(3)], 0.05+rng.Float64()*0.5)
		if rng.IntN(2) == 0 {
			p("caps = \"l%d\"\n", rng.IntN(4))
		}
		for c := 0; c < 1+rng.IntN(2); c++ {
			if rng.IntN(2) == 0 {
				p("[[flag.when]]\ndimension = \"d%d\"\nmax = %d\n", rng.IntN(nd), 20+rng.IntN(60))
				continue
			}
			q := qids[rng.IntN(len(qids))]
			switch qtype[q] {
			case "choice":
				p("[[flag.when]]\nquestion = %q\nis = [\"o0\"]\n", q)
			case "multi":
				p("[[flag.when]]\nquestion = %q\nis = [\"m2\"]\n", q)
			default:
				p("[[flag.when]]\nquestion = %q\nmin = %d\n", q, rng.IntN(6))
			}
		}
		p("[[recommendation]]\nid = \"fr%d\"\nflag = \"f%d\"\ntitle = \"T\"\nhorizon = 30\n", f, f)
	}
	return b.String()
}

func randomAnswer(rng *rand.Rand, q *Question) string {
	switch rng.IntN(10) {
	case 0:
		return ""
	case 1:
		return "dk"
	case 2:
		return "bogus"
	}
	switch q.Type {
	case TypeScale:
		j := rng.IntN(len(q.ScaleDef.Points))
		if rng.IntN(2) == 0 {
			return fmt.Sprint(q.ScaleDef.Points[j])
		}
		return strings.ToUpper(q.ScaleDef.Labels[j])
	case TypeChoice:
		return q.Options[rng.IntN(len(q.Options))].Label
	default:
		var parts []string
		for _, o := range q.Options {
			if rng.IntN(2) == 0 {
				parts = append(parts, o.Label)
			}
		}
		return strings.Join(parts, ";")
	}
}

func TestScorerMatchesReference(t *testing.T) {
	for seed := uint64(0); seed < 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		src := randomRubric(rng)
		r, err := LoadRubric("rand.toml", []byte(src))
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, src)
		}
		minGroup := 1 + rng.IntN(6)
		s := NewScorer(r, Options{Segments: []string{"team"}, MinGroupSize: minGroup})
		var all []refResp
		for i, n := 0, rng.IntN(40); i < n; i++ {
			p := &Respondent{Attributes: map[string]string{"team": fmt.Sprint("t", rng.IntN(4))}, Answers: make([]Cell, len(r.Questions))}
			for j, q := range r.Questions {
				if a := randomAnswer(rng, q); a != "" {
					p.Answers[j] = Cell{Values: []string{a}}
				}
			}
			if err := s.Add(p); err != nil {
				t.Fatal(err)
			}
			all = append(all, refScore(r, p))
		}
		res, err := s.Result()
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { compareReference(t, r, res, all, minGroup) })
	}
}

func samePtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-9
}

func compareReference(t *testing.T, r *Rubric, res *Result, all []refResp, minGroup int) {
	dims, ns := refGroupDims(r, all)
	for di := range r.Dimensions {
		if !samePtr(dims[di], res.Dimensions[di].Score) || ns[di] != res.Dimensions[di].N {
			t.Fatalf("dimension %d: ref %v n %d, got %+v", di, dims[di], ns[di], res.Dimensions[di])
		}
	}
	overall := refOverall(r, dims)
	if !samePtr(overall, res.Overall.Score) {
		t.Fatalf("overall: ref %v got %v", overall, res.Overall.Score)
	}
	// Flags.
	raised := map[string]bool{}
	for fi, f := range r.Flags {
		match, eval := 0, 0
		for _, p := range all {
			ok, m := true, true
			for _, c := range f.When {
				var x float64
				if c.Dimension != "" {
					d := r.Dimension(c.Dimension).Index
					if p.dims[d] == nil {
						ok = false
						continue
					}
					x = *p.dims[d]
				} else {
					q := r.Question(c.Question)
					a := p.answers[q.Index]
					if !a.ok {
						ok = false
						continue
					}
					x = a.raw
					if len(c.Is) > 0 {
						hit := false
						for _, lbl := range c.Is {
							for j, o := range q.Options {
								if o.Label == lbl && (a.sel[j] || (q.Type == TypeChoice && a.idx == j)) {
									hit = true
								}
							}
						}
						m = m && hit
					}
				}
				if c.Min != nil && x < *c.Min || c.Max != nil && x > *c.Max {
					m = false
				}
			}
			if ok {
				eval++
				if m {
					match++
				}
			}
		}
		share := 0.0
		if eval > 0 {
			share = float64(match) / float64(eval)
		}
		raised[f.ID] = eval > 0 && share >= f.Share
		if got := res.Flags[fi]; got.Raised != raised[f.ID] || math.Abs(got.Share-share) > 1e-12 {
			t.Fatalf("flag %s: ref share %v raised %v, got %+v", f.ID, share, raised[f.ID], got)
		}
	}
	// Level and cap.
	if overall != nil {
		lv := refLevel(r, *overall)
		capBy := ""
		for _, f := range r.Flags {
			if raised[f.ID] && f.Caps != "" && r.Level(f.Caps).Index < lv.Index {
				lv, capBy = r.Level(f.Caps), f.ID
			}
		}
		if res.Overall.Level != lv.ID || res.Overall.CappedBy != capBy {
			t.Fatalf("overall level: ref %s capped by %q, got %s by %q", lv.ID, capBy, res.Overall.Level, res.Overall.CappedBy)
		}
	}
	// Plan.
	type item struct {
		id   string
		sev  int
		prio float64
		flag bool
	}
	var want []item
	for _, rc := range r.Recommendations {
		if rc.Flag != "" {
			if raised[rc.Flag] {
				want = append(want, item{id: rc.ID, sev: map[string]int{"high": 0, "medium": 1, "low": 2}[r.Flag(rc.Flag).Severity], flag: true})
			}
			continue
		}
		d := r.Dimension(rc.Dimension)
		if dims[d.Index] == nil {
			continue
		}
		if !contains(rc.Levels, refLevel(r, *dims[d.Index]).ID) {
			continue
		}
		want = append(want, item{id: rc.ID, prio: d.Weight * math.Max(0, r.Target-*dims[d.Index])})
	}
	sort.SliceStable(want, func(i, j int) bool {
		a, b := want[i], want[j]
		if a.flag != b.flag {
			return a.flag
		}
		if a.flag && a.sev != b.sev {
			return a.sev < b.sev
		}
		if !a.flag && a.prio != b.prio {
			return a.prio > b.prio
		}
		return a.id < b.id
	})
	var wantIDs, gotIDs []string
	for _, w := range want {
		wantIDs = append(wantIDs, w.id)
	}
	for _, g := range res.Recommendations {
		gotIDs = append(gotIDs, g.ID)
	}
	if !reflect.DeepEqual(wantIDs, gotIDs) {
		t.Fatalf("plan: ref %v got %v", wantIDs, gotIDs)
	}
	// Segments: sizes, suppression, scores. Complementary suppression, by
	// its definition: while the suppressed teams hold 1 to minGroup-1
	// people together, the smallest shown team (first by value) is
	// suppressed; then, per dimension, while the suppressed teams and
	// cells hold 1 to minGroup-1 scores together, the smallest shown cell.
	byTeam := map[string][]refResp{}
	for _, p := range all {
		byTeam[p.attrs["team"]] = append(byTeam[p.attrs["team"]], p)
	}
	var teams []string
	for v := range byTeam {
		teams = append(teams, v)
	}
	sort.Strings(teams)
	hide := map[string]bool{}
	hidden := 0
	for _, v := range teams {
		if len(byTeam[v]) < minGroup {
			hide[v] = true
			hidden += len(byTeam[v])
		}
	}
	for hidden > 0 && hidden < minGroup {
		next := ""
		for _, v := range teams {
			if !hide[v] && (next == "" || len(byTeam[v]) < len(byTeam[next])) {
				next = v
			}
		}
		if next == "" {
			break
		}
		hide[next] = true
		hidden += len(byTeam[next])
	}
	wantSeg := map[string][]*float64{}
	for di := range r.Dimensions {
		hiddenN := ns[di]
		cellN := map[string]int{}
		for _, v := range teams {
			if hide[v] {
				continue
			}
			gd, gn := refGroupDims(r, byTeam[v])
			if wantSeg[v] == nil {
				wantSeg[v] = make([]*float64, len(r.Dimensions))
			}
			if gn[di] >= minGroup {
				wantSeg[v][di], cellN[v] = gd[di], gn[di]
				hiddenN -= gn[di]
			}
		}
		for hiddenN > 0 && hiddenN < minGroup {
			next := ""
			for _, v := range teams {
				if wantSeg[v] != nil && wantSeg[v][di] != nil && (next == "" || cellN[v] < cellN[next]) {
					next = v
				}
			}
			if next == "" {
				break
			}
			wantSeg[next][di] = nil
			hiddenN += cellN[next]
		}
	}
	for _, sg := range res.Segments {
		g := byTeam[sg.Value]
		if sg.Suppressed != hide[sg.Value] {
			t.Fatalf("segment %s (n %d, threshold %d): suppressed %v (%q), ref %v", sg.Value, len(g), minGroup, sg.Suppressed, sg.Why, hide[sg.Value])
		}
		if sg.Suppressed {
			if sg.N != nil || sg.Overall != nil || sg.Dimensions != nil {
				t.Fatalf("suppressed segment carries figures: %+v", sg)
			}
			if w := map[bool]string{true: "small", false: "complementary"}[len(g) < minGroup]; sg.Why != w {
				t.Fatalf("segment %s (n %d, threshold %d) suppressed as %q", sg.Value, len(g), minGroup, sg.Why)
			}
			continue
		}
		if *sg.N != len(g) {
			t.Fatalf("segment %s shown with n %d (ref %d, threshold %d)", sg.Value, *sg.N, len(g), minGroup)
		}
		for di := range r.Dimensions {
			if !samePtr(wantSeg[sg.Value][di], sg.Dimensions[di].Score) {
				t.Fatalf("segment %s dimension %d: ref %v got %v", sg.Value, di, wantSeg[sg.Value][di], sg.Dimensions[di].Score)
			}
		}
		if !samePtr(refOverall(r, wantSeg[sg.Value]), sg.Overall.Score) {
			t.Fatalf("segment %s overall: ref %v got %v", sg.Value, refOverall(r, wantSeg[sg.Value]), sg.Overall.Score)
		}
	}
}
