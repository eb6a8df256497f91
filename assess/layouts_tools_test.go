package assess

import (
	"fmt"
	"strconv"
	"strings"
)

// qualtricsFixture is the current Qualtrics CSV with choice text: export
// tags, question texts and ImportIds; a matrix as Q1_1..Q1_4; a multi
// answer in one cell joined with ","; Team as embedded data; a survey
// preview and a spam response, which must be left out.
func qualtricsFixture() []byte {
	meta := []string{"StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
		"RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"}
	names := []string{"Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
		"Recipient Last Name", "Recipient First Name", "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel", "User Language"}
	ids := []string{"startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate", "_recordId",
		"recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"}
	r1 := append(meta, "Q1_1", "Q1_2", "Q1_3", "Q1_4", "Q2", "Q3", "Q4", "Team")
	r2 := names
	for _, s := range fxStatements {
		r2 = append(r2, fxPrompt+" - "+s)
	}
	r2 = append(r2, fxGoal, fxTools+" - Selected Choice", fxComment, "Team")
	ids = append(ids, "QID1_1", "QID1_2", "QID1_3", "QID1_4", "QID2", "QID3", "QID4_TEXT", "Team")
	var r3 []string
	for _, id := range ids {
		r3 = append(r3, `{"ImportId":"`+id+`"}`)
	}
	rows := [][]string{r1, r2, r3}
	row := func(p layoutPerson, status, channel string) []string {
		n := p.n()
		progress, finished := "100", "True"
		if p.goal == "" && p.agree[0] == "" {
			progress, finished = "10", "False"
		}
		r := []string{fmt.Sprintf("2026-03-02 09:%02d:10", n), fmt.Sprintf("2026-03-02 09:%02d:55", n+3), status, fmt.Sprintf("192.0.2.%d", n), progress,
			strconv.Itoa(160 + n), finished, fmt.Sprintf("2026-03-02 09:%02d:55", n+3), "R_2YPOQ602ER1jk" + p.id, "", "", "", "", "47.1151", "7.2316", channel, "EN"}
		r = append(r, p.agree[:]...)
		return append(r, p.goal, strings.Join(p.tools, ","), p.comment, p.team)
	}
	for _, p := range layoutPeople {
		rows = append(rows, row(p, "IP Address", "anonymous"))
		switch p.id {
		case "R04": // the consultant tried the survey out
			rows = append(rows, row(layoutPerson{id: "R90", team: "Ops", agree: [4]string{"Strongly disagree", "Strongly disagree", "Strongly disagree", "Strongly disagree"}, goal: fxGoals[0]}, "Survey Preview", "preview"))
		case "R09":
			rows = append(rows, row(layoutPerson{id: "R91", team: "HR", agree: [4]string{"Strongly agree", "Strongly agree", "Strongly agree", "Strongly agree"}, goal: fxGoals[0]}, "Spam", "anonymous"))
		}
	}
	return table(rows, ",", false, "\n", "\n")
}

// qualtricsLegacyFixture is the legacy Qualtrics export with numeric
// codes: BOM, V1..V10 over names, "Question-Statement" texts, a trailing
// comma on every line; a multi question as one column per choice holding
// 1; -99 for "seen but unanswered"; a survey preview as Status 1.
// qualtrics-legacy.map.toml recodes its goal and "Not applicable" codes.
func qualtricsLegacyFixture() []byte {
	r1 := []string{"V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "Q1_1", "Q1_2", "Q1_3", "Q1_4", "Q2", "Q3_1", "Q3_2", "Q3_3", "Q3_4", "Q4", "Team",
		"LocationLatitude", "LocationLongitude", "LocationAccuracy", ""}
	r2 := []string{"ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status", "StartDate", "EndDate", "Finished"}
	for _, s := range fxStatements {
		r2 = append(r2, fxPrompt+"-"+s)
	}
	r2 = append(r2, fxGoal)
	for _, o := range fxToolOpts {
		r2 = append(r2, fxTools+"-"+o)
	}
	r2 = append(r2, fxComment, "Team", "LocationLatitude", "LocationLongitude", "LocationAccuracy", "")
	rows := [][]string{r1, r2}
	row := func(p layoutPerson, status string) []string {
		n := p.n()
		finished := "1"
		if p.goal == "" && p.agree[0] == "" {
			finished = "0"
		}
		r := []string{"R_2YPOQ602ER1jk" + p.id, "Default Response Set", "Anonymous", "", "", fmt.Sprintf("192.0.2.%d", n), status,
			fmt.Sprintf("2026-03-02 09:%02d:10", n), fmt.Sprintf("2026-03-02 09:%02d:55", n+3), finished}
		for i, a := range p.agree {
			c := agreeCode(a)
			if p.id == "R07" && i == 1 {
				c = "-99" // seen but not answered
			}
			r = append(r, c)
		}
		r = append(r, goalCode(p.goal))
		for _, o := range fxToolOpts {
			r = append(r, map[bool]string{true: "1"}[p.has(o)])
		}
		return append(r, p.comment, p.team, "47.1151", "7.2316", "-1", "")
	}
	for _, p := range layoutPeople {
		rows = append(rows, row(p, "0"))
		if p.id == "R02" {
			rows = append(rows, row(layoutPerson{id: "R90", team: "Ops", goal: fxGoals[0]}, "1"))
		}
	}
	return append([]byte("\xEF\xBB\xBF"), table(rows, ",", false, "\n", "\n")...)
}

