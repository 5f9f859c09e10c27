package subtests

import (
	"fmt"
	"strconv"
	"testing"
)

func TestRunConstantNames(t *testing.T) {
	t.Run("1", func(t *testing.T) { parses(t, "+7", 7) })               // want `subtest name "1" says nothing about the case; describe the input or expectation`
	t.Run("#2", func(t *testing.T) { parses(t, "2", 2) })               // want `subtest name "#2" says nothing`
	t.Run("test3", func(t *testing.T) { parses(t, "3", 3) })            // want `subtest name "test3" says nothing`
	t.Run("case 4", func(t *testing.T) { parses(t, "4", 4) })           // want `subtest name "case 4" says nothing`
	t.Run("Test case #5", func(t *testing.T) { parses(t, "5", 5) })     // want `subtest name "Test case #5" says nothing`
	t.Run("tc_06", func(t *testing.T) { parses(t, "6", 6) })            // want `subtest name "tc_06" says nothing`
	t.Run("", func(t *testing.T) { parses(t, "7", 7) })                 // want `subtest name is empty; go test numbers it #00, #01, ... so a failure can't be traced; describe the input or expectation`
	t.Run(" ", func(t *testing.T) { parses(t, "8", 8) })                // want `subtest name is empty`
	t.Run("single digit", func(t *testing.T) { parses(t, "9", 9) })     // a description
	t.Run("n=10", func(t *testing.T) { parses(t, "10", 10) })           // a parameter
	t.Run("404", func(t *testing.T) { parses(t, "404", 404) })          // a value: three digits are not a count
	t.Run("2006-01-02", func(t *testing.T) { parses(t, "2006", 2006) }) // a layout
	t.Run("http2", func(t *testing.T) { parses(t, "2", 2) })
	t.Run("sha256", func(t *testing.T) { parses(t, "256", 256) })
	t.Run("v1", func(t *testing.T) { parses(t, "1", 1) })
	t.Run("RFC 3339", func(t *testing.T) { parses(t, "3339", 3339) })
	t.Run("TLSv13", func(t *testing.T) { parses(t, "13", 13) })
	t.Run("P-256", func(t *testing.T) { parses(t, "256", 256) })
	t.Run("debug=1", func(t *testing.T) { parses(t, "1", 1) })
	t.Run("dotdot1", func(t *testing.T) { parses(t, "1", 1) })
	t.Run("simple", func(t *testing.T) { parses(t, "11", 11) })
	t.Run("test", func(t *testing.T) { parses(t, "12", 12) }) // a weak name, but not a counter
}

func TestRunNumbersThatAreInputs(t *testing.T) {
	t.Run("0", func(t *testing.T) { parses(t, "0", 0) })
	t.Run("1", func(t *testing.T) { parses(t, strconv.Itoa(1), 1) })
	t.Run("00", func(t *testing.T) { parsesOK(t, "-0") }) // zero, not a count
	t.Run("sample-1", func(t *testing.T) { parsesOK(t, "1") })
	t.Run("example 2", func(t *testing.T) { parsesOK(t, "2") })
}

// The same name on paths that exclude each other, as crypto/tls's
// runWithFIPSDisabled does.
func runWithStrictParsing(t *testing.T, strict bool, test func(t *testing.T)) {
	if !strict {
		t.Run("strict", func(t *testing.T) {
			t.Skip("strict parsing is off")
		})
		return
	}
	t.Run("strict", test)
}

func TestRunRepeatedAfterFatal(t *testing.T) {
	for _, in := range inputs {
		if in == "" {
			t.Run("empty input", func(t *testing.T) { parsesOK(t, in) })
			continue
		}
		t.Run("empty input", func(t *testing.T) { parsesOK(t, in) }) // the branch above continues
	}
	t.Run("twice", func(t *testing.T) { parsesOK(t, "1") })
	if testing.Short() {
		t.Run("twice", func(t *testing.T) { parsesOK(t, "2") }) // want `duplicate subtest name "twice"`
	}
}

