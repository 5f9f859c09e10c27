package main

import (
	"fmt"
	"io"
)

func runCheck(_ []string, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, "testgate check: not implemented yet")
	return exitBadUsage
}
