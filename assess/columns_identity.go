package assess

import (
	"strings"
	"unicode"
)

// Identity and metadata columns, as the survey tools name them. They are
// never carried into a Respondent; a respondent-id column only gives
// Respondent.ID, which is used in messages and never reaches an output.
// Keys are squashed: Normalize, then only letters and digits kept, so
// "IP Address", "IPAddress" and "ip_address" are one entry.
type identKind uint8

const (
	identNone identKind = iota
	identID
	identPersonal
	identMeta
)

var identityColumns = map[string]identKind{
	// Respondent ids. Microsoft Forms "ID", Typeform "#", LimeSurvey "id",
	// SurveyMonkey "Respondent ID", Qualtrics "ResponseID"/"ResponseId",
	// KoboToolbox "_id", "_uuid", "meta/instanceID", LimeSurvey "token".
	"id": identID, "#": identID, "respondentid": identID, "responseid": identID,
	"uuid": identID, "instanceid": identID, "token": identID, "recordid": identID,
	"submissionid": identID, "responsetoken": identID,
	// Hand-made sheets.
	"respondent": identID, "participant": identID, "participantid": identID,

	// Names, e-mail addresses, network and device details, places.
	"name": identPersonal, "fullname": identPersonal, "firstname": identPersonal,
	"lastname": identPersonal, "surname": identPersonal, "username": identPersonal,
	"email": identPersonal, "emailaddress": identPersonal, "recipientemail": identPersonal,
	"recipientfirstname": identPersonal, "recipientlastname": identPersonal,
	"recipientname": identPersonal, "externaldatareference": identPersonal,
	"externalreference": identPersonal, "collectorid": identPersonal,
	"customdata": identPersonal, "customdata1": identPersonal,
	"ip": identPersonal, "ipaddress": identPersonal, "ipaddr": identPersonal,
	"networkid": identPersonal, "useragent": identPersonal, "browser": identPersonal,
	"refurl": identPersonal, "referer": identPersonal, "referrer": identPersonal,
	"locationlatitude": identPersonal, "locationlongitude": identPersonal,
	"locationaccuracy": identPersonal, "latitude": identPersonal, "longitude": identPersonal,
	"gpslatitude": identPersonal, "gpslongitude": identPersonal, "gpsaltitude": identPersonal,
	"gpsprecision": identPersonal, "geolocation": identPersonal, "submittedby": identPersonal,
	"deviceid": identPersonal, "phonenumber": identPersonal, "subscriberid": identPersonal,
	"simserial": identPersonal,

	// Time stamps: Google Forms "Timestamp", Microsoft Forms "Start time",
	// "Completion time", "Last modified time", Typeform "Start Date (UTC)",
	// "Submit Date (UTC)", "Stage Date (UTC)", SurveyMonkey "Start Date",
	// "End Date", Qualtrics "StartDate", "EndDate", "RecordedDate",
	// LimeSurvey "submitdate", "startdate", "datestamp", Alchemer "Date
	// Submitted", "Time Started", KoboToolbox "_submission_time".
	"timestamp": identMeta, "starttime": identMeta, "completiontime": identMeta,
	"lastmodifiedtime": identMeta, "startdate": identMeta, "enddate": identMeta,
	"startdateutc": identMeta, "submitdateutc": identMeta, "stagedateutc": identMeta,
	"enddateutc": identMeta, "submitdate": identMeta, "recordeddate": identMeta,
	"datestamp": identMeta, "datesubmitted": identMeta, "timestarted": identMeta,
	"submissiontime": identMeta, "submittedat": identMeta, "createdat": identMeta,
	// Bookkeeping: Qualtrics "Status", "Progress", "Duration (in seconds)",
	// "Finished", "DistributionChannel", "UserLanguage", "ResponseSet";
	// LimeSurvey "lastpage", "startlanguage", "seed"; Typeform "Response
	// Type"; Microsoft Forms quizzes "Total points", "Quiz feedback".
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
	// LimeSurvey with full headings: "Date started", "Date last action",
	// "Referrer URL", "Total time"; with codes: "interviewtime".
	"datestarted": identMeta, "datelastaction": identMeta, "referrerurl": identPersonal,
	"totaltime": identMeta, "interviewtime": identMeta,
}

// layoutMeta are bookkeeping columns that only one tool writes: elsewhere
// "Score" or "Tags" may well be an attribute.
var layoutMeta = map[string]map[string]identKind{
	LayoutGoogleForms: {"score": identMeta, "totalscore": identMeta},
	LayoutTypeform:    {"tags": identMeta, "ending": identMeta},
	LayoutLimeSurvey:  {"score": identMeta},
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
	"__version__": identMeta, "_version_": identMeta, "_xform_id_string": identMeta,
	"_attachments": identMeta, "_geolocation": identPersonal, "_submitted_by": identPersonal,
	"start": identMeta, "end": identMeta, "today": identMeta, "deviceid": identPersonal,
	"meta/deprecatedid": identMeta, "formhub/uuid": identMeta,
}

func identityKind(header, layout string) identKind {
	k := strings.ToLower(strings.TrimSpace(header))
	if kind, ok := koboColumns[k]; ok {
		return kind
	}
	n := headerKey(header)
	if n == "#" {
		return identID
	}
	// Microsoft Forms quizzes add "Points - Q" and "Feedback - Q" per question.
	if strings.HasPrefix(n, "points - ") || strings.HasPrefix(n, "feedback - ") {
		return identMeta
	}
	// LimeSurvey timings: "Group time: Intro", "Question time: Q01".
	if strings.HasPrefix(n, "group time: ") || strings.HasPrefix(n, "question time: ") {
		return identMeta
	}
	for _, suf := range textIQSuffixes {
		if strings.HasSuffix(n, suf) {
			return identMeta
		}
	}
	var b strings.Builder
	for _, r := range n {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	sq := b.String()
	if kind, ok := layoutMeta[layout][sq]; ok {
		return kind
	}
	if layout == LayoutLimeSurvey && strings.HasPrefix(sq, "grouptime") {
		return identMeta
	}
	return identityColumns[sq]
}
