// Package order keeps a registry in package state, which its tests share.
package order

import "strings"

var users []string

// Register adds a user to the registry.
func Register(name string) { users = append(users, Trim(name)) }

// Count returns how many users are registered.
func Count() int { return len(users) }

// Trim normalizes a user name.
func Trim(name string) string { return strings.TrimSpace(name) }

// CountOf returns the length of names.
func CountOf(names []string) int { return len(names) }
