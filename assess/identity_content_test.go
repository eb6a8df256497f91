package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestIdentityTables: identity and bookkeeping headers in the forms and
// languages the tools export, and attributes that must stay attributes.
func TestIdentityTables(t *testing.T) {
	cases := map[identKind][]string{
		identMeta: {
			"Timestamp", "Marca temporal", "Horodateur", "Zeitstempel", "Carimbo de data/hora",
			"Informazioni cronologiche", "Tijdstempel", "Sygnatura czasowa", "Tidstämpel", "Tidsstempel",
			"Tidsmerke", "Aikaleima", "marca temporal", "MARCA TEMPORAL", "Startzeit", "Heure de début",
			"Hora de finalización", "Hora de finalizacion", "Submit Date (UTC)", "_submission_time",
		},
		identPersonal: {
			// names
			"Name", "Nombre", "Nom", "Vorname", "Nachname", "Prénom", "Prenom", "Apellido", "Apellidos",
			"Nome", "Cognome", "Naam", "Imię", "Förnamn", "Full name (optional)", "Your name",
			// e-mail
			"Email", "E-Mail-Adresse", "Correo electrónico", "Correo electronico", "Dirección de correo electrónico",
			"Adresse e-mail", "Endereço de e-mail", "Indirizzo email", "E-mailadres", "Sähköpostiosoite",
			"Email (optional)", "Your e-mail address",
			// phones
			"Phone", "Telefon", "Téléphone", "Teléfono", "Mobile", "Phone number", "Numéro de téléphone",
			// GPS and geopoints: KoboToolbox, ODK Central, hand-made
			"_gps_latitude", "_gps_longitude", "_gps_altitude", "_gps_precision", "_location_latitude",
			"gps_lat", "gps_long", "home_lat", "_lat", "_long", "_alt", "_precision", "location-Latitude",
			"location-Accuracy", "geopoint", "GPS", "Latitude", "LocationLongitude", "_geolocation",
			"group1/_gps_latitude",
			// panel ids
			"PROLIFIC_PID", "STUDY_ID", "SESSION_ID", "WorkerId", "workerId", "AssignmentId", "HITId",
			"prolific pid", "Prolific ID", "Employee ID",
			// network
			"IP", "IP Address", "IPAddress", "Dirección IP", "Adresse IP", "IP-Adresse",
			// postcodes, addresses
			"Postcode", "Zip", "ZIP code", "PLZ", "Postleitzahl", "Code postal", "Código postal", "CEP",
			"Address", "Street address", "Adresse", "Dirección",
			// other
			"Date of birth", "Geburtsdatum",
		},
		identID: {"ID", "Respondent ID", "ResponseId", "_uuid", "participant_id", "Participant ID", "#", "Id."},
		identNone: {
			"Team", "Role", "Department", "Region", "Country", "City", "Location", "Age", "Age group", "Gender",
			"Tenure", "Seniority", "Business unit", "Office", "Site", "Language", "Grade", "Level", "Function",
			"Equipo", "Rol", "Departamento", "Abteilung", "Pays", "Land", "Manager", "Score",
			"How long have you worked here?", "Your team", "Company size", "Long term plans",
			"precision", "altitude_sickness", "Team lat", "Nombre de salariés",
		},
	}
	for want, headers := range cases {
		for _, h := range headers {
			if got, what := identityOf(h, LayoutWide); got != want {
				t.Errorf("%q: kind %d (%s), want %d", h, got, what, want)
			} else if want != identNone && what == "" {
				t.Errorf("%q: no words for what it holds", h)
			}
		}
	}
	// Every group's headers are its own: none is taken by an earlier group.
	seen := map[string]string{}
	for _, g := range identityGroups {
		for _, n := range g.names {
			k := identKey(n)
			if k == "" {
				t.Errorf("%q squashes to nothing", n)
			}
			if prev, dup := seen[k]; dup && prev != g.what {
				t.Errorf("%q is in %q and %q", n, prev, g.what)
			}
			seen[k] = g.what
		}
	}
}

