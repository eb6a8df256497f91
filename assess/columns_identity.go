package assess

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Identity and metadata columns, as the survey tools name them. They are
// never carried into a Respondent; a respondent-id column only gives
// Respondent.ID, which is used in messages and never reaches an output.
// Keys are squashed (identKey): headerKey, accents dropped, then only
// letters and digits kept, so "IP Address", "IPAddress" and "ip_address"
// are one entry, and so are "Correo electrónico" and "correo electronico".
// A header is also tried without a closing remark in brackets ("Email
// (optional)") and without a leading "Your" ("Your e-mail").
//
// Columns that no header names are also caught by their cells: see
// identity_content.go.
type identKind uint8

const (
	identNone identKind = iota
	identID
	identPersonal
	identMeta
)

// identGroup is one kind of column: what it holds, in words for messages,
// and the headers that the tools (and people) give it, in any language.
type identGroup struct {
	kind  identKind
	what  string
	names []string
}

// identityGroups lists identity columns by what they hold. Headers are
// written as the tools write them; they are squashed when the table is
// built. Keep attributes out: "Role", "Team", "Department", "Region",
// "Country", "City", "Age", "Location" stay attributes (TestIdentityTables).
var identityGroups = []identGroup{
	// Respondent ids. Microsoft Forms "ID" ("Id."), Typeform "#",
	// LimeSurvey "id", "token" ("Response ID", "ID de respuesta", "Antwort
	// ID", "ID de la réponse", "Zugangsschlüssel"), SurveyMonkey
	// "Respondent ID" ("ID del encuestado", "ID du répondant",
	// "Befragten-ID"), Qualtrics "ResponseID"/"ResponseId", KoboToolbox
	// "_uuid", "meta/instanceID"; hand-made sheets "Respondent",
	// "Participant".
	{identID, "respondent ids", []string{
		"ID", "Id.", "Respondent ID", "ResponseID", "Response ID", "UUID", "instanceID", "token",
		"Record ID", "Submission ID", "Response token", "Respondent", "Participant", "Participant ID",
		"ID de respuesta", "ID del encuestado", "ID de la réponse", "ID du répondant", "ID de réponse",
		"Antwort ID", "Antwort-ID", "Befragten-ID", "Zugangsschlüssel", "ID da resposta", "ID risposta",
		"Respondent UUID"}},

	// Names: English tools ("Name", "First Name", "Recipient Last Name"),
	// Microsoft Forms in other languages ("Nom", "Nombre", "Nome", "Naam",
	// "Navn", "Namn", "Nimi"), Google Forms and hand-made sheets ("Vorname",
	// "Nachname", "Prénom", "Apellido(s)", "Cognome", "Sobrenome",
	// "Voornaam", "Achternaam", "Imię", "Nazwisko", "Förnamn", "Efternamn",
	// "Fornavn", "Etunimi", "Sukunimi", "Имя", "Фамилия"), SurveyMonkey
	// "First Name"/"Last Name" localised, Qualtrics "RecipientFirstName".
	{identPersonal, "names", []string{
		"Name", "Full Name", "First Name", "Last Name", "Surname", "Given name", "Family name",
		"Middle name", "User Name", "Username", "Login", "Recipient First Name", "Recipient Last Name",
		"Recipient Name", "Respondent name", "Participant name", "Employee name", "Submitted by",
		"Nombre", "Nombre completo", "Nombre y apellido", "Nombre y apellidos", "Nombres", "Apellido",
		"Apellidos", "Primer apellido", "Segundo apellido",
		"Nom", "Prénom", "Nom complet", "Nom de famille", "Prénom et nom", "Nom et prénom",
		"Vorname", "Nachname", "Familienname", "Vollständiger Name", "Name, Vorname", "Vor- und Nachname",
		"Nome", "Nome completo", "Sobrenome", "Apelido", "Cognome", "Nome e cognome",
		"Naam", "Voornaam", "Achternaam", "Volledige naam",
		"Imię", "Nazwisko", "Imię i nazwisko",
		"Namn", "Förnamn", "Efternamn", "Navn", "Fornavn", "Efternavn", "Fulde navn", "Fullt navn",
		"Nimi", "Etunimi", "Sukunimi", "Jméno", "Příjmení", "Adı Soyadı", "Ad Soyad",
		"Имя", "Фамилия", "ФИО", "氏名", "名前", "姓名"}},

	// E-mail addresses: Google Forms "Email Address" in its languages
	// ("Dirección de correo electrónico", "Adresse e-mail",
	// "E-Mail-Adresse", "Endereço de e-mail", "Indirizzo email",
	// "E-mailadres", "Adres e-mail", "E-postadress", "Sähköpostiosoite"),
	// Microsoft Forms "Email" ("Adresse de messagerie", "Correo
	// electrónico", "Posta elettronica"), Qualtrics "RecipientEmail".
	{identPersonal, "e-mail addresses", []string{
		"Email", "E-mail", "Email Address", "E-mail address", "Mail", "Recipient Email", "Contact email",
		"Work email", "Business email", "Email ID", "Respondent email",
		"Correo", "Correo electrónico", "Dirección de correo", "Dirección de correo electrónico", "Email de contacto",
		"Courriel", "Adresse courriel", "Adresse e-mail", "Adresse email", "Adresse mail", "Adresse de messagerie",
		"E-Mail-Adresse", "Mailadresse", "E-Mailadresse",
		"Endereço de e-mail", "Endereço de email", "Endereço eletrónico", "Endereço eletrônico",
		"Indirizzo email", "Indirizzo e-mail", "Indirizzo di posta elettronica", "Posta elettronica",
		"E-mailadres", "Adres e-mail", "Adres email", "E-postadress", "E-post", "E-postadresse",
		"Sähköposti", "Sähköpostiosoite", "E-mailová adresa", "E-posta", "E-posta adresi",
		"Адрес электронной почты", "Электронная почта", "メールアドレス", "电子邮件", "邮箱"}},

	// Phone numbers: hand-made forms in every language, SurveyMonkey
	// contact-information questions, KoboToolbox "phonenumber",
	// "subscriberid", "simserial" (device metadata).
	{identPersonal, "phone numbers", []string{
		"Phone", "Phone number", "Telephone", "Telephone number", "Tel", "Tel.", "Tel no", "Mobile",
		"Mobile phone", "Mobile number", "Mobile no", "Cell phone", "Cell number", "Cellphone number",
		"Contact number", "Contact phone", "WhatsApp", "Subscriber ID", "SIM serial",
		"Telefon", "Telefonnummer", "Handy", "Handynummer", "Mobilnummer", "Mobiltelefon",
		"Téléphone", "Numéro de téléphone", "Portable", "Téléphone portable",
		"Teléfono", "Número de teléfono", "Celular", "Móvil", "Número de celular", "Teléfono móvil",
		"Telefone", "Telemóvel", "Número de telefone", "Telefono", "Numero di telefono", "Cellulare",
		"Telefoon", "Telefoonnummer", "Mobiel nummer", "Numer telefonu", "Puhelin", "Puhelinnumero",
		"Телефон", "電話番号"}},

	// Network and device details: Qualtrics "IPAddress", SurveyMonkey "IP
	// Address" ("Dirección IP", "Adresse IP", "IP-Adresse"), LimeSurvey
	// "ipaddr", "refurl", Typeform "Network ID", KoboToolbox "deviceid".
	{identPersonal, "IP addresses and device details", []string{
		"IP", "IP Address", "IPAddress", "ipaddr", "IPv4", "IPv6", "Client IP", "Remote address", "Remote addr",
		"Dirección IP", "Adresse IP", "IP-Adresse", "Endereço IP", "Indirizzo IP", "IP-adres", "Adres IP",
		"IP-osoite", "Network ID", "User agent", "Browser", "Device ID", "Ref URL", "Referer", "Referrer",
		"Referrer URL", "Referrer-URL", "URL de referencia", "URL référente"}},

	// Places: Qualtrics "LocationLatitude", "LocationLongitude",
	// "LocationAccuracy"; KoboToolbox/ODK geopoints (the suffixes
	// "_latitude", "_longitude", "_altitude", "_precision", "-Accuracy" are
	// caught in geoSuffix); hand-made forms.
	{identPersonal, "GPS coordinates", []string{
		"Location Latitude", "Location Longitude", "Location Accuracy", "Latitude", "Longitude",
		"Altitude", "Lat", "Lng", "Lon", "Long", "Lat/Long", "Lat Long", "Lat Lng", "GPS", "GPS Latitude",
		"GPS Longitude", "GPS Altitude", "GPS Precision", "GPS coordinates", "Geolocation", "Geopoint",
		"Geo point", "Geotrace", "Geoshape", "Coordinates", "Coords",
		"Latitud", "Longitud", "Coordenadas", "Breitengrad", "Längengrad", "Koordinaten",
		"Coordonnées GPS", "Coordinate", "Coördinaten", "Współrzędne"}},

	// Postcodes and addresses: hand-made forms and SurveyMonkey
	// contact-information questions, in their languages.
	{identPersonal, "postcodes and addresses", []string{
		"Postcode", "Post code", "Postal code", "Zip", "ZIP code", "Zipcode", "ZIP/Postal code", "Eircode",
		"PLZ", "Postleitzahl", "Code postal", "Código postal", "CEP", "Codice postale", "CAP",
		"Postnummer", "Postinumero", "Kod pocztowy", "Почтовый индекс", "郵便番号",
		"Address", "Street address", "Home address", "Postal address", "Mailing address", "Address line 1",
		"Address line 2", "Street", "House number", "Adresse", "Anschrift", "Straße", "Hausnummer",
		"Adresse postale", "Dirección", "Dirección postal", "Domicilio", "Calle", "Endereço", "Morada",
		"Indirizzo", "Adres", "Ulica", "Gatuadress", "Osoite"}},

	// Other personal data: dates of birth and national numbers.
	{identPersonal, "dates of birth and personal numbers", []string{
		"Date of birth", "Birth date", "Birthdate", "DOB", "Birthday", "Fecha de nacimiento",
		"Geburtsdatum", "Date de naissance", "Data de nascimento", "Data di nascita", "Geboortedatum",
		"Data urodzenia", "Födelsedatum", "Fødselsdato", "Syntymäaika",
		"SSN", "Social security number", "National ID", "National insurance number", "NI number",
		"Passport number", "Personnummer", "Fødselsnummer", "CPR", "DNI", "NIE", "NIF", "CPF", "PESEL",
		"BSN", "Codice fiscale", "Sozialversicherungsnummer", "Steuer-ID"}},

	// Panel and crowd-work ids: Prolific adds "PROLIFIC_PID", "STUDY_ID",
	// "SESSION_ID" to the survey link (and its export has "Participant
	// id", "Submission id"); Amazon Mechanical Turk "WorkerId",
	// "AssignmentId", "HITId"; CloudResearch "aid"; Lucid/Cint "RID",
	// "PSID"; SONA "sona_id"; Qualtrics panels "ExternalDataReference",
	// "Collector ID" and SurveyMonkey "Custom Data"; HR exports' employee
	// numbers.
	{identPersonal, "panel ids", []string{
		"PROLIFIC_PID", "PROLIFIC_ID", "Prolific ID", "STUDY_ID", "SESSION_ID", "Prolific study id",
		"Prolific session id", "WorkerId", "Worker ID", "AssignmentId", "Assignment ID", "HITId", "HIT ID",
		"HITTypeId", "MTurk ID", "MTurk worker ID", "Turk ID", "aid", "RID", "PSID", "PID", "GID", "RISN",
		"sona_id", "Panel ID", "Panelist ID", "Member ID", "User ID", "Subject ID", "Subject number",
		"Participant number", "Employee ID", "Employee number", "Staff ID", "Personnel number",
		"Personalnummer", "Mitarbeiternummer", "Matricule", "Número de empleado",
		"External Data Reference", "External Reference", "Collector ID", "Custom Data", "Custom Data 1",
		"ID del recopilador", "ID du collecteur", "Kollektor-ID", "Datos personalizados",
		"Datos personalizados 1", "Données personnalisées", "Données personnalisées 1",
		"Benutzerdefinierte Daten", "Benutzerdefinierte Daten 1"}},

	// Time stamps, metadata: Google Forms "Timestamp" in the languages it
	// exports in ("Marca temporal", "Horodateur", "Zeitstempel", "Carimbo
	// de data/hora", "Informazioni cronologiche", "Tijdstempel",
	// "Sygnatura czasowa", "Tidstämpel", "Tidsstempel", "Tidsmerke",
	// "Aikaleima", ...), Microsoft Forms "Start time", "Completion time",
	// "Last modified time" (and "Startzeit", "Heure de début", "Hora de
	// inicio", ...), Typeform "Start Date (UTC)", "Submit Date (UTC)",
	// "Stage Date (UTC)", SurveyMonkey "Start Date", "End Date" ("Fecha de
	// inicio", "Date de début", "Startdatum"), Qualtrics "StartDate",
	// "EndDate", "RecordedDate", LimeSurvey "submitdate", "startdate",
	// "datestamp", "Date started", "Date last action", Alchemer "Date
	// Submitted", "Time Started", KoboToolbox "_submission_time".
	{identMeta, "time stamps", []string{
		"Timestamp", "Start time", "Completion time", "Last modified time", "Start Date", "End Date",
		"Start Date (UTC)", "Submit Date (UTC)", "Stage Date (UTC)", "End Date (UTC)", "Submit date",
		"Recorded Date", "Date stamp", "Date Submitted", "Time Started", "Submission time", "Submitted at",
		"Created at", "Date started", "Date last action",
		"Marca temporal", "Marca de tiempo", "Horodateur", "Horodatage", "Zeitstempel", "Carimbo de data/hora",
		"Data/hora", "Informazioni cronologiche", "Tijdstempel", "Sygnatura czasowa", "Tidstämpel",
		"Tidsstempel", "Tidsstämpel", "Tidsmerke", "Aikaleima", "Časová značka", "Zaman damgası",
		"Időbélyeg", "Marcaj de timp", "Marca de temps", "Stempel waktu", "Dấu thời gian",
		"Χρονική σήμανση", "Отметка времени", "Позначка часу", "タイムスタンプ", "时间戳记", "時間戳記", "타임스탬프",
		"Startzeit", "Fertigstellungszeit", "Zeitpunkt der letzten Änderung", "Heure de début", "Heure de fin",
		"Heure de la dernière modification", "Hora de inicio", "Hora de finalización",
		"Hora de la última modificación", "Hora de início", "Hora de conclusão", "Hora da última modificação",
		"Ora di inizio", "Ora di completamento", "Ora dell'ultima modifica", "Begintijd", "Tijd van voltooien",
		"Tijdstip van laatste wijziging", "Fecha de inicio", "Fecha de finalización", "Fecha de envío",
		"Fecha de la última acción", "Date de début", "Date de fin", "Date de soumission",
		"Date de la dernière action", "Startdatum", "Enddatum", "Datum Abgeschickt",
		"Datum der letzten Aktivität", "Anfangsdatum", "Aufgezeichnetes Datum", "Data de início",
		"Data de término", "Data di inizio", "Data di fine"}},
}

