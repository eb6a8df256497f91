package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Participation (SPEC "Participation"): with the head counts of
// [population], the response rate overall and of each shown group that
// has a count, and the finite-population correction of every 95%
// interval. A suppressed group shows neither count nor rate.

// Population is the [population] table of an assessment.toml.
type Population struct {
	Total    int
	TotalPos Position
	Groups   []PopulationGroup // by attribute, then in the file's order
}

// PopulationGroup is the head count of one value of a segment attribute.
type PopulationGroup struct {
	Attribute, Value string
	Count            int
	Pos              Position // where the count is written
	AttrPos          Position // where [population.ATTR] is
}

// maxPopulationGroups bounds the counts of a [population]: a real one
// has a count per team at most.
const maxPopulationGroups = 10000

func loadPopulation(t *tomlTable) *Population {
	m := t.table("population")
	if m == nil {
		return nil
	}
	pt := t.child(m, "population", "population")
	pop := &Population{TotalPos: pt.pos("total")}
	pt.required("total")
	if pt.has("total") {
		pop.Total = pt.integer("total", 0)
		if pop.Total < 1 {
			pt.errorf(pt.pos("total"), "total must be a positive whole number of people, not %d", pop.Total)
		}
	}
	var attrs []string
	for k, v := range m {
		if k == "total" {
			continue
		}
		pt.used[k] = true
		if _, ok := v.(map[string]any); !ok {
			pt.errorf(pt.pos(k), "%q must be a table of head counts per value ([population.%s]), not %s", k, k, tomlType(v))
			continue
		}
		attrs = append(attrs, k)
	}
	sort.Strings(attrs)
	for _, a := range attrs {
		at := pt.child(m[a].(map[string]any), tomlPath("population", a), fmt.Sprintf("population.%s", a))
		var vals []string
		for v := range at.m {
			vals = append(vals, v)
		}
		sortByPos(vals, func(v string) Position { return at.pos(v) })
		for _, v := range vals {
			if len(pop.Groups) >= maxPopulationGroups {
				at.errorf(at.pos(v), "more than %d head counts", maxPopulationGroups)
				break
			}
			n := at.integer(v, 0)
			if _, ok := at.m[v].(int64); ok && n < 1 {
				at.errorf(at.pos(v), "the head count of %q must be a positive whole number, not %d", v, n)
			}
			pop.Groups = append(pop.Groups, PopulationGroup{Attribute: a, Value: v, Count: n, Pos: at.pos(v), AttrPos: pt.pos(a)})
		}
		at.done()
	}
	pt.done()
	return pop
}

// CheckPopulation refuses head counts of an attribute that is not one of
// the assessment's segments: its groups are never shown, so their rates
// could not be either.
func CheckPopulation(pop *Population, segments []string) error {
	if pop == nil {
		return nil
	}
	var errs ErrorList
	seen := map[string]bool{}
	for _, g := range pop.Groups {
		if seen[g.Attribute] {
			continue
		}
		seen[g.Attribute] = true
		found := false
		for _, s := range segments {
			found = found || Normalize(s) == Normalize(g.Attribute)
		}
		if !found {
			known := "none"
			if len(segments) > 0 {
				known = strings.Join(segments, ", ")
			}
			errs = append(errs, &Error{Pos: g.AttrPos, Msg: fmt.Sprintf("population.%s: %q is not a segment of this assessment (segments: %s); head counts are given per value of a segment attribute", Short(g.Attribute), Short(g.Attribute), known)})
		}
	}
	return errs.Err()
}

// ApplyPopulation adds the response rates to res and corrects its 95%
// intervals for the finite population: more respondents than people is
// an error at the count's position.
func ApplyPopulation(res *Result, pop *Population) error {
	if pop == nil || pop.Total < 1 {
		return nil
	}
	var errs ErrorList
	if res.Respondents > pop.Total {
		errs = append(errs, &Error{Pos: pop.TotalPos, Msg: fmt.Sprintf("population total %d is smaller than the %d respondents: the head count must include everyone who was asked", pop.Total, res.Respondents)})
	}
	part := &ParticipationResult{Population: pop.Total, Rate: float64(res.Respondents) / float64(pop.Total), Segments: []SegmentParticipation{}}
	correct(res.Dimensions, pop.Total)
	for i := range res.Segments {
		sg := &res.Segments[i]
		if sg.Suppressed || sg.N == nil {
			continue
		}
		g := pop.group(sg.Attribute, sg.Value)
		if g == nil || g.Count < 1 {
			continue
		}
		if *sg.N > g.Count {
			errs = append(errs, &Error{Pos: g.Pos, Msg: fmt.Sprintf("population.%s: %q has %d people but %d respondents: the head count must include everyone who was asked", Short(g.Attribute), Short(g.Value), g.Count, *sg.N)})
			continue
		}
		part.Segments = append(part.Segments, SegmentParticipation{Attribute: sg.Attribute, Value: sg.Value, Population: g.Count, Rate: float64(*sg.N) / float64(g.Count)})
		correct(sg.Dimensions, g.Count)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	res.Participation = part
	return nil
}

func (pop *Population) group(attr, value string) *PopulationGroup {
	na, nv := Normalize(attr), Normalize(value)
	for i := range pop.Groups {
		if g := &pop.Groups[i]; Normalize(g.Attribute) == na && Normalize(g.Value) == nv {
			return g
		}
	}
	return nil
}

// FPC is the finite-population correction sqrt((N - n) / (N - 1)) of a
// standard error from n of N people; 1 when N is not known (0) or 1.
func FPC(n, total int) float64 {
	if total <= 1 || n > total {
		return 1
	}
	return math.Sqrt(float64(total-n) / float64(total-1))
}

// correct narrows the 95% intervals of dims, drawn from a population of
// total people, by the finite-population correction.
func correct(dims []DimensionResult, total int) {
	for i := range dims {
		dr := &dims[i]
		if dr.Score == nil || dr.N < 2 {
			continue
		}
		dr.CILow, dr.CIHigh = interval95(*dr.Score, dr.SD, dr.N, FPC(dr.N, total))
	}
}