func TestPersonalValue(t *testing.T) {
	cases := map[string]string{
		"jane.doe@example.com": holdsEmail, " J.Doe+survey@mail.example.co.uk ": holdsEmail,
		"Jane Doe <jane@example.org>": holdsEmail, "mailto:x@y.de": holdsEmail,
		"+44 20 7946 0958": holdsPhone, "(555) 123-4567": holdsPhone, "555-123-4567": holdsPhone,
		"06 12 34 56 78": holdsPhone, "0612345678": holdsPhone, "+33612345678": holdsPhone, "5551234567": "", "0000401000": "", "4000123456": "",
		"203.0.113.7": holdsIP, "2001:db8::1": holdsIP, "fe80::1ff:fe23:4567:890a": holdsIP,
		"59.9139, 10.7522": holdsCoords, "-33.8688 151.2093 12 5": holdsCoords, "59.913900;10.752200": holdsCoords,
		// not personal
		"": "", "Ops": "", "Lending Operations": "", "@twitter": "", "a@b": "", "user@localhost": "",
		"2024-01-15": "", "15.01.2024": "", "10000-49999": "", "1 000 000": "", "1.000.000": "", "1000000": "",
		"12345": "", "10:30:00": "", "1.5, 2.3": "", "Team 7": "", "4": "", "Strongly agree": "",
		"2024-01-15 10:30:00": "", "v1.2.3": "", "100-500 employees": "", "Q3 2024": "",
	}
	for v, want := range cases {
		if got := personalValue(v); got != want {
			t.Errorf("personalValue(%q) = %q, want %q", v, got, want)
		}
	}
}

// contactCSV writes n rows: an id, a team, an unlabelled column of
// e-mail addresses ("Contact") and two questions; odd changes a row.
func contactCSV(n int, odd func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString("Respondent ID,Team,Contact,Reach,Customer-first judgement,AIQ2\n")
	for i := 1; i <= n; i++ {
		if o := odd(i); o != "" {
			b.WriteString(o)
			continue
		}
		contact := ""
		if i%4 != 0 {
			contact = fmt.Sprintf("person%d@secret-mail.example", i)
		}
		reach := "ops"
		if i == 3 {
			reach = "ops-lead@secret-mail.example" // one in the sample: not a majority
		}
		fmt.Fprintf(&b, "R%d,T%d,%s,%s,%s,%d\n", i, i%7, contact, reach, []string{"Agree", "Disagree", "Strongly agree"}[i%3], 1+i%5)
	}
	return b.Bytes()
}

func columnKinds(t *testing.T, src Source) map[string]Column {
	t.Helper()
	out := map[string]Column{}
	for _, c := range src.Columns() {
		out[c.Header] = c
	}
	return out
}

