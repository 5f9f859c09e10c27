package commented

import "testing"

func TestParseCountsBytes(t *testing.T) {
	if n, _ := Parse("abc"); n != 3 {
		t.Errorf("Parse = %d, want 3", n)
	}
}

// func TestParseEmpty(t *testing.T) { // want `TestParseEmpty is commented out \(lines 11-16\); restore it or delete it`
// 	n, err := Parse("")
// 	if err != nil || n != 0 {
// 		t.Errorf("Parse(\"\") = %d, %v", n, err)
// 	}
// }

//func TestParseWithBlankLines(t *testing.T) { // want `TestParseWithBlankLines is commented out \(lines 18-24\)`
//	n, _ := Parse("a")

//	if n != 1 {
//		t.Error("want 1")
//	}
//}

//testgate:ignore disabled the v1 format, kept until the migration guide is written
// func TestParseV1(t *testing.T) {
// 	Parse("v1")
// }

// Writing a test for a parser looks like this:
//
//	func TestParseSomething(t *testing.T) {
//		if _, err := Parse("x"); err != nil {
//			t.Fatal(err)
//		}
//	}
func TestParseDocumented(t *testing.T) {
	if _, err := Parse("x"); err != nil {
		t.Fatal(err)
	}
}

// func TestParseHeaderOnly(t *testing.T) {
// was the name of the test below before it was split.
func TestParseSplit(t *testing.T) {
	if _, err := Parse("y"); err != nil {
		t.Fatal(err)
	}
}

// func TestParseStub(t *testing.T) {
// }

// func Testparse(t *testing.T) {
//	Parse("lower-case: go test never ran it")
// }

// func BenchmarkParse(b *testing.B) {
// 	for b.Loop() {
// 		Parse("abc")
// 	}
// }

// func helperParse(t *testing.T) {
// 	Parse("z")
// }

// func TestParseDistant(t *testing.T) {
var distant = 1

//	Parse("d")
// }
