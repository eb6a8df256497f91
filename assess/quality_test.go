package assess

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestSpeedersAndStraightLiners: Qualtrics with "Duration (in seconds)"
// and Microsoft Forms with start and completion times, laid out as the
// tools write them (testdata/layouts), ten respondents each: durations
// 300 s for eight, 60 s and 90 s for two (median 300, a third 100: two
// speeders), and one answering every scale question the same.
func TestSpeedersAndStraightLiners(t *testing.T) {
	r := measureRubric(t)
	durs := []int{300, 300, 60, 300, 300, 90, 300, 300, 300, 300}
	answers := func(i int) string {
		var a []string
		for q := range 13 {
			p := 1 + (i+q)%5
			if i == 4 {
				p = 4 // the straight-liner
			}
			a = append(a, fmt.Sprint(p))
		}
		return strings.Join(a, ",")
	}
	head := "q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,o1"
	var qx, ms strings.Builder
	qx.WriteString("StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId," + head + "\n")
	qx.WriteString("Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID," + head + "\n")
	qx.WriteString(`"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}","{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}"` + strings.Repeat(",", 13) + "\n")
	ms.WriteString("\ufeffID,Start time,Completion time,Email,Name,Last modified time," + head + "\n")
	for i, d := range durs {
		fmt.Fprintf(&qx, "2026-03-02 09:00:00,2026-03-02 09:05:00,IP Address,192.0.2.1,100,%d,True,2026-03-02 09:05:00,R_%d,%s\n", d, i, answers(i))
		fmt.Fprintf(&ms, "%d,3/2/26 9:%02d,3/2/26 9:%02d,anonymous,anonymous,,%s\n", i+1, 0, d/60, answers(i))
	}
	for _, in := range []struct{ name, data string }{{"qualtrics.csv", qx.String()}, {"forms.csv", ms.String()}} {
		res := scoreMeasure(t, r, in.name, []byte(in.data), Options{})
		dq := res.DataQuality
		if dq.StraightLiners != 1 || dq.Speeders != 2 || dq.Excluded != 0 || res.Respondents != 10 {
			t.Errorf("%s: %d straight-liners, %d speeders, %d excluded, %d respondents; want 1, 2, 0, 10", in.name, dq.StraightLiners, dq.Speeders, dq.Excluded, res.Respondents)
		}
		// Forms' times are to the minute: 60 s and 60 s (9:00 to 9:01).
		s := NewScorer(r, Options{ExcludeFlagged: true})
		src, _ := OpenAnswers(in.name, strings.NewReader(in.data), r, ReadOptions{})
		if err := s.AddSource(src); err != nil {
			t.Fatal(err)
		}
		s2 := NewScorer(r, Options{ExcludeFlagged: true, speedBelow: s.SpeedLimit()})
		src, _ = OpenAnswers(in.name, strings.NewReader(in.data), r, ReadOptions{})
		if err := s2.AddSource(src); err != nil {
			t.Fatal(err)
		}
		res2, _ := s2.Result()
		if res2.DataQuality.Excluded != 3 || res2.Respondents != 7 || res2.DataQuality.Rows != 10 {
			t.Errorf("%s, excluding: %d excluded, %d respondents, %d rows; want 3, 7, 10", in.name, res2.DataQuality.Excluded, res2.Respondents, res2.DataQuality.Rows)
		}
	}
}

func TestParticipation(t *testing.T) {
	pop := &Population{Total: 20, Groups: []PopulationGroup{{Attribute: "Team", Value: "A", Count: 12}}}
	score := 50.0
	res := &Result{Respondents: 10, Dimensions: []DimensionResult{{ID: "d", Score: &score, N: 10, SD: 10}},
		Segments: []SegmentResult{{Attribute: "Team", Value: "a", N: intPtr(6), Dimensions: []DimensionResult{{ID: "d", Score: &score, N: 6, SD: 10}}},
			{Attribute: "Team", Value: "B", Suppressed: true}}}
	if err := ApplyPopulation(res, pop); err != nil {
		t.Fatal(err)
	}
	p := res.Participation
	if p.Population != 20 || p.Rate != 0.5 || len(p.Segments) != 1 || p.Segments[0].Rate != 0.5 || p.Segments[0].Population != 12 {
		t.Fatalf("participation = %+v", p)
	}
	// By hand: t(9) = 2.262 (the table of three decimals the scorer uses), half = 2.262 * 10 / √10 * √(10/19).
	half := 2.262 * 10 / math.Sqrt(10) * math.Sqrt(10.0/19)
	if d := res.Dimensions[0]; math.Abs(d.CIHigh-(50+half)) > 1e-4 || math.Abs(d.CILow-(50-half)) > 1e-4 {
		t.Errorf("interval %.4f-%.4f, want %.4f-%.4f", d.CILow, d.CIHigh, 50-half, 50+half)
	}
	if got, want := FPC(6, 12), math.Sqrt(6.0/11); got != want {
		t.Errorf("FPC(6, 12) = %v, want %v", got, want)
	}
	res.Respondents = 21
	if err := ApplyPopulation(res, pop); err == nil || !strings.Contains(err.Error(), "smaller than the 21 respondents") {
		t.Errorf("21 respondents of 20: %v", err)
	}
}

func intPtr(n int) *int { return &n }

func FuzzElapsed(f *testing.F) {
	for _, s := range []string{"3/2/26 9:01|3/2/26 9:05", "2026-03-02 09:01:10|2026-03-02 09:04:55", "46083.375|46083.38", "13/2/2026 9:00|13/2/2026 10:00", "x|y", "|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, _ := strings.Cut(s, "|")
		if d, ok := elapsed(a, b); ok && (d < 0 || d > maxSeconds || math.IsNaN(d)) {
			t.Errorf("elapsed(%q, %q) = %v", a, b, d)
		}
		if d, ok := parseSeconds(a); ok && (d < 0 || d > maxSeconds || math.IsNaN(d)) {
			t.Errorf("parseSeconds(%q) = %v", a, d)
		}
	})
}
