//testgate:file-ignore sleep the fixtures below stand for a generated suite

package ignores

func fixture() {
	probe()
	probe()
}
