package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
	"github.com/testgate/testgate/internal/cli"
)

func runCover(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlagSet("testgate cover", cli.CoverUsage, stderr)
	opts := cli.RegisterCoverFlags(fs)
	profiles, code, ok := cli.ParseInterleaved(fs, args)
	if !ok {
		return code
	}
	fail := failure(stderr, "testgate cover", exitBadUsage)
	if len(profiles) == 0 && len(opts.Gate.CoverDirs) == 0 {
		return fail(errors.New("no profile given; usage: testgate cover [flags] PROFILE [PROFILE...]"))
	}
	_, gate, err := opts.Configure()
	if err != nil {
		return fail(err)
	}
	gate.Profiles = profiles
	r, warnings, err := coverage.Check(gate)
	if err != nil {
		return fail(err)
	}
	printWarnings(stderr, warnings)
	render, _ := report.Lookup(opts.Format)
	if err := render(stdout, r); err != nil {
		return fail(err)
	}
	if err := opts.WriteFiles(r); err != nil {
		return fail(err)
	}
	if !r.Pass {
		return exitFailed
	}
	return exitOK
}

func printWarnings(stderr io.Writer, warnings []coverage.Warning) {
	for _, w := range warnings {
		fmt.Fprintf(stderr, "testgate cover: warning: %s\n", w)
	}
}
