package generated

func handwritten() {
	probe() // want "probe testfile in=handwritten"
}
