// Package clock holds the kind of package-level hooks tests swap out.
package clock

import "time"

// Now is the clock the package reads; tests replace it.
var Now = time.Now

// Config is shared configuration.
type Config struct {
	Timeout time.Duration
	Retries int
}

// Default is the configuration in force.
var Default = &Config{Timeout: time.Second}

// Zone is a value-typed package variable.
var Zone = Config{}

// Verbose is a flag-style pointer.
var Verbose = new(bool)
