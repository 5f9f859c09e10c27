//go:build !unix

package testrun

import "os/exec"

// interruptGroup leaves cancelling to exec.CommandContext, which kills
// the go command; without process groups its test binaries may outlive it.
func interruptGroup(*exec.Cmd) {}
