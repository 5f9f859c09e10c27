package main

import (
	"fmt"
	"io"
)

func runCover(_ []string, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, "testgate cover: not implemented yet")
	return exitBadUsage
}
