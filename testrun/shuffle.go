package testrun

import (
	"fmt"
	"strconv"
	"time"
)

// ParseShuffle reads a -shuffle value as go test does: "off" (nil: source
// order), "on" or a seed. For "on" it draws the seed itself, from the
// clock as go test would inside each test binary, so that one seed, which
// check prints, replays the order of every package.
func ParseShuffle(s string) (*int64, error) {
	switch s {
	case "off":
		return nil, nil
	case "on":
		seed := time.Now().UnixNano()
		return &seed, nil
	}
	seed, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("-shuffle is %q: want on, off or a seed (an integer)", s)
	}
	return &seed, nil
}

// ShuffleFlag returns the go test flag that runs tests in the order of
// seed, or in source order when seed is nil.
func ShuffleFlag(seed *int64) string {
	if seed == nil {
		return "-shuffle=off"
	}
	return "-shuffle=" + strconv.FormatInt(*seed, 10)
}
