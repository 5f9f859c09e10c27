package probe

func probe() {}

func notATestFile() {
	probe() // want "probe in=notATestFile"
	//testgate:ignore probe directives count in test files only
	probe() // want "probe in=notATestFile"
	//testgate:ignore probe
	probe() // want "probe in=notATestFile"
}
