/* want `//testgate:file-ignore sleep silenced nothing in this file; remove it` */ //testgate:file-ignore sleep nothing here is reported

package ignores

/* want `//testgate:file-ignore sleep has no reason` */ //testgate:file-ignore sleep

func quiet() {}
