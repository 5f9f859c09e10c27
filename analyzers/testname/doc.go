// Package testname defines an Analyzer that reports test and subtest names
// that do not say what is verified.
//
// # Analyzer testname
//
// testname: report test and subtest names that say nothing about what they verify
//
// A failing test is first read by its name in a CI log. "--- FAIL: Test2"
// or "--- FAIL: TestParse/case_3" sends the reader into the source to find
// out what broke; "--- FAIL: TestParse/rejects_empty_input" does not. The
// analyzer reports, in _test.go files:
//
// Top-level tests whose distinguishing part, after Test and an optional
// underscore, is a placeholder word (It, Foo, Bar, Stuff, Thing, Something,
// Temp, Tmp, Test, Func, Case, Example, Misc, Todo, Xxx, Dummy, ...),
// optionally followed by a number, or a bare one- or two-digit number:
//
//	func Test1(t *testing.T)
//	func TestFoo(t *testing.T)
//	func Test_tmp2(t *testing.T)
//
// A placeholder that is also an identifier of the package under test is
// taken at its word: expvar's TestFunc tests expvar.Func, context's TestTODO
// tests context.TODO. Longer bare numbers (cgo's Test1328) are issue
// numbers by convention and are left alone.
//
// Tests that differ from a sibling only by an ordinal: TestLogin2 beside
// TestLogin or TestLogin1, and, since an underscore sets a number apart as
// a count, TestNormalize_3 beside any lower TestNormalize or
// TestNormalize_N, gaps or not. Digits that complete a word are left alone:
// TestHTTP2Server, TestSHA256, TestBase64, TestIssue1567, TestStatus404,
// TestGetInt8, TestIPv6, TestParseV2, and any name whose last word plus
// digits is a word of an identifier of the package under test (Login2,
// http2Server) or a predeclared type (int8, float64).
//
// Subtests of *testing.T whose name is empty, a number, or a placeholder
// plus a number ("1", "#2", "test3", "case 4"), or is only the loop index:
//
//	for i, tc := range tests {
//		t.Run(strconv.Itoa(i), ...)             // or fmt.Sprint(i), fmt.Sprintf("case %d", i+1)
//	}
//
// A qualifier before the count does not make it a name when the loop
// ranges over a table literal whose cases hold a string or a number that
// could name them: fmt.Sprintf("windows case %d", i) is the same text for
// every case. The count must follow a word that says "case" (case, test,
// tc, subtest, scenario), so "badStrings#%d", an index into a named list
// of fuzzer finds, and "leading zeros %d" are left alone; so are
// collections built at run time (servers, connections) and tables of
// functions, which have nothing but the index to tell their members apart.
//
// A bare number counts only when it has one or two digits, is not zero and
// the case does not spell it elsewhere: t.Run("404", ...), t.Run("0", ...),
// {name: "5", want: 5} and {"32", New32} name the case by its value.
//
// A counter of a for loop, or of a range over an integer, counts as the
// index only when the body uses it to index something; otherwise it is the
// input of the case (t.Run(fmt.Sprint(n), ...) for n workers) and names it.
//
// Constant subtest names that one *testing.T uses twice, outside of
// mutually exclusive if or switch branches: go test silently renames the
// second to name#01, so a failure cannot be traced to its source.
//
// Table-driven tests: when t.Run takes its name from the cases of a table
// literal (t.Run(tc.name, ...) over a slice, array or map literal declared
// in the test or at package level, t.Run(tests[i].name, ...), the keys of a
// map literal, the elements of a []string literal), each case's name is
// checked as above, including cases that leave the name field unset, and
// names repeated within the table are reported at their second occurrence.
// When the loop also passes the name to the code under test (t.Run(tc.in,
// ...) and Parse(tc.in)), the name is the input itself: "1" and "" are then
// good names and only repeats are reported. When the loop assigns the name,
// the table is not checked.
//
// Deliberately not reported: benchmarks (b.Run("1KB"), b.Run("100") name
// sizes, which is what sub-benchmarks are about), names built from more
// than the index (fmt.Sprintf("%s/%d", tc.name, n)), tables built by
// function calls, names that are weak but say something (TestNew,
// TestBasic, TestAll, "simple"), and func Test(t *testing.T), the hook of
// gocheck-style suites.
//
// There are no suggested fixes: a good name says what the test verifies,
// which only its author knows.
//
// Generated files are left alone: their generator owns the names.
package testname
