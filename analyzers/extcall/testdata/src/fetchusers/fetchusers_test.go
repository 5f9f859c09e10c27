package fetchusers

import (
	"net/url"
	"os"
	"testing"

	"example.com/fetcher"
)

func TestClientClonesThroughItsGetterTable(t *testing.T) {
	g := new(fetcher.GitGetter)
	client := &fetcher.Client{
		Src:     "git@github.com:hashicorp/test-private-repo?sshkey=" + os.Getenv("KEY"),
		Dst:     t.TempDir(),
		Getters: map[string]fetcher.Getter{"git": g},
	}
	if err := client.Get(); err != nil { // want `test runs git clone against external host github.com via fetcher.Client.Get; use a repository made in t.TempDir \(git init\) or a fake`
		t.Fatal(err)
	}

	forced := &fetcher.Client{
		Src:     "git::ssh://git@github.com:22/hashicorp/test-private-repo",
		Getters: map[string]fetcher.Getter{"git": g},
	}
	forced.Get() // want `test runs git clone against external host github.com via fetcher.Client.Get`

	one := fetcher.Client{Src: "https://gitlab.com/org/repo.git", Dst: t.TempDir(), Getter: &fetcher.GitGetter{}}
	one.Fetch() // want `test runs git clone against external host gitlab.com via fetcher.Client.Fetch`

	fetcher.FetchWith(g, "https://bitbucket.org/org/repo.git") // want `test runs git clone against external host bitbucket.org via fetcher.FetchWith`

	var direct fetcher.Getter = g
	u, _ := url.Parse("https://github.com/hashicorp/go-getter")
	direct.Get(t.TempDir(), u) // want `test runs git clone against external host github.com via fetcher.GitGetter.Get`
}

func TestClientLookAlikes(t *testing.T) {
	// A getter that only records: nothing dials.
	rec := &fetcher.Client{
		Src:     "https://github.com/hashicorp/go-getter",
		Getters: map[string]fetcher.Getter{"https": new(fetcher.RecordingGetter)},
	}
	rec.Get()

	// A repository of the test's own.
	local := &fetcher.Client{
		Src:     "file://" + t.TempDir(),
		Getters: map[string]fetcher.Getter{"file": new(fetcher.GitGetter)},
	}
	local.Get()

	// A forced getter in front of a path of the test's own.
	forcedLocal := &fetcher.Client{
		Src:     "git::" + t.TempDir(),
		Getters: map[string]fetcher.Getter{"git": new(fetcher.GitGetter)},
	}
	forcedLocal.Get()

	// No table: the client's defaults, which the test does not show.
	(&fetcher.Client{Src: "https://github.com/hashicorp/go-getter"}).Get()

	// An invalid port: the URL does not parse, nothing dials.
	bad := &fetcher.Client{
		Src:     "ssh://git@github.com:hashicorp/repo",
		Getters: map[string]fetcher.Getter{"ssh": new(fetcher.GitGetter)},
	}
	bad.Get()

	// A mirror path computed from the source names another host.
	mirror := &fetcher.Client{Src: "https://github.com/hashicorp/go-getter", Dst: t.TempDir()}
	mirror.Mirror()

	fetcher.FetchWith(new(fetcher.RecordingGetter), "https://bitbucket.org/org/repo.git")

	var g fetcher.Getter = new(fetcher.RecordingGetter)
	u, _ := url.Parse("https://github.com/hashicorp/go-getter")
	g.Get(t.TempDir(), u)
}