// identityMetaColumns is survey-tool bookkeeping (squashed): Qualtrics
// "Status", "Progress", "Duration (in seconds)", "Finished",
// "DistributionChannel", "UserLanguage", "ResponseSet"; LimeSurvey
// "lastpage", "startlanguage", "seed", "Total time", "interviewtime";
// Typeform "Response Type"; Microsoft Forms quizzes "Total points", "Quiz
// feedback"; Qualtrics fraud scores.
var identityMetaColumns = map[string]identKind{
	"status": identMeta, "progress": identMeta, "durationinseconds": identMeta,
	"finished": identMeta, "distributionchannel": identMeta, "userlanguage": identMeta,
	"responseset": identMeta, "lastpage": identMeta, "startlanguage": identMeta,
	"seed": identMeta, "responsetype": identMeta, "totalpoints": identMeta,
	"quizfeedback": identMeta, "statuscompletepartial": identMeta,
	"qrecaptchascore": identMeta, "qrelevantidduplicate": identMeta,
	"qrelevantidduplicatescore": identMeta, "qrelevantidfraudscore": identMeta,
	"qrelevantidlaststartdate": identMeta, "qballotboxstuffing": identMeta,
	"qtotalduration": identMeta, "qurl": identMeta, "qdatapolicyviolations": identMeta,
	"qlanguage": identMeta, "qunansweredpercentage": identMeta, "qunansweredquestions": identMeta,
	"totaltime": identMeta, "interviewtime": identMeta,
}

