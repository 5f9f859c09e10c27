package subtests

import (
	"fmt"
	"testing"
)

func TestParseTable(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int
		wantErr bool
	}{
		{name: "single digit", in: "7", want: 7},
		{name: "empty input", in: "", wantErr: true},
		{name: "1", in: "12", want: 12},          // want `subtest name "1" says nothing about the case`
		{name: "case 3", in: "-3", want: -3},     // want `subtest name "case 3" says nothing about the case`
		{name: "", in: "+4", want: 4},            // want `subtest name is empty`
		{in: "0x5", wantErr: true},               // want `subtest name is empty`
		{name: "single digit", in: "8", want: 8}, // want `duplicate subtest name "single digit" \(also at line 15\); go test renames it to "single_digit#01" so a failure can't be traced`
		{name: "404", in: "404", want: 404},
		{name: "9", in: "0009", want: 9}, // the name is the expectation
		{name: "leading zeros", in: "007", want: 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("%s: Parse(%q) = %d, %v; want %d", tc.name, tc.in, got, err, tc.want)
			}
		})
	}
}

type parseCase struct {
	name string
	in   string
	want int
}

// Positional literals, pointer cases and the old tc := tc copy.
func TestParsePositional(t *testing.T) {
	tests := []*parseCase{
		{"two digits", "42", 42},
		{"test2", "43", 43}, // want `subtest name "test2" says nothing`
		&parseCase{"negative", "-1", -1},
		&parseCase{"negative", "-2", -2}, // want `duplicate subtest name "negative" \(also at line 47\)`
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) { parses(t, tc.in, tc.want) })
	}
}

var packageTable = []parseCase{
	{name: "max int8", in: "127", want: 127},
	{name: "#2", in: "128", want: 128}, // want `subtest name "#2" says nothing`
}

func TestParsePackageTable(t *testing.T) {
	for i := range packageTable {
		t.Run(packageTable[i].name, func(t *testing.T) {
			parses(t, packageTable[i].in, packageTable[i].want)
		})
	}
}

func TestParsePackageTableAgain(t *testing.T) {
	for _, tc := range packageTable { // already checked: reported once
		t.Run(tc.name, func(t *testing.T) { parses(t, tc.in, tc.want) })
	}
}

func TestParseMap(t *testing.T) {
	for name, tc := range map[string]parseCase{
		"zero":   {in: "0", want: 0},
		"case 2": {in: "2", want: 2}, // want `subtest name "case 2" says nothing`
		"":       {in: "3", want: 3}, // want `subtest name is empty`
		"plus":   {in: "+1", want: 1},
		"5":      {in: "+6", want: 6}, // want `subtest name "5" says nothing`
		"7":      {in: "7", want: 7},  // the key is the input
	} {
		t.Run(name, func(t *testing.T) { parses(t, tc.in, tc.want) })
	}
}

func TestParseEncodings(t *testing.T) {
	for _, in := range []string{"1", "", "22", "1"} { // want `duplicate subtest name "1" \(also at line 89\)`
		t.Run(in, func(t *testing.T) { // the input names the case: "1" and "" are fine, repeats are not
			if _, err := Parse(in); err != nil && in != "" {
				t.Error(err)
			}
		})
	}
}

// The name is the input: numbers and the empty string say what is parsed.
func TestParseNamedByInput(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{in: "1", want: 1},
		{in: "", wantErr: true},
		{in: "10", want: 10},
		{in: "10", want: 10}, // want `duplicate subtest name "10" \(also at line 107\)`
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Parse(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("Parse(%q) = %d, %v", tc.in, got, err)
			}
		})
	}
}

// The loop fills in missing names, so the literals don't tell them.
func TestParseDefaultName(t *testing.T) {
	tests := []parseCase{
		{in: "1", want: 1},
		{name: "", in: "2", want: 2},
	}
	for _, tc := range tests {
		if tc.name == "" {
			tc.name = "input " + tc.in
		}
		t.Run(tc.name, func(t *testing.T) { parses(t, tc.in, tc.want) })
	}
}

// Names built from more than the case, and tables built by calls.
func TestParseComposedNames(t *testing.T) {
	tests := []parseCase{
		{name: "1", in: "1", want: 1},
		{name: "1", in: "1", want: 1},
	}
	for _, tc := range tests {
		for n := range 2 {
			t.Run(fmt.Sprintf("%s/%d", tc.name, n), func(t *testing.T) { parses(t, tc.in, tc.want) })
		}
	}
	for _, tc := range []parseCase{makeCase("1"), makeCase("1")} {
		t.Run(tc.name, func(t *testing.T) { parses(t, tc.in, tc.want) })
	}
}

func makeCase(in string) parseCase {
	return parseCase{name: "parses " + in, in: in, want: 1}
}

// A meaningful map table: keys are descriptions.
var errorCases = map[string]string{
	"empty":       "",
	"not a digit": "x",
	"overflow":    "99999999999999999999",
}

func TestParseErrors(t *testing.T) {
	for name, in := range errorCases {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(in); err == nil {
				t.Errorf("Parse(%q) succeeded", in)
			}
		})
	}
}

func BenchmarkParseTable(b *testing.B) {
	for _, bc := range []parseCase{{name: "1", in: "1"}, {name: "1", in: "1"}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				Parse(bc.in)
			}
		})
	}
}

// Names that are the variant's width, as in hash/fnv's tests.
func TestParseWidths(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (int, error)
	}{
		{"32", parse32},
		{"64", parse64},
		{"2", Parse}, // want `subtest name "2" says nothing`
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.parse("12"); err != nil {
				t.Error(err)
			}
		})
	}
}

func parse32(s string) (int, error) { return Parse(s) }
func parse64(s string) (int, error) { return Parse(s) }
