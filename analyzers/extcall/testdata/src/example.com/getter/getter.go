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
	"strings"

	"example.com/objstore"
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

// ClientMode tells a directory from a file by the URL's path alone.
func (g *HttpGetter) ClientMode(u *url.URL) (int, error) {
	if strings.HasSuffix(u.Path, "/") {
		return 1, nil
	}
	return 0, nil
}

// BucketGetter fetches objects from a storage service through its SDK.
type BucketGetter struct{}

func (g *BucketGetter) GetFile(dst string, u *url.URL) error {
	c, err := objstore.NewClient(context.Background())
	if err != nil {
		return err
	}
	_, err = c.List(context.Background(), u.Host, u.Path)
	return err
}

// ClientMode lists the objects below the URL's path: a request.
func (g *BucketGetter) ClientMode(u *url.URL) (int, error) { // want ClientMode:"requests"
	c, err := objstore.NewClient(context.Background())
	if err != nil {
		return 0, err
	}
	names, err := c.List(context.Background(), u.Host, u.Path)
	return len(names), err
}

// Describe names the bucket: the SDK is asked nothing.
func (g *BucketGetter) Describe(u *url.URL) string {
	c, _ := objstore.NewClient(context.Background())
	return c.Bucket(u.Host).Name
}
