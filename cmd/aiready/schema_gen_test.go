package main

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/aiready/aiready/assess"
)

// TestResultsSchemaFromTypes keeps docs/schema/results.schema.json what the
// Go types of results.json make it (go test ./cmd/aiready -run Schema
// -update rewrites it): every json-tagged field a property, the ones without
// omitempty required, pointers nullable, no other key allowed; the
// descriptions and the closed sets below come from docs/results-json.md.
func TestResultsSchemaFromTypes(t *testing.T) {
	got := resultsSchema()
	path := "../../docs/schema/results.schema.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the Go types of results.json make it; review and run go test ./cmd/aiready -run Schema -update", path)
	}
	// Every description, closed set and pattern names a key that exists.
	paths := map[string]bool{}
	typeSchema(reflect.TypeFor[assess.Result](), "", paths)
	for _, m := range []map[string]bool{keysOf(resultsDocs), keysOf(resultsEnums), keysOf(resultsPatterns)} {
		for k := range m {
			if !paths[k] {
				t.Errorf("%q is no key of results.json", k)
			}
		}
	}
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// obj is a JSON object that keeps its keys' order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		b.Write(k)
		b.WriteByte(':')
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e.v); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func resultsSchema() []byte {
	root := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", "https://raw.githubusercontent.com/aiready/aiready/main/docs/schema/results.schema.json"},
		{"title", "aiready results.json"},
		{"description", resultsDocs[""]},
	}
	root = append(root, typeSchema(reflect.TypeFor[assess.Result](), "", nil)...)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// typeSchema is the schema of a value of type t at path (keys joined by
// ".", "[]" for an array's items, "{}" for a map's values); seen, when not
// nil, gathers the paths.
func typeSchema(t reflect.Type, path string, seen map[string]bool) obj {
	var s obj
	if seen != nil {
		seen[path] = true
	}
	if d := resultsDocs[path]; d != "" && path != "" {
		s = append(s, kv{"description", d})
	}
	nullable := false
	if t.Kind() == reflect.Pointer {
		nullable, t = true, t.Elem()
	}
	if e, ok := resultsEnums[path]; ok {
		if nullable {
			e = append(e, nil)
		}
		return append(s, kv{"enum", e})
	}
	typ := func(name string) {
		if nullable {
			s = append(s, kv{"type", []string{name, "null"}})
		} else {
			s = append(s, kv{"type", name})
		}
	}
	switch t.Kind() {
	case reflect.String:
		typ("string")
		if p, ok := resultsPatterns[path]; ok {
			s = append(s, kv{"pattern", p})
		}
	case reflect.Bool:
		typ("boolean")
	case reflect.Int:
		typ("integer")
		s = append(s, kv{"minimum", 0})
	case reflect.Float64:
		typ("number")
	case reflect.Slice:
		typ("array")
		s = append(s, kv{"items", typeSchema(t.Elem(), path+"[]", seen)})
	case reflect.Map:
		typ("object")
		s = append(s, kv{"additionalProperties", typeSchema(t.Elem(), path+"{}", seen)})
	case reflect.Struct:
		typ("object")
		var props obj
		var required []string
		var fields func(t reflect.Type)
		fields = func(t reflect.Type) {
			for f := range t.Fields() {
				tag := f.Tag.Get("json")
				if f.Anonymous && tag == "" {
					fields(f.Type)
					continue
				}
				if !f.IsExported() || tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				p := name
				if path != "" {
					p = path + "." + name
				}
				props = append(props, kv{name, typeSchema(f.Type, p, seen)})
				if opts != "omitempty" {
					required = append(required, name)
				}
			}
		}
		fields(t)
		s = append(s, kv{"additionalProperties", false})
		if required != nil {
			s = append(s, kv{"required", required})
		}
		s = append(s, kv{"properties", props})
	default:
		panic("results.json: no schema for " + t.String() + " at " + path)
	}
	return s
}

