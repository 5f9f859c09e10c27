package ignores

import "testing"

func TestDirectives(t *testing.T) { // want "test param=t"
	//testgate:ignore sleep the probe's finding below is what this silences
	probe()
	/* want `//testgate:ignore sleep silences no sleep finding on its line or the next; remove the directive` */ //testgate:ignore sleep nothing is reported here
	_ = t
	/* want `//testgate:ignore names "slep", which is no testgate analyzer \(did you mean sleep\?\)` */ //testgate:ignore slep misspelt
	probe()                                                                                             // want "probe testfile in=TestDirectives"
	//testgate:ignore sekret,secret names another analyzer and an unknown name that it reports
	probe() // want "probe testfile in=TestDirectives"
}
