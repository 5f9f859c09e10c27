// Package subtests is a tiny parser whose tests exercise the testname
// analyzer's checks of t.Run names.
package subtests

import (
	"errors"
	"strconv"
)

// Parse parses a decimal number.
func Parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty input")
	}
	return strconv.Atoi(s)
}