var (
	severities   = []any{"low", "medium", "high"}
	resultsEnums = map[string][]any{
		"format":                    {1},
		"recommendations[].horizon": {30, 60, 90},
		"evidence[].better":         {"higher", "lower"},
		"checks[].severity":         severities,
		"overrides[].action":        {"drop", "pin", "add"},
		"actions[].status":          {"planned", "started", "done", "dropped"},
		"actions[].verdict":         {"moved", "not_moved"},
	}
	resultsPatterns = map[string]string{
		"rubric.sha256": "^[0-9a-f]{64}$",
		"date":          "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
		"previous.date": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
		"actions[].due": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$",
	}
)

var resultsDocs = map[string]string{
	"":                                       "The assessment as data: every figure of the report, written by `aiready build` and `aiready score --format json`. Keys are only ever added; `format` rises if a key ever has to change its meaning. Scores are unrounded, 0 to 100; `null` means no figure, never zero. See docs/results-json.md.",
	"format":                                 "`1`. Rises only on a change that could break a reader.",
	"rubric":                                 "The method: `id` and `version` as in the rubric, and `sha256`, the SHA-256 of the rubric file's bytes in hex. Two results are comparable when all three are equal.",
	"rubric.id":                              "The rubric's `id`.",
	"rubric.version":                         "The rubric's `version`.",
	"rubric.sha256":                          "The SHA-256 of the rubric file's bytes, in hex.",
	"respondents":                            "How many respondents were scored, from all inputs together.",
	"min_group_size":                         "The suppression threshold that was applied: groups with fewer respondents are shown nowhere.",
	"overall":                                "The whole group: `score`, `level`, and `capped_by` when a raised red flag or a contradicted check lowered the level.",
	"overall.score":                          "The mean of the dimension scores, weighted by the dimensions' `weight`; unrounded, 0 to 100; `null` when no dimension has a score.",
	"overall.level":                          "A level id of the rubric, from the unrounded score (capped, with `capped_by`); `\"\"` where the score is `null`.",
	"overall.capped_by":                      "The id of the raised flag or contradicted check that lowered the level; omitted otherwise.",
	"dimensions":                             "One entry per dimension, in the rubric's order.",
	"dimensions[].id":                        "The dimension's id.",
	"dimensions[].score":                     "Unrounded, 0 to 100; `null` when nobody in the group has a score in it.",
	"dimensions[].level":                     "A level id of the rubric; `\"\"` where the score is `null`.",
	"dimensions[].n":                         "The number of respondents with a score in this dimension.",
	"dimensions[].suppressed":                "Inside a shown segment: `true` when the dimension was answered by too few of its people; then `score` is `null` and `n` is 0.",
	"questions":                              "One entry per question, in the rubric's order.",
	"questions[].id":                         "The question's id.",
	"questions[].n":                          "How many respondents answered the question (skip answers, empty cells and invalid answers are not counted).",
	"questions[].mean_value":                 "The mean answer value, between 0 and 1, after `reverse` (higher is always stronger). Left out when nobody answered, and for text questions.",
	"questions[].counts":                     "How many chose each answer, keyed by the raw point of a scale (`\"1\"`, `\"2.5\"`) or by the option label. Answers nobody chose are left out; left out for text questions and when nobody answered.",
	"segments":                               "One entry per value of each segment attribute, ordered by attribute name (ignoring case), then by value; `[]` when none.",
	"segments[].attribute":                   "The segment attribute, such as `\"Role\"`.",
	"segments[].value":                       "The attribute's value; `(not stated)` for respondents who left it empty.",
	"segments[].n":                           "The segment's respondents; left out when the segment is suppressed.",
	"segments[].suppressed":                  "`true` when the segment has fewer respondents than `min_group_size` (or would let one be worked out by subtraction); it then carries only `attribute`, `value` and `suppressed`.",
	"segments[].overall":                     "The segment's overall score and level, without caps (red flags are worked out for the whole group only).",
	"segments[].dimensions":                  "The segment's dimension scores, in the rubric's order.",
	"gaps":                                   "The perception gaps between the groups of each segment attribute on each dimension, with their tests; `[]` when none.",
	"gaps[].high":                            "The group with the highest score.",
	"gaps[].low":                             "The group with the lowest score.",
	"gaps[].gap":                             "The difference of the two groups' scores.",
	"gaps[].p":                               "The two-sided p-value of Welch's t-test; `null` when a group has a single respondent or neither group varies.",
	"gaps[].p_adjusted":                      "Holm's adjustment over every gap of the report; `null` as `p`.",
	"gaps[].hedges_g":                        "The effect size: the difference in pooled standard deviations with the small-sample correction; `null` as `p`.",
	"gaps[].significant":                     "`p_adjusted` below 0.05.",
	"flags":                                  "One entry per red flag, in the rubric's order.",
	"flags[].share":                          "The share (0 to 1) of the evaluable respondents who match every condition (0 when nobody can be evaluated).",
	"flags[].raised":                         "Whether the flag is raised: `share` is at least the flag's `share`.",
	"evidence":                               "The operational figures of the project's `[[evidence]]`, in its order; `[]` when none.",
	"evidence[].value":                       "The figure, as typed in.",
	"evidence[].baseline":                    "The figure before; `null` when none was given.",
	"evidence[].change":                      "value − baseline; `null` without a baseline. A change of a percentage is in percentage points.",
	"evidence[].better":                      "The direction that is better: `higher` or `lower`.",
	"checks":                                 "One entry per `[[check]]` of the rubric, in its order; `[]` when the rubric has none.",
	"checks[].contradicted":                  "`true` when the answers claim what the evidence (or the other group) denies, `false` when they do not, `null` when the check cannot be evaluated.",
	"checks[].severity":                      "`low`, `medium` or `high`.",
	"recommendations":                        "The action plan, in its order: pinned overrides, added ones, the raised flags' and contradicted checks' recommendations (by severity, then id), then the rest by `priority`.",
	"recommendations[].dimension":            "The dimension the recommendation answers (one of `dimension`, `flag`, `check`; an added one may carry none).",
	"recommendations[].flag":                 "The red flag the recommendation answers.",
	"recommendations[].check":                "The check the recommendation answers.",
	"recommendations[].priority":             "dimension weight × max(0, target − dimension score), unrounded; 0 for a flag's or a check's recommendation and for overrides that pin or add one the scores did not propose.",
	"recommendations[].horizon":              "30, 60 or 90 days.",
	"reliability":                            "One entry per dimension with at least two scored questions, in rubric order: Cronbach's alpha and the questions' item-rest correlations.",
	"reliability[].alpha":                    "Cronbach's alpha of the answer values after reversal, over the `n` respondents who answered all of the dimension's scored questions; `null` with fewer than 10 of them or a constant total.",
	"reliability[].items[].item_rest":        "The question's correlation with the sum of the dimension's other questions; `null` where not computable.",
	"reliability[].items[].alpha_if_deleted": "Alpha without this question; `null` where not computable.",
	"participation":                          "`null` without `[population]` in assessment.toml; else the head count, the response rate and the rates of shown groups.",
	"participation.population":               "The head count: everyone who was asked.",
	"participation.rate":                     "respondents / population.",
	"participation.segments":                 "Each shown group with a head count; suppressed groups are never listed.",
	"drivers":                                "`null` unless the rubric names an `outcome` and at least 30 respondents have the outcome and every dimension score; else Johnson's relative weights of the dimensions for the outcome.",
	"drivers.r2":                             "The share of the outcome's variance the dimensions explain; the weights add up to it.",
	"drivers.dimensions[].weight":            "The dimension's relative weight.",
	"themes":                                 "What the comments are about: one entry per `[[theme]]` of the rubric, in its order; `[]` when the rubric has none or no question takes free text.",
	"themes[].count":                         "The number of comments with the theme; `null` when the group has fewer than `min_comment_group` comments.",
	"themes[].share":                         "`count` over all comments, 0 to 1, unrounded; `null` as `count`.",
	"themes[].dimension":                     "The dimension on which the respondents who wrote a comment with the theme score furthest below all others; `null` when on none.",
	"themes[].segments":                      "Per shown group with at least `min_comment_group` comments: the theme's count and share of the group's comments.",
	"min_comment_group":                      "Only when the rubric's themes apply: the fewest comments a group needs for its themes to be shown.",
	"data_quality":                           "How clean the input was.",
	"data_quality.rows":                      "Answer rows read and scored from all inputs.",
	"data_quality.invalid_cells":             "Answers that matched no label, option or point of their question; each treated as missing.",
	"data_quality.unmatched_columns":         "Input columns that are neither a question nor an attribute asked for as a segment.",
	"data_quality.not_responses":             "Only when some rows were never responses: counts by reason, such as `{\"preview\": 2, \"spam\": 1}`.",
	"data_quality.straight_liners":           "Respondents who answered at least 8 scale questions, all with the same point.",
	"data_quality.speeders":                  "Respondents who took less than a third of the median duration.",
	"data_quality.excluded":                  "How many straight-liners and speeders `--exclude-flagged` left out of every figure.",
	"data_quality.unanswered_questions":      "The rubric's questions that some input does not answer, in the rubric's order.",
	"data_quality.repeated_ids":              "Only when some rows repeat a respondent id given by an earlier row: how many.",
	"overrides":                              "Only when the project has `[[override]]`s: the consultant's changes to the plan, with their reasons, in the order of assessment.toml.",
	"overrides[].action":                     "`drop`, `pin` or `add`.",
	"actions":                                "Only when the project has actions (`[[action]]` or `actions = \"FILE\"`): the `[[action]]` tables in the file's order, then the rows of the actions CSV.",
	"actions[].recommendation":               "The recommendation id: the rubric's, or one an `[[override]]` added.",
	"actions[].owner":                        "The owner as written (a role); `\"\"` for a CSV row not yet assigned.",
	"actions[].due":                          "`YYYY-MM-DD`; `\"\"` for a CSV row without a date.",
	"actions[].status":                       "`planned`, `started`, `done` or `dropped`.",
	"actions[].overdue":                      "`true` when `due` is before the assessment's `date` and the status is `planned` or `started`.",
	"actions[].verdict":                      "Only for a `done` action, with a `previous` assessment of the same rubric: `\"moved\"` or `\"not_moved\"`; `null` otherwise.",
	"previous":                               "Only with `previous` or `--previous`: the change since the last assessment.",
	"previous.date":                          "The earlier assessment's date.",
	"previous.overall_delta":                 "Now minus then, unrounded; `null` when either has no score or the rubric changed.",
	"previous.dimensions":                    "Each dimension's `delta` (now minus then); `[]` when the rubric changed.",
	"previous.rubric_changed":                "`true` when the rubric's `id`, `version` or `sha256` differs from the earlier one: the figures are not comparable.",
	"previous.segments":                      "Per group shown now and then: `overall_delta` and the dimensions' deltas.",
	"previous.questions":                     "Per question: `mean_value_delta`, the change of its `mean_value` on the 0-1 scale.",
	"previous.flags":                         "Per red flag: `raised` (now), `was_raised` (then) and `share_delta`.",
	"date":                                   "The assessment's date, `YYYY-MM-DD`. `build` always writes it; `score` only with `--date`.",
	"norms":                                  "Only with `build --norms FILE`: each dimension's percentile among earlier assessments.",
	"norms.suppressed":                       "`true` with fewer than 10 assessments in all; then the block has no `dimensions`.",
	"norms.dimensions[].percentile":          "Unrounded, 0 to 100; `null` for a dimension without a score or with fewer than 10 assessments in the norms.",
}
