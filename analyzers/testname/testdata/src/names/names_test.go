package names

import "testing"

// Placeholders and bare ordinals.

func Test1(t *testing.T)         { check(t) } // want `test name Test1 says nothing about what it verifies; name the behaviour under test \(e\.g\. TestParseRejectsEmptyInput\)`
func Test_2(t *testing.T)        { check(t) } // want `test name Test_2 says nothing`
func Test07(t *testing.T)        { check(t) } // want `test name Test07 says nothing`
func TestFoo(t *testing.T)       { check(t) } // want `test name TestFoo says nothing`
func Test_foo(t *testing.T)      { check(t) } // want `test name Test_foo says nothing`
func TestStuff(t *testing.T)     { check(t) } // want `test name TestStuff says nothing`
func TestIt(t *testing.T)        { check(t) } // want `test name TestIt says nothing`
func TestTemp(t *testing.T)      { check(t) } // want `test name TestTemp says nothing`
func TestTmp3(t *testing.T)      { check(t) } // want `test name TestTmp3 says nothing`
func TestSomething(t *testing.T) { check(t) } // want `test name TestSomething says nothing`
func TestThing2(t *testing.T)    { check(t) } // want `test name TestThing2 says nothing`
func TestCase_1(t *testing.T)    { check(t) } // want `test name TestCase_1 says nothing`
func TestTest(t *testing.T)      { check(t) } // want `test name TestTest says nothing`
func TestXXX(t *testing.T)       { check(t) } // want `test name TestXXX says nothing`
func TestBlah(t *testing.T)      { check(t) } // want `test name TestBlah says nothing`
func TestDummy(t *testing.T)     { check(t) } // want `test name TestDummy says nothing`
func TestExample(t *testing.T)   { check(t) } // want `test name TestExample says nothing`

// Ordinal copies of a sibling.

func TestLogin(t *testing.T)       { check(t) }
func TestLogin2(t *testing.T)      { check(t) } // want `test name TestLogin2 differs from TestLogin only by a number; name what it verifies that TestLogin does not`
func TestLogout1(t *testing.T)     { check(t) }
func TestLogout2(t *testing.T)     { check(t) } // want `test name TestLogout2 differs from TestLogout1 only by a number`
func TestParse(t *testing.T)       { check(t) }
func TestParse_2(t *testing.T)     { check(t) } // want `test name TestParse_2 differs from TestParse only by a number`
func TestLogin3(t *testing.T)      { check(t) } // want `test name TestLogin3 differs from TestLogin2 only by a number`
func TestNormalize(t *testing.T)   { check(t) }
func TestNormalize_3(t *testing.T) { check(t) } // want `test name TestNormalize_3 differs from TestNormalize only by a number`
func TestNormalize_7(t *testing.T) { check(t) } // want `test name TestNormalize_7 differs from TestNormalize_3 only by a number`
func TestDecode_v2(t *testing.T)   { check(t) }
func TestIssue_4721(t *testing.T)  { check(t) }
func TestIssue_4803(t *testing.T)  { check(t) }
func TestReader0(t *testing.T)     { check(t) }
func TestReader1(t *testing.T)     { check(t) } // want `test name TestReader1 differs from TestReader0 only by a number`

// Digits that mean something.

func TestHTTP(t *testing.T)              { check(t) }
func TestHTTP2(t *testing.T)             { check(t) }
func TestHTTP2Server(t *testing.T)       { check(t) }
func TestSHA1(t *testing.T)              { check(t) }
func TestSHA256(t *testing.T)            { check(t) }
func TestBase64(t *testing.T)            { check(t) }
func TestIssue1567(t *testing.T)         { check(t) }
func TestIssue1568(t *testing.T)         { check(t) }
func TestStatus404(t *testing.T)         { check(t) }
func TestGetInt(t *testing.T)            { check(t) }
func TestGetInt8(t *testing.T)           { check(t) }
func TestUint(t *testing.T)              { check(t) }
func TestUint8(t *testing.T)             { check(t) }
func TestUTF8(t *testing.T)              { check(t) }
func TestIPv4(t *testing.T)              { check(t) }
func TestIPv6(t *testing.T)              { check(t) }
func TestRFC3339(t *testing.T)           { check(t) }
func TestGo121(t *testing.T)             { check(t) }
func TestGo122(t *testing.T)             { check(t) }
func TestParseV1(t *testing.T)           { check(t) }
func TestParseV2(t *testing.T)           { check(t) }
func TestEncode32(t *testing.T)          { check(t) }
func TestEncode64(t *testing.T)          { check(t) }
func TestDecode(t *testing.T)            { check(t) }
func TestDecode16(t *testing.T)          { check(t) }
func TestLogin2FA(t *testing.T)          { check(t) }
func Test1328(t *testing.T)              { check(t) } // golang.org/issue/1328, as in cgo's tests
func TestP256(t *testing.T)              { check(t) }
func TestP384(t *testing.T)              { check(t) }
func TestMD5(t *testing.T)               { check(t) }
func TestMD(t *testing.T)                { check(t) }
func TestConnectionClose10(t *testing.T) { check(t) } // HTTP/1.0
func TestConnectionClose11(t *testing.T) { check(t) } // HTTP/1.1
func TestBitwise(t *testing.T)           { check(t) }
func TestBitwise8(t *testing.T)          { check(t) } // the 8-bit variant: no TestBitwise2..7
func TestEncodeGo1Dot4(t *testing.T)     { check(t) }
func TestEncodeGo1Dot5(t *testing.T)     { check(t) }
func TestLatin1(t *testing.T)            { check(t) }
func TestNew(t *testing.T)               { check(t) }
func TestNewClient(t *testing.T)         { check(t) }
func TestFunc(t *testing.T)              { check(t) } // names.Func
func TestTODO(t *testing.T)              { check(t) } // names.TODO
func TestBasic(t *testing.T)             { check(t) }
func TestAll(t *testing.T)               { check(t) }
func TestTemperature(t *testing.T)       { check(t) }
func TestFooter(t *testing.T)            { check(t) }
func TestItemsAreSorted(t *testing.T)    { check(t) }
func Test(t *testing.T)                  { check(t) } // the hook of a gocheck-style suite

// Not tests at all.

type suite struct{}

func (suite) Test3(t *testing.T) { check(t) } // a suite method, run by a suite runner
func test4(t *testing.T)         { check(t) }
func Benchmark1(b *testing.B)    {}

// Suppression.

//testgate:ignore testname the numbering follows the upstream conformance suite
func Test5(t *testing.T) { check(t) }

/* want `//testgate:ignore testname has no reason` */ //testgate:ignore testname
func Test6(t *testing.T)                              { check(t) } // want `test name Test6 says nothing`

func check(t *testing.T) {
	t.Helper()
	if _, err := Parse("alice"); err != nil {
		t.Fatal(err)
	}
}