// identityColumns maps a squashed header to its kind; built from
// identityGroups and identityMetaColumns at start.
var identityColumns = map[string]identKind{}

// identityWhat maps a squashed header to what its column holds, in words
// for messages ("e-mail addresses"): what `--segment` says when refused.
var identityWhat = map[string]string{}

func init() {
	for _, g := range identityGroups {
		for _, n := range g.names {
			k := identKey(n)
			if _, dup := identityColumns[k]; dup {
				continue // the first group wins
			}
			identityColumns[k] = g.kind
			identityWhat[k] = g.what
		}
	}
	for k, kind := range identityMetaColumns {
		if _, dup := identityColumns[k]; !dup {
			identityColumns[k] = kind
			identityWhat[k] = "survey-tool bookkeeping"
		}
	}
}

// layoutMeta are bookkeeping columns that only one tool writes: elsewhere
// "Score" or "Tags" may well be an attribute.
var layoutMeta = map[string]map[string]identKind{
	LayoutGoogleForms: {"score": identMeta, "totalscore": identMeta, "puntuacion": identMeta,
		"puntuaciontotal": identMeta, "pontuacao": identMeta, "punktzahl": identMeta, "punteggio": identMeta},
	LayoutTypeform:   {"tags": identMeta, "ending": identMeta},
	LayoutLimeSurvey: {"score": identMeta},
}

