// Package errs returns errors in the forms -skip-error-returns sets aside
// (a bare and a wrapped err) and one it keeps (a new error).
package errs

import (
	"errors"
	"fmt"
	"os"
)

// Load reads a file that must not be empty.
func Load(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	return data, nil
}

// Check reports whether Load succeeds.
func Check(name string) error {
	if _, err := Load(name); err != nil {
		return err
	}
	return nil
}