// typeformFixture: "#" first; question texts with Typeform's HTML and a
// no-break space; a multi question as one column per option headed by
// the option's text; a hidden field "team"; the bookkeeping columns last.
func typeformFixture() []byte {
	head := []string{"#", fxStatements[0], "<strong>Staff</strong> can override an AI decision that affects a customer.",
		strings.Replace(fxStatements[2], " changes", "\u00a0changes", 1), fxStatements[3], fxGoal}
	head = append(append(head, fxToolOpts...), fxComment, "team", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags")
	rows := [][]string{head}
	for _, p := range layoutPeople {
		n := p.n()
		r := append([]string{fmt.Sprintf("k3x9v0q2mzv5%02dab", n)}, p.agree[:]...)
		r = append(r, p.goal)
		for _, o := range fxToolOpts {
			r = append(r, map[bool]string{true: o}[p.has(o)])
		}
		kind, submit := "completed", fmt.Sprintf("2026-03-02 09:%02d:55", n+3)
		if p.goal == "" && p.agree[0] == "" {
			kind, submit = "partial", ""
		}
		rows = append(rows, append(r, p.comment, p.team, kind, fmt.Sprintf("2026-03-02 09:%02d:10", n), "null", submit, fmt.Sprintf("a1b2c3d4e%d", n), ""))
	}
	return table(rows, ",", false, "\n", "\n")
}

// limeSurveyFixtures: as LimeSurvey writes by default (BOM, ";", every
// field quoted, CRLF and one more line end at the end) with full headings
// and full answers; and with "," and no BOM, "code. text" headings and
// answer codes (limesurvey-comma.map.toml recodes them). Multi options are
// "Question [Option]" columns holding Yes or Y. R12 never submitted.
func limeSurveyFixtures() (semicolon, comma []byte) {
	head := []string{"Response ID", "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action"}
	for _, s := range fxStatements {
		head = append(head, fxPrompt+" ["+s+"]")
	}
	head = append(head, fxGoal)
	for _, o := range fxToolOpts {
		head = append(head, fxTools+" ["+o+"]")
	}
	head = append(head, fxComment, "Team")
	codes := []string{"id", "submitdate", "lastpage", "startlanguage", "seed"}
	for i, s := range fxStatements {
		codes = append(codes, fmt.Sprintf("Q1[SQ%03d]. %s [%s]", i+1, fxPrompt, s))
	}
	codes = append(codes, "Q2. "+fxGoal)
	for i, o := range fxToolOpts {
		codes = append(codes, fmt.Sprintf("Q3[SQ%03d]. %s [%s]", i+1, fxTools, o))
	}
	codes = append(codes, "Q4. "+fxComment, "Team. Which team are you in?")
	full, coded := [][]string{head}, [][]string{codes}
	for _, p := range layoutPeople {
		n := p.n()
		submitted, page := fmt.Sprintf("2026-03-02 09:%02d:55", n+3), "3"
		if p.goal == "" && p.agree[0] == "" {
			submitted, page = "", "1"
		}
		started := fmt.Sprintf("2026-03-02 09:%02d:10", n)
		f := append([]string{strconv.Itoa(n), submitted, page, "en", strconv.Itoa(1000 + 37*n), started, submitted}, p.agree[:]...)
		c := []string{strconv.Itoa(n), submitted, page, "en", strconv.Itoa(1000 + 37*n)}
		for _, a := range p.agree {
			if code := agreeCode(a); code != "" {
				c = append(c, "A"+code)
			} else {
				c = append(c, "")
			}
		}
		f = append(f, p.goal)
		if g := goalCode(p.goal); g != "" {
			c = append(c, "A"+g)
		} else {
			c = append(c, "")
		}
		for _, o := range fxToolOpts {
			f = append(f, map[bool]string{true: "Yes"}[p.has(o)])
			c = append(c, map[bool]string{true: "Y"}[p.has(o)])
		}
		full = append(full, append(f, p.comment, p.team))
		coded = append(coded, append(c, p.comment, p.team))
	}
	semicolon = append([]byte("\xEF\xBB\xBF"), table(full, ";", true, "\r\n", "\r\n\r\n")...)
	comma = table(coded, ",", true, "\n", "\n\n")
	return semicolon, comma
}

// longFixture: one row per answer, a respondent's rows together; unanswered
// questions have no row; a multi question one row per chosen option; the
// team and an e-mail address as rows too.
func longFixture() []byte {
	rows := [][]string{{"respondent_id", "question", "answer"}}
	for _, p := range layoutPeople {
		add := func(q, a string) {
			if a != "" {
				rows = append(rows, []string{p.id, q, a})
			}
		}
		add("Team", p.team)
		if p.n()%3 == 0 {
			add("Email", fmt.Sprintf("p%d@example.com", p.n()))
		}
		for i, a := range p.agree {
			add(fmt.Sprintf("q%02d", i+1), a)
		}
		add("goal", p.goal)
		for _, o := range p.tools {
			add("safeguards", o)
		}
		add("comment", p.comment)
	}
	return table(rows, ",", false, "\n", "\n")
}