func TestRunRepeatedNames(t *testing.T) {
	t.Run("valid", func(t *testing.T) { parses(t, "1", 1) })
	t.Run("valid", func(t *testing.T) { parses(t, "2", 2) }) // want `duplicate subtest name "valid" \(also at line 69\); go test renames it to "valid#01" so a failure can't be traced`
	t.Run("leading zero", func(t *testing.T) { parses(t, "01", 1) })
	t.Run("leading_zero", func(t *testing.T) { parses(t, "001", 1) }) // want `duplicate subtest name "leading_zero" \(also at line 71\); go test renames it to "leading_zero#01"`
	t.Run("valid", func(t *testing.T) { parses(t, "3", 3) })          // want `duplicate subtest name "valid" \(also at line 69\); go test renames it to "valid#02"`
	t.Run("nested", func(t *testing.T) {
		t.Run("valid", func(t *testing.T) { parses(t, "4", 4) }) // another parent: nested/valid
		t.Run("valid", func(t *testing.T) { parses(t, "5", 5) }) // want `duplicate subtest name "valid" \(also at line 75\)`
	})
	if testing.Short() {
		t.Run("fast path", func(t *testing.T) { parses(t, "6", 6) })
	} else {
		t.Run("fast path", func(t *testing.T) { parses(t, "7", 7) }) // the other branch: never both
	}
	switch {
	case testing.Verbose():
		t.Run("mode", func(t *testing.T) { parses(t, "8", 8) })
	default:
		t.Run("mode", func(t *testing.T) { parses(t, "9", 9) })
	}
}

func TestRunValidInAnotherTest(t *testing.T) {
	t.Run("valid", func(t *testing.T) { parses(t, "1", 1) }) // another parent test
}

var inputs = []string{"1", "22", "333"}

func TestRunLoopIndex(t *testing.T) {
	for i, in := range inputs {
		t.Run(strconv.Itoa(i), func(t *testing.T) { parsesOK(t, in) }) // want `subtest name strconv.Itoa\(i\) is only the loop index; describe the input or expectation`
	}
	for i, in := range inputs {
		t.Run(fmt.Sprint(i), func(t *testing.T) { parsesOK(t, in) }) // want `subtest name fmt.Sprint\(i\) is only the loop index`
	}
	for i, in := range inputs {
		t.Run(fmt.Sprintf("case %d", i), func(t *testing.T) { parsesOK(t, in) }) // want `subtest name fmt.Sprintf\("case %d", i\) is only the loop index`
	}
	for i := range inputs {
		t.Run("test"+strconv.Itoa(i), func(t *testing.T) { parsesOK(t, inputs[i]) }) // want `subtest name "test" \+ strconv.Itoa\(i\) is only the loop index`
	}
	for i := 0; i < len(inputs); i++ {
		t.Run(fmt.Sprintf("#%02d", i), func(t *testing.T) { // want `subtest name fmt.Sprintf\("#%02d", i\) is only the loop index`
			in := inputs[i]
			if _, err := Parse(in); err != nil {
				t.Errorf("case %d: Parse(%q): %v", i, in, err)
			}
		})
	}
	for i := range len(inputs) {
		t.Run(strconv.FormatInt(int64(i), 10), func(t *testing.T) { parsesOK(t, inputs[i]) }) // want `subtest name strconv.FormatInt\(int64\(i\), 10\) is only the loop index`
	}
}

// A count of cases after a qualifier: the qualifier is the same for every
// case, and a table whose cases hold a string or a number could name each
// one, so the count is no name.
func TestRunLoopIndexWithText(t *testing.T) {
	if testing.Short() {
		cases := []struct {
			in   string
			want int
		}{{"+1", 1}, {"-1", -1}}
		for i, c := range cases {
			t.Run(fmt.Sprintf("windows case %d", i), func(t *testing.T) { parses(t, c.in, c.want) }) // want `subtest name fmt.Sprintf\("windows case %d", i\) tells the cases apart only by the loop index; name each case by its input or expectation`
		}
		return
	}
	cases := []struct {
		in   string
		want int
	}{{"1", 1}, {"2", 2}}
	for i, c := range cases {
		t.Run(fmt.Sprintf("unix case %d", i), func(t *testing.T) { parses(t, c.in, c.want) }) // want `subtest name fmt.Sprintf\("unix case %d", i\) tells the cases apart only by the loop index`
	}
	for i := 0; i < len(cases); i++ {
		c := cases[i]
		t.Run("signedCase"+strconv.Itoa(i), func(t *testing.T) { parses(t, c.in, c.want) }) // want `subtest name "signedCase" \+ strconv.Itoa\(i\) tells the cases apart only by the loop index`
	}
	for i, in := range []string{"x", "1.5", "0x"} {
		t.Run(fmt.Sprintf("invalid input test #%d", i), func(t *testing.T) { // want `subtest name fmt.Sprintf\("invalid input test #%d", i\) tells the cases apart only by the loop index`
			if _, err := Parse(in); err == nil {
				t.Errorf("Parse(%q) succeeded", in)
			}
		})
	}
	checks := []struct{ check func(*testing.T) }{{func(t *testing.T) { parsesOK(t, "1") }}}
	for i, c := range checks {
		t.Run(fmt.Sprintf("test %d", i+1), c.check) // want `subtest name fmt.Sprintf\("test %d", i \+ 1\) is only the loop index`
	}
}

