package kinds

import "testing"

// go test refuses a TestXxx, BenchmarkXxx or FuzzXxx with another
// signature, so those cannot stand here; their look-alikes can.

func TestParses(t *testing.T) {} // want "test param=t"

func Test(t *testing.T) {} // want "test param=t"

func Test_snake(t *testing.T) {} // want "test param=t"

func Testify(t *testing.T) {} // want "param=t"

func TestMain(m *testing.M) {} // want "testmain"

func BenchmarkParse(b *testing.B) {} // want "benchmark param=b"

func Benchmarker(t *testing.T) {} // want "param=t"

func FuzzParse(f *testing.F) {} // want "fuzz param=f"

func Fuzzer(t *testing.T) {} // want "param=t"

func ExampleParse() {} // want "example"

func Example_second() {} // want "example"

func Examples() {}

func ExampleTakesT(t *testing.T) {} // want "param=t"

func ExampleGeneric[T any]() {}

type suite struct{}

func (suite) TestMethod(t *testing.T) {} // want "param=t"
