package assess

import (
	"strings"
	"testing"
)

// TestDimensionLevels: a dimension may say what each level looks like in
// it ([dimension.levels]); a level it leaves out keeps the level's own
// description, and a level the rubric lacks is refused at its key.
func TestDimensionLevels(t *testing.T) {
	withLevels := strings.Replace(base, "[[dimension]]\nid = \"d\"\ntitle = \"D\"\n",
		"[[dimension]]\nid = \"d\"\ntitle = \"D\"\n[dimension.levels]\nlow = \"Little of D is in place.\"\n", 1)
	withLevels = strings.Replace(withLevels, "id = \"low\"\ntitle = \"Low\"\n", "id = \"low\"\ntitle = \"Low\"\ndescription = \"Little is in place.\"\n", 1)
	withLevels = strings.Replace(withLevels, "id = \"high\"\ntitle = \"High\"\n", "id = \"high\"\ntitle = \"High\"\ndescription = \"Much is in place.\"\n", 1)
	r, err := LoadRubric("r.toml", []byte(withLevels))
	if err != nil {
		t.Fatal(err)
	}
	d := r.Dimensions[0]
	if got := d.LevelText(r.Level("low")); got != "Little of D is in place." {
		t.Errorf("low in D: %q", got)
	}
	if got := d.LevelText(r.Level("high")); got != "Much is in place." {
		t.Errorf("high in D, not described by D: %q", got)
	}

	bad := strings.Replace(withLevels, "low = \"Little of D is in place.\"\n", "low = \"Little of D is in place.\"\nmedium = \"Some.\"\n", 1)
	_, err = LoadRubric("r.toml", []byte(bad))
	// [[dimension]] is line 11: [dimension.levels] 14, low 15, medium 16.
	want := `r.toml:16:1: dimension "d": levels: unknown level "medium" (levels: low, high)`
	if got := Errors(err); len(got) != 1 || got[0].Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	wrongType := strings.Replace(withLevels, "low = \"Little of D is in place.\"\n", "low = 3\n", 1)
	_, err = LoadRubric("r.toml", []byte(wrongType))
	if got := Errors(err); len(got) != 1 || !strings.HasPrefix(got[0].Error(), `r.toml:15:1: dimension "d": low must be a string`) {
		t.Errorf("a number as a level's text: %v", err)
	}
}
