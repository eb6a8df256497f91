package assess

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every real export is read in the layout of the tool that wrote it.
func TestFixtureLayouts(t *testing.T) {
	want := map[string]struct {
		layout string
		kept   map[string]int
	}{
		"googleforms/Autistica_Turing Citizen Science Platform (Responses) - Form Responses 1(3).csv": {LayoutGoogleForms, nil},
		"googleforms/jupyter-surveys_responses.csv":                                                   {LayoutGoogleForms, nil},
		"limesurvey/accent-recognition-limesurvey_results.csv":                                        {LayoutLimeSurvey, map[string]int{keptIncomplete: 3}},
		"qualtrics/qualtRics_sample.csv":                                                              {LayoutQualtrics, nil},
		"qualtrics/qualtRics_sample_legacy.csv":                                                       {LayoutQualtrics, nil},
		"qualtrics/QualtricsTools_Sample_Survey (Insights).csv":                                       {LayoutQualtrics, map[string]int{keptSurveyTest: 5}},
		"qualtrics/QualtricsTools_Sample_Survey.csv":                                                  {LayoutQualtrics, map[string]int{keptSurveyTest: 5}},
		"surveymonkey/jupyter-surveys_text_fields.csv":                                                {LayoutSurveyMonkey, nil},
		"kobotoolbox/kobocat_tutorial_w_repeats.csv":                                                  {LayoutWide, nil},
	}
	for file, w := range want {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(fixturesDir, file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			s, err := OpenAnswers(file, f, readerRubric(t), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := drain(s); err != nil {
				t.Fatal(err)
			}
			if got := LayoutOf(s); got != w.layout {
				t.Errorf("layout %q, want %q", got, w.layout)
			}
			if kept := s.(*tableSource).kept; len(kept) != len(w.kept) || len(w.kept) > 0 && !equalCounts(kept, w.kept) {
				t.Errorf("kept %v, want %v", kept, w.kept)
			}
			if ex := s.(Excluder).Excluded(); len(ex) != 0 {
				t.Errorf("excluded %v", ex)
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func TestDetectLayout(t *testing.T) {
	for _, tc := range []struct {
		name, src, layout string
		firstLine         int // of the first respondent
		q01               string
	}{
		{"plain", "ID,q01\nr1,Agree\n", LayoutWide, 2, "Agree"},
		{"google forms", "Timestamp,q01\n2026/01/02,Agree\n", LayoutGoogleForms, 2, "Agree"},
		{"google forms in French", "Horodateur,q01\n2026/01/02,Agree\n", LayoutGoogleForms, 2, "Agree"},
		{"microsoft forms", "ID,Start time,Completion time,Email,Name,q01\n1,a,b,anonymous,anonymous,Agree\n", LayoutMicrosoftForms, 2, "Agree"},
		{"typeform", "#,q01,Network ID\ntok,Agree,x\n", LayoutTypeform, 2, "Agree"},
		{"limesurvey", "id,submitdate,lastpage,startlanguage,q01\n1,,2,en,Agree\n", LayoutLimeSurvey, 2, "Agree"},
		{"qualtrics, one header row", "ResponseId,Status,Finished,q01\nR_1,0,1,Agree\n", LayoutQualtrics, 2, "Agree"},
		{"long", "respondent,question,answer\nr1,q01,Agree\n", LayoutLong, 2, "Agree"},
		{"long, other names", "Response ID;Item;Value\nr1;q01;Agree\n", LayoutLong, 2, "Agree"},
		// A question's header beats the long layout's names.
		{"wide with a Value column", "ID,q01,value,question\nr1,Agree,x,y\n", LayoutWide, 2, "Agree"},
		// Title lines before the header are skipped.
		{"title lines", "Survey results\nExported 2026-03-02\n\nID,q01,Team\nr1,Agree,Ops\n", LayoutWide, 5, "Agree"},
		{"title line over a tool's header", "Responses\nTimestamp,Email Address,q01\n1/2/2026,a@b.c,Agree\n", LayoutGoogleForms, 3, "Agree"},
		{"one column", "q01\nAgree\nDisagree\n", LayoutWide, 2, "Agree"},
		{"one column, no match", "Score\n4\n", LayoutWide, 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resps, s, err := readAnswers(t, "a.csv", tc.src, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := LayoutOf(s); got != tc.layout {
				t.Errorf("layout %q, want %q", got, tc.layout)
			}
			if len(resps) == 0 || resps[0].Pos.Line != tc.firstLine || cellOf(t, resps[0], "q01") != tc.q01 {
				t.Fatalf("respondents %+v", resps)
			}
		})
	}
}

// --input-format names a layout; forcing one reads the file as that tool
// writes it, whatever the header looks like.
func TestForcedLayout(t *testing.T) {
	// A plain file forced to Qualtrics: Status 1 rows are previews.
	src := "Status,q01\n0,Agree\n1,Disagree\n8,Disagree\n"
	resps, s, err := readAnswers(t, "a.csv", src, ReadOptions{Format: "Qualtrics"})
	if err != nil {
		t.Fatal(err)
	}
	if LayoutOf(s) != LayoutQualtrics || len(resps) != 1 {
		t.Fatalf("layout %q, %d respondents", LayoutOf(s), len(resps))
	}
	if ex := s.(Excluder).Excluded(); ex[ExcludedPreview] != 1 || ex[ExcludedSpam] != 1 {
		t.Errorf("excluded %v", ex)
	}
	// Detected, it is a plain table and every row counts.
	if resps, _, _ := readAnswers(t, "a.csv", src, ReadOptions{}); len(resps) != 3 {
		t.Errorf("detected: %d respondents", len(resps))
	}
	// A SurveyMonkey export whose second row starts with text is still read
	// with two header rows when forced.
	resps, s, err = readAnswers(t, "a.csv", "Respondent ID,Which safeguards are in place?,\n,Human review,Escalation path\n7,Human review,\n", ReadOptions{Format: "survey-monkey"})
	if err != nil || LayoutOf(s) != LayoutSurveyMonkey || len(resps) != 1 || cellOf(t, resps[0], "safeguards") != "Human review" {
		t.Fatalf("surveymonkey: %v %+v", err, resps)
	}
	_, _, err = readAnswers(t, "a.csv", "ID,q01\nr1,Agree\n", ReadOptions{Format: "long"})
	if err == nil || !strings.HasPrefix(errorText(t, err), "a.csv:1:1: a long layout needs a respondent, a question and an answer column") {
		t.Errorf("forced long: %v", err)
	}
	_, _, err = readAnswers(t, "a.csv", "ID,q01\n", ReadOptions{Format: "spss"})
	if err == nil || !strings.Contains(errorText(t, err), `unknown answers format "spss": use one of google-forms, microsoft-forms,`) {
		t.Errorf("unknown format: %v", err)
	}
	// A layout forced on a .json name reads CSV.
	if resps, _, err := readAnswers(t, "a.json", "Timestamp,q01\nx,Agree\n", ReadOptions{Format: LayoutGoogleForms}); err != nil || len(resps) != 1 {
		t.Errorf("forced google-forms on a.json: %v %+v", err, resps)
	}
}

func TestQualtricsExclusions(t *testing.T) {
	src := "StartDate,Status,ResponseId,DistributionChannel,Q1\n" +
		"Start Date,Response Type,Response ID,Distribution Channel,Customer-first judgement\n" +
		`"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""distributionChannel""}","{""ImportId"":""QID1""}"` + "\n" +
		"x,IP Address,R_1,anonymous,4\n" +
		"x,Survey Preview,R_2,preview,1\n" +
		"x,IP Address,R_3,preview,1\n" + // previewed through the link
		"x,Spam,R_4,anonymous,1\n" +
		"x,Survey Test,R_5,test,3\n" +
		"x,IP Address,R_6,email,-99\n"
	resps, s, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range resps {
		ids = append(ids, r.ID+"="+cellOf(t, r, "q01"))
	}
	if got := strings.Join(ids, " "); got != "R_1=4 R_5=3 R_6=" {
		t.Errorf("read %s; -99 is missing in Qualtrics", got)
	}
	if ex := s.(Excluder).Excluded(); ex[ExcludedPreview] != 2 || ex[ExcludedSpam] != 1 || len(ex) != 2 {
		t.Errorf("excluded %v", ex)
	}
	if kept := s.(*tableSource).kept; kept[keptSurveyTest] != 1 {
		t.Errorf("kept %v", kept)
	}
}

// Header texts beyond the exact question text: a code prefix, a matrix
// statement after "Question - ", HTML and no-break spaces.
func TestDerivedHeaders(t *testing.T) {
	for _, tc := range []struct{ header, want string }{
		{"Q01. We judge each AI rollout first by its effect on customers.", "question q01 by id"}, // the code is its id
		{"[Q1] We judge each AI rollout first by its effect on customers.", "question q01 by text"},
		{"3) Staff can override an AI decision that affects a customer.", "question q02 by text"},
		{"How far do you agree? - Staff can override an AI decision that affects a customer.", "question q02 by text"},
		{"How far do you agree?-Staff can override an AI decision that affects a customer.", "question q02 by text"},
		{"How far do you agree? \u2013 <b>Staff</b> can override an AI decision that\u00a0affects a customer.", "question q02 by text"},
		{"G1Q3. What is the main goal of your AI programme?", "question goal by text"},
		{"Q4[SQ002]. Which safeguards are in place? [Escalation path]", "question safeguards[Escalation path] by option"},
		{"Which safeguards are in place? - Selected Choice", "question safeguards by text"},
		{"Q2 - Topics", "ignored by metadata"},
		{"Q9. Which team are you in?", `attribute "Q9. Which team are you in?" by header`},
		// A code that is a question's id comes after the option reading.
		{"safeguards: Human review", "question safeguards[Human review] by option"},
		{"AIQ1: whatever it said", "question q01 by alias"},
	} {
		t.Run(tc.header, func(t *testing.T) {
			cols, err := columnsOf(t, "ID,"+quoteCSV(tc.header), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(cols[1]); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	// LimeSurvey's "code. text" headings name an attribute by its code.
	src := "id,submitdate,lastpage,startlanguage,\"Team. Which team are you in?\",\"Q1. We judge each AI rollout first by its effect on customers.\"\n1,x,2,en,Ops,Agree\n"
	resps, _, err := readAnswers(t, "a.csv", src, ReadOptions{})
	if err != nil || resps[0].Attributes["Team"] != "Ops" || cellOf(t, resps[0], "q01") != "Agree" {
		t.Errorf("limesurvey code headings: %v %+v", err, resps)
	}
}

func FuzzLayout(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(layoutsDir, "*.csv"))
	more, _ := filepath.Glob(filepath.Join(fixturesDir, "qualtrics", "*.csv"))
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte("Title\n\nrespondent,question,answer\nr1,q01,4\nr2,q01,5\nr1,q02,3\n"), uint8(7))
	f.Add([]byte("V1,V2\nResponseID,x\n"), uint8(4))
	f.Add([]byte(",Response\n\n\n"), uint8(3))
	rb := layoutsRubricOnce(f)
	formats := append([]string{""}, Layouts...)
	opt := ReadOptions{Columns: map[string]string{"Q9": "attr:Team", "Tools_1": "safeguards:Human review"},
		Values: map[string]string{"-1": "skip", "6": "Not applicable"}, QValues: map[string]map[string]string{"goal": {"1": "Cut headcount and cost"}}}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		// Detection alone: the header found is within the rows looked at.
		rows, err := newCSVRows("fuzz.csv", bufio.NewReader(bytes.NewReader(data)))
		if err == nil {
			var head []*tableRow
			for len(head) < headerScanRows {
				r := &tableRow{}
				if rows.read(r) != nil {
					break
				}
				if !r.blank() {
					head = append(head, r)
				}
			}
			if len(head) > 0 {
				l, err := detectLayout(head, "", newColumnMatcher(rb, opt))
				if err == nil && (l.skipped < 0 || l.skipped+l.rows > len(head) || l.rows < 1 || l.rows > 3) {
					t.Fatalf("header rows %d+%d of %d", l.skipped, l.rows, len(head))
				}
			}
		}
		// Reading in a forced or detected layout: no panic, positioned errors.
		o := opt
		o.Format = formats[int(which)%len(formats)]
		s, err := OpenAnswers("fuzz.csv", bytes.NewReader(data), rb, o)
		if err == nil {
			for {
				var r *Respondent
				if r, err = s.Next(); err != nil {
					break
				}
				if len(r.Answers) != len(rb.Questions) || r.ID == "" || r.Pos.Line < 1 {
					t.Fatalf("bad respondent %+v", r)
				}
			}
			if err == io.EOF {
				return
			}
		}
		for _, e := range Errors(err) {
			pe, ok := e.(*Error)
			if !ok {
				t.Fatalf("error %v is a %T, not an *assess.Error", e, e)
			}
			if pe.Pos.Line < 1 || pe.Pos.Col < 1 || pe.Pos.File != "fuzz.csv" {
				t.Fatalf("error %q has no position", pe)
			}
		}
		if errors.Is(err, io.EOF) {
			t.Fatalf("io.EOF wrapped: %v", err)
		}
	})
}

func layoutsRubricOnce(f *testing.F) *Rubric { return layoutsRubric(f) }