// textIQSuffixes are the columns Qualtrics Text iQ derives from a text
// answer ("Q2 - Topics"): analysis, not answers.
var textIQSuffixes = []string{" - topics", " - parent topics", " - sentiment", " - sentiment polarity",
	" - sentiment score", " - topic sentiment label", " - topic sentiment score", " - actionability",
	" - effort", " - emotion", " - emotion intensity"}

// koboColumns are KoboToolbox/ODK system columns, matched as written
// (lower-cased), because "Notes" or "Tags" alone may well be attributes.
var koboColumns = map[string]identKind{
	"_id": identID, "_uuid": identID, "meta/instanceid": identID,
	"_submission_time": identMeta, "_tags": identMeta, "_notes": identMeta,
	"_validation_status": identMeta, "_status": identMeta, "_index": identMeta,
	"_parent_index": identMeta, "_parent_table_name": identMeta,
	"__version__": identMeta, "_version_": identMeta, "_version": identMeta, "_xform_id_string": identMeta,
	"_attachments": identMeta, "_geolocation": identPersonal, "_submitted_by": identPersonal,
	"start": identMeta, "end": identMeta, "today": identMeta, "deviceid": identPersonal,
	"meta/deprecatedid": identMeta, "formhub/uuid": identMeta, "audit": identMeta,
	"meta/rootuuid": identID, "meta/instancename": identMeta,
	// ODK Central's CSV: "meta-instanceID" (its group path joined by
	// "-"), then its own columns after the form's. Its "KEY" and "Edits"
	// are left to the content and [columns]: as headers alone they may be
	// a hand-made sheet's attributes.
	"meta-instanceid": identID, "meta-rootuuid": identID, "meta-deprecatedid": identMeta,
	"submissiondate": identMeta, "submitterid": identID, "submittername": identPersonal,
	"attachmentspresent": identMeta, "attachmentsexpected": identMeta,
	"reviewstate": identMeta, "formversion": identMeta,
}

