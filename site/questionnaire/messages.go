package questionnaire

import (
	"fmt"
	"slices"
	"strings"
)

// catalogs hold every fixed string of the questionnaire by language, for
// the HTML template (as .M.key) and for the script (as M.key in the page's
// data), so that the tables can later move into the project's message
// catalogue unchanged. Placeholders in braces ({n}, {total}, ...) are
// filled in by fill (Go) or by the script. Every language has the same
// keys and placeholders (messages_test.go checks).
var catalogs = map[string]map[string]string{"en": english, "de": german}

// Languages are the languages the questionnaire's own text is written in.
func Languages() []string {
	var out []string
	for l := range catalogs {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// primary is the primary subtag of a BCP 47 tag, lower case: "de-CH" → "de".
func primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// messagesFor returns the catalogue of lang, and false when there is none.
func messagesFor(lang string) (map[string]string, bool) {
	m, ok := catalogs[primary(lang)]
	return m, ok
}

// rtl lists the primary subtags of languages written right to left.
var rtl = []string{"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}

// direction is the writing direction of lang: "rtl" or "ltr".
func direction(lang string) string {
	if slices.Contains(rtl, primary(lang)) {
		return "rtl"
	}
	return "ltr"
}

// fill returns message key of m with its {placeholders} replaced.
func fill(m map[string]string, key string, kv ...string) string {
	s, ok := m[key]
	if !ok {
		// Only a programming error gets here: the catalogues are fixed and
		// messages_test.go checks that every key used exists.
		panic(fmt.Sprintf("questionnaire: no message %q", key))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

var english = map[string]string{
	"lang":         "en",
	"decimal":      ".",
	"pageTitle":    "{title}: self-assessment",
	"eyebrow":      "Self-assessment",
	"skipLink":     "Skip to the questions",
	"intro":        "Answer for your organisation as it actually works today, not as it should. Every question is optional; where you cannot say, choose a “not applicable” or “don't know” answer, or leave it out.",
	"privacy":      "Your answers stay in this browser on this computer: nothing is sent anywhere. Progress is kept in this browser's local storage until you choose “Forget my answers”. “Save my answers” downloads a file you can keep or send to whoever runs the assessment.",
	"methodTitle":  "How the scores are worked out",
	"aboutLegend":  "About you (optional)",
	"aboutHint":    "These help a consultant compare groups when several people's answers are combined. Leave them empty if you prefer.",
	"dimCount":     "{n} questions",
	"dimCountOne":  "1 question",
	"questionNum":  "Question {n} of {total}",
	"multiHint":    "Select all that apply.",
	"skipHint":     "If you cannot answer:",
	"multiSkip":    "Ticking an answer below clears the other choices.",
	"textHint":     "Free text, optional. It is not scored, and is kept with your saved answers.",
	"clear":        "Clear answer",
	"progress":     "{n} of {total} questions answered",
	"progressDone": "All {total} questions answered",
	"dockLabel":    "Progress and actions",
	"showResults":  "See my results",
	"save":         "Save my answers",
	"forget":       "Forget my answers",
	"forgetAsk":    "Remove all your answers from this browser? Files you saved are not affected.",
	"forgetYes":    "Yes, forget them",
	"forgetNo":     "Keep them",
	"forgotten":    "Your answers have been removed from this browser.",
	"saved":        "Your answers were saved as {file}. You can open that file in aiready, or send it to whoever runs the assessment.",
	"noStorage":    "This browser does not let the page keep your progress; save your answers before you close it.",
	"restored":     "Your earlier answers were restored from this browser.",
	"noScript":     "This questionnaire needs JavaScript to score your answers. Your answers will not be kept without it.",

	"resultsTitle":    "Your results",
	"resultsNote":     "These figures are for your answers alone, scored exactly as in a full assessment.",
	"incomplete":      "You have answered {n} of {total} questions. A dimension gets a score once enough of it is answered.",
	"overallTitle":    "Overall",
	"outOf":           "out of 100",
	"noScore":         "not enough answers",
	"levelIs":         "Level: {level}",
	"cappedNote":      "Held at this level by the red flag “{flag}”; the score alone gives {level}.",
	"chartTitle":      "Your dimension scores out of 100, with the target at {target}",
	"chartYou":        "Your scores",
	"chartTarget":     "Target {target}",
	"chartTooFew":     "A radar needs three dimensions; the table shows the scores.",
	"tableCaption":    "Scores by dimension",
	"colDimension":    "Dimension",
	"colScore":        "Score",
	"colLevel":        "Level",
	"colTarget":       "Target",
	"colAnswered":     "Answered",
	"answeredOf":      "{n} of {total}",
	"flagsTitle":      "Red flags",
	"flagsExplain":    "A red flag is raised when your answers match every one of its conditions.",
	"flagsNone":       "Your answers raise no red flag.",
	"flagsUnchecked":  "{n} red flags could not be checked because answers they need are missing.",
	"flagsUnchecked1": "1 red flag could not be checked because answers it needs are missing.",
	"severity_high":   "High severity",
	"severity_medium": "Medium severity",
	"severity_low":    "Low severity",
	"capsNote":        "While raised, the overall level is at most {level}.",
	"planTitle":       "What to do first",
	"planExplain":     "Recommendations of raised red flags come first, then those for the dimensions furthest below the target.",
	"planNone":        "No recommendation applies to your answers.",
	"forFlag":         "Red flag: {title}",
	"forDimension":    "{title}",
	"horizon":         "within {days} days",
	"footer":          "Made with aiready from the rubric {id} version {version}.",
	"sha":             "Rubric sha256: {sha}",
}

var german = map[string]string{
	"lang":         "de",
	"decimal":      ",",
	"pageTitle":    "{title}: Selbsteinschätzung",
	"eyebrow":      "Selbsteinschätzung",
	"skipLink":     "Direkt zu den Fragen",
	"intro":        "Antworten Sie für Ihre Organisation so, wie sie heute tatsächlich arbeitet, nicht wie sie arbeiten sollte. Jede Frage ist freiwillig; wo Sie es nicht sagen können, wählen Sie „trifft nicht zu“ oder „weiß nicht“, oder lassen Sie die Frage aus.",
	"privacy":      "Ihre Antworten bleiben in diesem Browser auf diesem Rechner: Nichts wird irgendwohin gesendet. Der Fortschritt wird im lokalen Speicher dieses Browsers gehalten, bis Sie „Meine Antworten vergessen“ wählen. „Meine Antworten speichern“ lädt eine Datei herunter, die Sie behalten oder an die Person senden können, die die Bewertung durchführt.",
	"methodTitle":  "Wie die Werte berechnet werden",
	"aboutLegend":  "Zu Ihrer Person (freiwillig)",
	"aboutHint":    "Diese Angaben helfen beim Vergleich von Gruppen, wenn die Antworten mehrerer Personen zusammengeführt werden. Lassen Sie die Felder leer, wenn Sie möchten.",
	"dimCount":     "{n} Fragen",
	"dimCountOne":  "1 Frage",
	"questionNum":  "Frage {n} von {total}",
	"multiHint":    "Wählen Sie alles Zutreffende.",
	"skipHint":     "Wenn Sie nicht antworten können:",
	"multiSkip":    "Ein Häkchen bei einer der unteren Antworten entfernt die übrigen.",
	"textHint":     "Freitext, freiwillig. Er wird nicht bewertet und mit Ihren gespeicherten Antworten aufbewahrt.",
	"clear":        "Antwort löschen",
	"progress":     "{n} von {total} Fragen beantwortet",
	"progressDone": "Alle {total} Fragen beantwortet",
	"dockLabel":    "Fortschritt und Aktionen",
	"showResults":  "Meine Ergebnisse zeigen",
	"save":         "Meine Antworten speichern",
	"forget":       "Meine Antworten vergessen",
	"forgetAsk":    "Alle Ihre Antworten aus diesem Browser entfernen? Gespeicherte Dateien bleiben unberührt.",
	"forgetYes":    "Ja, vergessen",
	"forgetNo":     "Behalten",
	"forgotten":    "Ihre Antworten wurden aus diesem Browser entfernt.",
	"saved":        "Ihre Antworten wurden als {file} gespeichert. Sie können die Datei mit aiready öffnen oder an die Person senden, die die Bewertung durchführt.",
	"noStorage":    "Dieser Browser erlaubt der Seite nicht, Ihren Fortschritt zu behalten; speichern Sie Ihre Antworten, bevor Sie sie schließen.",
	"restored":     "Ihre früheren Antworten wurden aus diesem Browser wiederhergestellt.",
	"noScript":     "Dieser Fragebogen braucht JavaScript, um Ihre Antworten auszuwerten. Ohne JavaScript werden Ihre Antworten nicht behalten.",

	"resultsTitle":    "Ihre Ergebnisse",
	"resultsNote":     "Diese Werte gelten nur für Ihre Antworten und sind genau wie in einer vollständigen Bewertung berechnet.",
	"incomplete":      "Sie haben {n} von {total} Fragen beantwortet. Eine Dimension erhält einen Wert, sobald genug von ihr beantwortet ist.",
	"overallTitle":    "Gesamt",
	"outOf":           "von 100",
	"noScore":         "zu wenige Antworten",
	"levelIs":         "Stufe: {level}",
	"cappedNote":      "Durch das Warnsignal „{flag}“ auf dieser Stufe gehalten; der Wert allein ergäbe {level}.",
	"chartTitle":      "Ihre Werte je Dimension (von 100), mit dem Ziel bei {target}",
	"chartYou":        "Ihre Werte",
	"chartTarget":     "Ziel {target}",
	"chartTooFew":     "Ein Netzdiagramm braucht drei Dimensionen; die Tabelle zeigt die Werte.",
	"tableCaption":    "Werte je Dimension",
	"colDimension":    "Dimension",
	"colScore":        "Wert",
	"colLevel":        "Stufe",
	"colTarget":       "Ziel",
	"colAnswered":     "Beantwortet",
	"answeredOf":      "{n} von {total}",
	"flagsTitle":      "Warnsignale",
	"flagsExplain":    "Ein Warnsignal wird ausgelöst, wenn Ihre Antworten jede seiner Bedingungen erfüllen.",
	"flagsNone":       "Ihre Antworten lösen kein Warnsignal aus.",
	"flagsUnchecked":  "{n} Warnsignale ließen sich nicht prüfen, weil Antworten fehlen, die sie brauchen.",
	"flagsUnchecked1": "1 Warnsignal ließ sich nicht prüfen, weil Antworten fehlen, die es braucht.",
	"severity_high":   "Hohe Dringlichkeit",
	"severity_medium": "Mittlere Dringlichkeit",
	"severity_low":    "Geringe Dringlichkeit",
	"capsNote":        "Solange es ausgelöst ist, ist die Gesamtstufe höchstens {level}.",
	"planTitle":       "Was zuerst zu tun ist",
	"planExplain":     "Empfehlungen ausgelöster Warnsignale kommen zuerst, dann die für die Dimensionen, die am weitesten unter dem Ziel liegen.",
	"planNone":        "Für Ihre Antworten gilt keine Empfehlung.",
	"forFlag":         "Warnsignal: {title}",
	"forDimension":    "{title}",
	"horizon":         "innerhalb von {days} Tagen",
	"footer":          "Erstellt mit aiready aus der Bewertungsgrundlage {id}, Version {version}.",
	"sha":             "SHA-256 der Bewertungsgrundlage: {sha}",
}
