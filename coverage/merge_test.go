package coverage

import (
	"reflect"
	"strings"
	"testing"
)

func TestMergeCombinesShards(t *testing.T) {
	a := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 0\nm/a.go:3.1,4.1 2 4\nm/b.go:1.1,2.1 1 1\n")
	b := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 3\nm/a.go:3.1,4.1 2 1\nm/c.go:1.1,2.1 5 0\n")
	got, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := &Profile{Mode: ModeCount, Files: []File{
		{Name: "m/a.go", Blocks: []Block{{1, 1, 2, 1, 1, 3}, {3, 1, 4, 1, 2, 5}}},
		{Name: "m/b.go", Blocks: []Block{{1, 1, 2, 1, 1, 1}}},
		{Name: "m/c.go", Blocks: []Block{{1, 1, 2, 1, 5, 0}}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge =\n%+v\nwant\n%+v", got, want)
	}
}

func TestMergeLeavesItsInputsAlone(t *testing.T) {
	a := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 1\n")
	b := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 2\n")
	if _, err := Merge(a, b); err != nil {
		t.Fatal(err)
	}
	if a.Files[0].Blocks[0].Count != 1 || b.Files[0].Blocks[0].Count != 2 {
		t.Errorf("Merge changed its inputs: %+v, %+v", a.Files, b.Files)
	}
}

func TestMergeOfMixedModesCountsCoverageAndWarns(t *testing.T) {
	a := mustParse(t, "mode: set\nm/a.go:1.1,2.1 1 0\n")
	b := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 7\nm/b.go:1.1,2.1 1 9\n")
	got, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode != ModeSet || got.Files[0].Blocks[0].Count != 1 || got.Files[1].Blocks[0].Count != 1 {
		t.Errorf("Merge = %+v, want mode set with covered blocks counting 1", got)
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].Message, "different modes (set, count)") {
		t.Errorf("Warnings = %q, want one about the modes", got.Warnings)
	}
}

func TestMergeOfCountAndAtomicAddsCountsWithoutWarning(t *testing.T) {
	a := mustParse(t, "mode: count\nm/a.go:1.1,2.1 1 3\n")
	b := mustParse(t, "mode: atomic\nm/a.go:1.1,2.1 1 4\n")
	got, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode != ModeCount || got.Files[0].Blocks[0].Count != 7 {
		t.Errorf("Merge = mode %s, blocks %+v; want mode count with the counts added (7)", got.Mode, got.Files[0].Blocks)
	}
	if len(got.Warnings) != 0 {
		t.Errorf("Warnings = %q, want none: count and atomic are compatible", got.Warnings)
	}
}

func TestMergeCarriesExclusionsAndWarnings(t *testing.T) {
	a := &Profile{Mode: ModeSet, Excluded: []Excluded{{"m/g.go", "generated"}}, Warnings: []Warning{{Message: "w1"}}}
	b := &Profile{Mode: ModeSet, Warnings: []Warning{{Message: "w2"}}}
	got, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Excluded) != 1 || !reflect.DeepEqual(got.Warnings, []Warning{{Message: "w1"}, {Message: "w2"}}) {
		t.Errorf("Merge = %+v, want the exclusion and both warnings", got)
	}
}

func TestMergeOfOneProfileIsThatProfile(t *testing.T) {
	a := mustParse(t, "mode: set\nm/a.go:1.1,2.1 1 0\n")
	if got, err := Merge(a); got != a || err != nil {
		t.Errorf("Merge(a) = %p, %v, want a itself", got, err)
	}
}

func TestMergeOfNothingIsEmpty(t *testing.T) {
	got, err := Merge()
	if err != nil || len(got.Files) != 0 {
		t.Errorf("Merge() = %+v, %v, want an empty profile", got, err)
	}
}

func TestMergeRejectsProfilesOfDifferentSources(t *testing.T) {
	a := mustParse(t, "mode: set\nm/a.go:1.1,2.1 1 0\n")
	b := mustParse(t, "mode: set\nm/a.go:1.1,2.1 3 1\n")
	_, err := Merge(a, b)
	if err == nil || !strings.Contains(err.Error(), "m/a.go:1.1,2.1: block has 1 statements in one place and 3 in another") {
		t.Errorf("Merge error = %v, want one naming the block", err)
	}
}
