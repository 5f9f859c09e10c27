// Package a is code under test.
package a

import (
	"errors"
	"strconv"
)

// Num is a number that prints itself.
type Num int

func (n Num) String() string { return strconv.Itoa(int(n)) }

// Add adds.
func Add(x, y int) int { return x + y }

// Parse parses a decimal number.
func Parse(s string) (Num, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	n, err := strconv.Atoi(s)
	return Num(n), err
}