// TestPersonalColumnByContent: a column of e-mail addresses under a
// header that says nothing is dropped; a column with one address among
// ordinary values stays an attribute, but that address is never a segment
// value; rows read ahead are scored once, the fast way and the plain way.
func TestPersonalColumnByContent(t *testing.T) {
	rb := readerRubric(t)
	late := func(i int) string {
		switch i {
		case 500:
			return "R500,someone@secret-mail.example,x@secret-mail.example,ops,Agree,3\n"
		case 9000:
			return "R9000,+44 20 7946 0958,,ops,Agree,3\n"
		}
		return ""
	}
	data := contactCSV(20000, late)
	src, err := OpenAnswers("contact.csv", bytes.NewReader(data), rb, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cols := columnKinds(t, src)
	if c := cols["Contact"]; c.Kind != ColumnIdentity || c.How != "content" || !strings.Contains(c.Why, "e-mail") {
		t.Errorf("Contact: %+v", c)
	}
	for _, h := range []string{"Team", "Reach"} {
		if c := cols[h]; c.Kind != ColumnAttribute {
			t.Errorf("%s: %+v", h, c)
		}
	}
	ts := src.(*tableSource)
	if len(ts.pending) != contentSampleRows {
		t.Errorf("%d rows read ahead, want %d", len(ts.pending), contentSampleRows)
	}
	for _, segs := range [][]string{nil, {"Team"}, {"Reach", "Team"}} {
		plain, fast := scoreBoth(t, "contact.csv", data, rb, Options{Segments: segs}, ReadOptions{})
		if plain != fast {
			t.Fatalf("%q: fast path differs\nplain: %.500s\nfast:  %.500s", segs, plain, fast)
		}
		if strings.Contains(fast, "secret-mail") || strings.Contains(fast, "7946") {
			t.Errorf("%q: a personal value in the result: %.2000s", segs, fast)
		}
		if !strings.Contains(fast, `"respondents":20000`) {
			t.Errorf("%q: not 20000 respondents: %.300s", segs, fast)
		}
	}
	s := NewScorer(rb, Options{Segments: []string{"Team", "Reach"}, MinGroupSize: 1})
	src, _ = OpenAnswers("contact.csv", bytes.NewReader(data), rb, ReadOptions{})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	res, err := s.Result()
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(res.DataQuality.PersonalValues); got != "[Reach Team]" {
		t.Errorf("PersonalValues %s, want [Reach Team]", got)
	}
	var ns int
	for _, sg := range res.Segments {
		if sg.Attribute == "Team" && sg.Value == NotStated && sg.N != nil {
			ns = *sg.N
		}
	}
	if ns != 2 {
		t.Errorf("Team (not stated): %d respondents, want 2 (the e-mail address and the phone number)", ns)
	}

	// A short file: every row is read ahead, and the end comes once.
	short := contactCSV(5, func(int) string { return "" })
	plain, fast := scoreBoth(t, "short.csv", short, rb, Options{Segments: []string{"Team"}, MinGroupSize: 1}, ReadOptions{})
	if plain != fast || !strings.Contains(fast, `"respondents":5`) {
		t.Errorf("short file:\nplain: %.300s\nfast:  %.300s", plain, fast)
	}

	// A read error in the rows read ahead comes in its turn, the same
	// both ways, after the rows before it.
	bad := contactCSV(300, func(i int) string {
		if i == 50 {
			return "R50,T1,\"unclosed,ops,Agree,3\n"
		}
		return ""
	})
	plain, fast = scoreBoth(t, "bad.csv", bad, rb, Options{Segments: []string{"Team"}}, ReadOptions{})
	if plain != fast || !strings.Contains(fast, "bad.csv:51:") {
		t.Errorf("read error:\nplain: %.300s\nfast:  %.300s", plain, fast)
	}
	src, err = OpenAnswers("bad.csv", bytes.NewReader(bad), rb, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		_, err := src.Next()
		if err == io.EOF {
			t.Fatal("no error")
		}
		if err != nil {
			break
		}
		n++
	}
	if n != 49 {
		t.Errorf("%d respondents before the error, want 49", n)
	}
}

// TestSegmentRefused: a segment on a column dropped as personal data or
// bookkeeping, or whose values are nearly all different, is an error
// that says why, and names no value.
func TestSegmentRefused(t *testing.T) {
	rb := readerRubric(t)
	var b strings.Builder
	b.WriteString("PROLIFIC_PID,STUDY_ID,SESSION_ID,Marca temporal,_gps_latitude,Contact,Code,Team,AIQ2\n")
	for i := 1; i <= 12; i++ {
		code := fmt.Sprintf("C%03d", i)
		if i > 6 {
			code = "shared"
		}
		fmt.Fprintf(&b, "5f%022d,study1,sess%d,2024/01/0%d 10:00:00,59.91%d,p%d@x.example,%s,T%d,%d\n", i, i, i%9+1, i, i, code, i%2, 1+i%5)
	}
	cases := map[string]string{
		"PROLIFIC_PID":   `segment "PROLIFIC_PID": the column "PROLIFIC_PID" holds panel ids, which aiready never reads or shows`,
		"prolific pid":   `segment "prolific pid": the column "PROLIFIC_PID" holds panel ids`,
		"STUDY_ID":       `the column "STUDY_ID" holds panel ids`,
		"Marca temporal": `the column "Marca temporal" holds time stamps`,
		"_gps_latitude":  `the column "_gps_latitude" holds GPS coordinates`,
		"Contact":        `the column "Contact" holds e-mail addresses`,
	}
	for seg, want := range cases {
		s := NewScorer(rb, Options{Segments: []string{seg}})
		src, err := OpenAnswers("panel.csv", strings.NewReader(b.String()), rb, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		err = s.AddSource(src)
		if err == nil {
			_, err = s.Result()
		}
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "--segment: ") {
			t.Errorf("--segment %s: %v, want %q", seg, err, want)
		}
	}
	// Code: 6 of 12 in groups of one is not more than half; with one
	// more respondent of a code of their own it is.
	for _, tc := range []struct {
		extra string
		ok    bool
	}{{"", true}, {"5f9,s,s,x,1,,C999,T1,3\n", false}} {
		s := NewScorer(rb, Options{Segments: []string{"Code"}})
		src, err := OpenAnswers("panel.csv", strings.NewReader(b.String()+tc.extra), rb, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddSource(src); err != nil {
			t.Fatal(err)
		}
		_, err = s.Result()
		if (err == nil) != tc.ok {
			t.Errorf("Code with %q: %v", tc.extra, err)
		}
		if err != nil && (!strings.Contains(err.Error(), "looks like an identifier") || strings.Contains(err.Error(), "C0")) {
			t.Errorf("Code: %v", err)
		}
	}
	// Nine respondents, each in a group of their own, are too few to
	// tell an identifier: they are shown suppressed, as small groups are.
	var few strings.Builder
	few.WriteString("Code,AIQ2\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&few, "K%d,3\n", i)
	}
	s := NewScorer(rb, Options{Segments: []string{"Code"}})
	src, _ := OpenAnswers("few.csv", strings.NewReader(few.String()), rb, ReadOptions{})
	if err := s.AddSource(src); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Result(); err != nil {
		t.Errorf("9 respondents: %v", err)
	}
}

// TestNativeIdentityAttributes: native attributes that name personal data
// are dropped, and so are values that look like it; a segment on one is
// refused.
func TestNativeIdentityAttributes(t *testing.T) {
	rb := readerRubric(t)
	var resp []map[string]any
	for i := 1; i <= 12; i++ {
		team := fmt.Sprintf("T%d", i%2)
		if i == 5 {
			team = "boss@secret.example"
		}
		resp = append(resp, map[string]any{"id": fmt.Sprint(i), "attributes": map[string]any{
			"Email": fmt.Sprintf("p%d@secret.example", i), "Name": fmt.Sprintf("Secretname%d", i),
			"IP": "203.0.113.9", "Team": team, "Status": "Full-time"}, "answers": map[string]any{"q02": 1 + i%5}})
	}
	js, _ := json.Marshal(map[string]any{"respondents": resp})
	var tm strings.Builder
	for _, r := range resp {
		a := r["attributes"].(map[string]any)
		fmt.Fprintf(&tm, "[[respondent]]\nid = %q\n[respondent.attributes]\nEmail = %q\nName = %q\nTeam = %q\n[respondent.answers]\nq02 = %d\n",
			r["id"], a["Email"], a["Name"], a["Team"], r["answers"].(map[string]any)["q02"])
	}
	for name, data := range map[string]string{"a.json": string(js), "a.toml": tm.String()} {
		src, err := OpenAnswers(name, strings.NewReader(data), rb, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for {
			r, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Attributes["Status"] != "Full-time" && strings.HasSuffix(name, ".json") {
				t.Errorf("%s: the attribute Status is dropped: %v", name, r.Attributes)
			}
			for k, v := range r.Attributes {
				if k != "Team" && k != "Status" || strings.Contains(v, "@") {
					t.Errorf("%s: attribute %s = %q kept", name, k, v)
				}
			}
		}
		for _, seg := range []string{"Email", "name"} {
			s := NewScorer(rb, Options{Segments: []string{seg}})
			src, _ := OpenAnswers(name, strings.NewReader(data), rb, ReadOptions{})
			err := s.AddSource(src)
			if err == nil || !strings.Contains(err.Error(), "never reads or shows") || strings.Contains(err.Error(), "secret") {
				t.Errorf("%s --segment %s: %v", name, seg, err)
			}
		}
		s := NewScorer(rb, Options{Segments: []string{"Team"}, MinGroupSize: 1})
		src, _ = OpenAnswers(name, strings.NewReader(data), rb, ReadOptions{})
		if err := s.AddSource(src); err != nil {
			t.Fatal(err)
		}
		res, err := s.Result()
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(res)
		if bytes.Contains(out, []byte("secret")) || fmt.Sprint(res.DataQuality.PersonalValues) != "[Team]" {
			t.Errorf("%s: %v %.500s", name, res.DataQuality.PersonalValues, out)
		}
	}
}
