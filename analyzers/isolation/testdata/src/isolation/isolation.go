package isolation

import (
	"sync"
	"time"
)

var timeNow = time.Now

var debug bool

var retries = 3

type settings struct{ verbose bool }

var global settings

var registry = map[string]int{}

var testHookDial func(string)

func resetHooks() { testHookDial = nil }

// swap sets *p to v and returns the function that puts the old value back.
func swap[T any](p *T, v T) (restore func()) {
	old := *p
	*p = v
	return func() { *p = old }
}

var lazyOnce sync.Once

var lazyTable map[string]int

func parseFlag() (bool, error) { return true, nil }
