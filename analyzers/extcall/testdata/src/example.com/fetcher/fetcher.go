package fetcher // want package:"hasDialers"

// The package downloads sources the way go-getter's Client does: the
// source sits in a field of the client, is normalized by functions that may
// return it unchanged, and reaches the getter that the client's table holds
// for its scheme, through an interface.

import (
	"errors"
	"net/url"
	"os/exec"
	"path"
	"strings"
)

// Getter fetches the source at u into dst.
type Getter interface {
	Get(dst string, u *url.URL) error
}

// GitGetter clones with the git command line.
type GitGetter struct{}

func (g *GitGetter) Get(dst string, u *url.URL) error { // want Get:`dials \{1\} \{0\}`
	return exec.Command("git", "clone", u.String(), dst).Run()
}

// RecordingGetter only notes what it was asked for.
type RecordingGetter struct{ Got []string }

func (g *RecordingGetter) Get(dst string, u *url.URL) error {
	g.Got = append(g.Got, u.String())
	return nil
}

// Client downloads Src into Dst with the getter of Src's scheme.
type Client struct {
	Src     string
	Dst     string
	Getters map[string]Getter
	Getter  Getter // used when set, whatever the scheme
}

func (c *Client) Get() error { // want Get:`dials \{recv.Getters\}\[\].Get\(\{recv.Dst\}, \{~recv.Src\}...\)`
	src, err := Detect(c.Src)
	if err != nil {
		return err
	}
	force, src := splitForced(src)
	u, err := url.Parse(src)
	if err != nil {
		return err
	}
	u.RawQuery = ""
	if force == "" {
		force = u.Scheme
	}
	g, ok := c.Getters[force]
	if !ok {
		return errors.New("no getter for " + force)
	}
	return g.Get(c.Dst, u)
}

// Fetch downloads Src with the client's one getter.
func (c *Client) Fetch() error { // want Fetch:`dials \{recv.Getter\}.Get\(\{recv.Dst\}, \{~recv.Src\}...\)`
	u, err := url.Parse(c.Src)
	if err != nil {
		return err
	}
	u.Fragment = ""
	return c.Getter.Get(c.Dst, u)
}

// FetchWith downloads src with the getter it is given.
func FetchWith(g Getter, src string) error { // want FetchWith:`dials \{0\}.Get\(, \{1\}\)`
	u, err := url.Parse(src)
	if err != nil {
		return err
	}
	return g.Get("", u)
}

// Mirror clones the local mirror of Src: a value computed from the
// source that does not start with it, so its host is not the source's.
func (c *Client) Mirror() error { // want Mirror:`dials \{recv.Dst\}`
	return exec.Command("git", "clone", mirrorOf(c.Src), c.Dst).Run()
}

func mirrorOf(src string) string { // want mirrorOf:`builds file:///srv/mirrors/...`
	return "file:///srv/mirrors/" + path.Base(src)
}

// Detect turns shorthands into URLs; a URL with a scheme is returned as
// it is.
func Detect(src string) (string, error) { // want Detect:`passes \{~0\} -`
	if strings.Contains(src, "://") {
		return src, nil
	}
	for _, d := range detectors {
		if out, ok := d(src); ok {
			return out, nil
		}
	}
	return "", errors.New("invalid source " + src)
}

var detectors []func(string) (string, bool)

// splitForced splits "git::https://..." into the forced getter and the
// source.
func splitForced(src string) (string, string) { // want splitForced:`passes - \{~0\}`
	force, rest, ok := strings.Cut(src, "::")
	if !ok {
		return "", src
	}
	return force, rest
}
