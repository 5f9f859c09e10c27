package getter // want package:"hasDialers"

// The package fetches sources the way download libraries do: git through
// a command line it builds, HTTP through a client of its own, buckets
// through a storage SDK.

import (
	"context"
	"net/http"
	"net/url"
	"os/exec"
	"strconv"
)

type GitGetter struct{}

func (g *GitGetter) Clone(ctx context.Context, dst string, u *url.URL, ref string, depth int) error { // want Clone:`dials \{3\} \{2\} \{1\}`
	args := []string{"clone"}
	if depth > 0 {
		args = append(args, "--depth", strconv.Itoa(depth))
		args = append(args, "--branch", ref)
	}
	args = append(args, "--", u.String(), dst)
	return exec.CommandContext(ctx, "git", args...).Run()
}

type HttpGetter struct{ Client *http.Client }

func (g *HttpGetter) GetFile(dst string, src *url.URL) error { // want GetFile:`dials \{1\}`
	if g.Client == nil {
		g.Client = &http.Client{}
	}
	resp, err := g.Client.Get(src.String())
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
