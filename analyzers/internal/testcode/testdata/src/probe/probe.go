package probe

func probe() {}

func notATestFile() {
	probe() // want "probe in=notATestFile"
}
