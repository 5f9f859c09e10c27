package argv

import (
	"reflect"
	"testing"
)

func TestSplitReadsFlagsAsPackageFlagDoes(t *testing.T) {
	takesValue := func(name string) bool { return name == "run" || name == "tags" }
	parsed, rest := Split([]string{"-v", "--run", "TestX", "-tags=a,b", "./...", "-", "---x", "-count=1", "-tags", "-v", "--", "-after"}, takesValue, "--")
	want := []Arg{
		{Name: "v", Raw: []string{"-v"}},
		{Name: "run", Value: "TestX", HasValue: true, Raw: []string{"--run", "TestX"}},
		{Name: "tags", Value: "a,b", HasValue: true, Raw: []string{"-tags=a,b"}},
		{Raw: []string{"./..."}},
		{Raw: []string{"-"}},
		{Raw: []string{"---x"}},
		{Name: "count", Value: "1", HasValue: true, Raw: []string{"-count=1"}},
		// As in package flag, a flag's value may start with a dash.
		{Name: "tags", Value: "-v", HasValue: true, Raw: []string{"-tags", "-v"}},
	}
	if !reflect.DeepEqual(parsed, want) {
		t.Errorf("parsed =\n%+v\nwant\n%+v", parsed, want)
	}
	if !reflect.DeepEqual(rest, []string{"--", "-after"}) {
		t.Errorf("rest = %q, want the stop argument and what follows", rest)
	}
}

func TestSplitWithoutValueFlagsTakesNoValue(t *testing.T) {
	parsed, rest := Split([]string{"-cpuprofile", "cpu.out", "-run"}, func(string) bool { return true })
	if len(parsed) != 2 || !parsed[0].HasValue || parsed[1].HasValue || rest != nil {
		t.Errorf("Split = %+v, %q; want a flag with its value and a last flag without one", parsed, rest)
	}
	parsed, rest = Split([]string{"-cpuprofile", "cpu.out"}, nil)
	if len(parsed) != 2 || parsed[0].HasValue || parsed[1].Name != "" || rest != nil {
		t.Errorf("Split = %+v, %q; want a flag without value and an argument", parsed, rest)
	}
}