// geoSuffixes end the columns KoboToolbox and ODK derive from a geopoint
// question "x": "_x_latitude", "_x_longitude", "_x_altitude",
// "_x_precision" (KoboToolbox), "x-Latitude", ..., "x-Accuracy" (ODK
// Central), and the short "x_lat", "x_long", "x_alt" of hand-made
// exports. They are matched in headers without spaces only.
var geoSuffixes = map[string]bool{
	"lat": true, "latitude": true, "long": true, "lng": true, "lon": true, "longitude": true,
	"alt": true, "altitude": true, "precision": true, "accuracy": true, "geopoint": true,
}

// identKey is the key of identityColumns: headerKey, accents dropped
// (NFD, marks left out), only letters and digits kept.
func identKey(header string) string {
	n := headerKey(header)
	ascii := true
	for i := 0; i < len(n); i++ {
		if n[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		n = norm.NFD.String(n)
	}
	var b strings.Builder
	for _, r := range n {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func identityKind(header, layout string) identKind {
	kind, _ := identityOf(header, layout)
	return kind
}

// identityOf tells whether a header names an identity or metadata column,
// and what such a column holds, in words for messages.
func identityOf(header, layout string) (identKind, string) {
	k := strings.ToLower(strings.TrimSpace(header))
	if kind, ok := koboColumns[k]; ok {
		if w := identityWhat[identKey(header)]; w != "" && identityColumns[identKey(header)] == kind {
			return kind, w
		}
		return kind, kindWhat(kind)
	}
	n := headerKey(header)
	if n == "#" {
		return identID, "respondent ids"
	}
	// Microsoft Forms quizzes add "Points - Q" and "Feedback - Q" per question.
	if strings.HasPrefix(n, "points - ") || strings.HasPrefix(n, "feedback - ") {
		return identMeta, "quiz points"
	}
	// LimeSurvey timings: "Group time: Intro", "Question time: Q01".
	if strings.HasPrefix(n, "group time: ") || strings.HasPrefix(n, "question time: ") {
		return identMeta, "time stamps"
	}
	for _, suf := range textIQSuffixes {
		if strings.HasSuffix(n, suf) {
			return identMeta, "survey-tool analysis"
		}
	}
	sq := identKey(header)
	if kind, ok := layoutMeta[layout][sq]; ok {
		return kind, "survey-tool bookkeeping"
	}
	if layout == LayoutLimeSurvey && strings.HasPrefix(sq, "grouptime") {
		return identMeta, "time stamps"
	}
	if kind := identityColumns[sq]; kind != identNone {
		return kind, identityWhat[sq]
	}
	// "Email (optional)", "Phone (mobile)", "Your e-mail".
	if i := strings.LastIndexByte(n, '('); i > 0 && strings.HasSuffix(n, ")") {
		if sq := identKey(n[:i]); identityColumns[sq] != identNone {
			return identityColumns[sq], identityWhat[sq]
		}
	}
	if rest, ok := strings.CutPrefix(sq, "your"); ok && identityColumns[rest] != identNone {
		return identityColumns[rest], identityWhat[rest]
	}
	if geoColumn(k) {
		return identPersonal, "GPS coordinates"
	}
	return identNone, ""
}

// geoColumn tells a geopoint's derived column ("_gps_latitude",
// "gps-Accuracy", "home_lat") by its suffix, in a header without spaces.
func geoColumn(lower string) bool {
	if lower == "" || strings.ContainsAny(lower, " \t") {
		return false
	}
	i := strings.LastIndexAny(lower, "_-/")
	if i < 0 || i == len(lower)-1 {
		return false
	}
	return geoSuffixes[lower[i+1:]]
}

func kindWhat(k identKind) string {
	switch k {
	case identID:
		return "respondent ids"
	case identPersonal:
		return "personal data"
	case identMeta:
		return "survey-tool bookkeeping"
	}
	return ""
}
