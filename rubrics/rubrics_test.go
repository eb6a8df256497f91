package rubrics

import (
	"testing"
)

func TestBuiltinRubricsLoad(t *testing.T) {
	if len(Names()) == 0 {
		t.Fatal("no built-in rubrics")
	}
	for _, n := range Names() {
		if _, err := Load(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}