// Look-alikes: the index beside a value of the case, a value that is not
// the index, a counter that repeats one case, an index that points into a
// named list or counts something other than cases, members of a
// collection built at run time, and cases that hold nothing that could
// name them.
func TestRunLoopIndexWithTextLookAlikes(t *testing.T) {
	cases := []struct {
		name, in string
	}{{"plus sign", "+1"}, {"minus sign", "-1"}}
	for i, tc := range cases {
		t.Run(fmt.Sprintf("%s_%d", tc.name, i), func(t *testing.T) { parsesOK(t, tc.in) })
	}
	for _, n := range []int{1, 64, 4096} {
		t.Run(fmt.Sprintf("size=%d", n), func(t *testing.T) { parses(t, strconv.Itoa(n), n) })
	}
	for attempt := 0; attempt < 3; attempt++ {
		t.Run(fmt.Sprintf("retry %d", attempt), func(t *testing.T) { parsesOK(t, "42") })
	}
	for i, in := range badInputs {
		t.Run(fmt.Sprintf("badInputs#%d", i), func(t *testing.T) { // badInputs[i]: opaque bytes found by fuzzing
			if _, err := Parse(in); err == nil {
				t.Errorf("Parse(%q) succeeded", in)
			}
		})
	}
	for i, in := range []string{"7", "07", "007"} {
		t.Run(fmt.Sprintf("leading zeros %d", i), func(t *testing.T) { parses(t, in, 7) })
	}
	parsers := startParsers(3)
	for i, p := range parsers {
		t.Run(fmt.Sprintf("parser test %d", i), func(t *testing.T) { p(t) })
	}
	checks := []func(*testing.T){
		func(t *testing.T) { parsesOK(t, "1") },
		func(t *testing.T) { parsesOK(t, "2") },
	}
	for i, check := range checks {
		t.Run(fmt.Sprintf("digits case %d", i), check)
	}
}

var badInputs = []string{"\xb5/\xfd00\xec", "(\xb5/\xfd\x10"}

func startParsers(n int) []func(*testing.T) {
	parsers := make([]func(*testing.T), n)
	for i := range parsers {
		parsers[i] = func(t *testing.T) { parsesOK(t, strconv.Itoa(i)) }
	}
	return parsers
}

func TestRunNamesFromTheInput(t *testing.T) {
	for _, in := range inputs {
		t.Run(in, func(t *testing.T) { parsesOK(t, in) }) // the input names the case
	}
	for i, in := range inputs {
		t.Run(fmt.Sprintf("%s/%d", in, i), func(t *testing.T) { parsesOK(t, in) })
	}
	for n := 1; n <= 4; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) { parses(t, strconv.Itoa(n), n) }) // n is the input
	}
	for workers := range 3 {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) { parses(t, strconv.Itoa(workers), workers) })
	}
	for attempt := range 3 {
		t.Run(strconv.Itoa(attempt), func(t *testing.T) { parsesOK(t, "42") }) // repeats one case: the count is all there is
	}
	for size := range map[int]string{1: "one", 10: "ten"} {
		t.Run(strconv.Itoa(size), func(t *testing.T) { parses(t, strconv.Itoa(size), size) })
	}
	for i, n := range []int{1, 10, 100} {
		t.Run(strconv.Itoa(n), func(t *testing.T) { // n is the case's value, not its index
			if i < 0 {
				t.Fatal("negative index")
			}
			parses(t, strconv.Itoa(n), n)
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, size := range []string{"1", "100", "10000"} {
		b.Run(size, func(b *testing.B) {
			for b.Loop() {
				Parse(size)
			}
		})
	}
	for i, in := range inputs {
		b.Run(strconv.Itoa(i), func(b *testing.B) { // sub-benchmarks are out of scope
			for b.Loop() {
				Parse(in)
			}
		})
	}
	b.Run("1KB", func(b *testing.B) {})
	b.Run("1", func(b *testing.B) {})
}

func TestRunSuppressed(t *testing.T) {
	//testgate:ignore testname the case numbers mirror the spec's numbered examples
	t.Run("1", func(t *testing.T) { parsesOK(t, "I") })
}

func parses(t *testing.T, in string, want int) {
	t.Helper()
	got, err := Parse(in)
	if err != nil || got != want {
		t.Errorf("Parse(%q) = %d, %v; want %d", in, got, err, want)
	}
}

func parsesOK(t *testing.T, in string) {
	t.Helper()
	if _, err := Parse(in); err != nil {
		t.Errorf("Parse(%q): %v", in, err)
	}
}
