/* want `//testgate:file-ignore sleep silences no sleep finding in this file; remove the directive` */ //testgate:file-ignore sleep nothing here is reported

package ignores

/* want `//testgate:file-ignore sleep has no reason` */ //testgate:file-ignore sleep

func quiet() {}
