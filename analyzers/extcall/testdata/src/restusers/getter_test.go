package restusers // want package:"hasDialers"

import (
	"context"
	"net/url"
	"testing"

	"example.com/getter"
	"example.com/urlhelper"
)

func testURL(s string) *url.URL { // want testURL:`builds \{0\}`
	u, err := urlhelper.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestGettersReachTheirSources(t *testing.T) {
	g := new(getter.GitGetter)
	u, err := url.Parse("https://github.com/hashicorp/go-getter")
	if err != nil {
		t.Fatal(err)
	}
	g.Clone(context.Background(), t.TempDir(), u, "main", 1) // want `test runs git clone against external host github.com via getter.GitGetter.Clone`

	h := new(getter.HttpGetter)
	h.GetFile(t.TempDir(), testURL("https://releases.hashicorp.com/terraform/SHA256SUMS")) // want `test dials external host releases.hashicorp.com`

	b := new(getter.BucketGetter)
	b.ClientMode(testURL("https://storage.googleapis.com/hc-bucket/folder")) // want `test dials external host storage.googleapis.com`
	b.ClientMode(testURL("http://127.0.0.1:9000/bucket/folder"))
	b.Describe(testURL("https://storage.googleapis.com/hc-bucket/folder"))
	h.ClientMode(testURL("https://releases.hashicorp.com/terraform/"))

	local := testURL("http://127.0.0.1:8080/x")
	h.GetFile(t.TempDir(), local)
	g.Clone(context.Background(), t.TempDir(), testURL("file:///srv/repo.git"), "main", 1)
}
