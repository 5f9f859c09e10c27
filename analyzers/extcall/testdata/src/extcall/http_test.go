package extcall

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"apiclient"
	"testutil"
)

const githubAPI = "https://api.github.com"

var statusPage = "https://www.githubstatus.com/api/v2/status.json"

func TestGetLiteralURL(t *testing.T) {
	resp, err := http.Get("https://api.github.com/repos/golang/go") // want `test dials external host api.github.com; serve it from httptest.NewServer or a fake transport`
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func TestPostConstantAndPackageVar(t *testing.T) {
	http.Post(githubAPI+"/markdown", "text/plain", strings.NewReader("# hi")) // want `external host api.github.com`
	http.Head(statusPage)                                                     // want `external host www.githubstatus.com`
	http.PostForm("http://203.0.113.7/login", url.Values{})                   // documentation address
}

func TestSprintfAndLocalVariable(t *testing.T) {
	u := fmt.Sprintf("https://hooks.slack.com/services/%s/%s", "T000", "B000")
	http.Get(u) // want `external host hooks.slack.com`

	endpoint := "https://" + "storage.googleapis.com" + "/bucket"
	http.Get(endpoint) // want `external host storage.googleapis.com`

	id := 42
	http.Get(fmt.Sprintf("https://api.github.com/issues/%d", id)) // want `external host api.github.com`
	http.Get(fmt.Sprintf("%s/issues", githubAPI))                 // want `external host api.github.com`
	http.Get(fmt.Sprintf("https://%s/issues", os.Getenv("GITHUB_HOST")))
}

func TestClientWithoutFakeTransport(t *testing.T) {
	client := &http.Client{}
	client.Get("https://api.stripe.com/v1/charges") // want `external host api.stripe.com`

	plain := &http.Client{Transport: &http.Transport{MaxIdleConns: 1}}
	plain.Get("https://10.1.2.3/health") // want `external host 10.1.2.3`

	http.DefaultClient.Get("https://8.8.8.8/") // want `external host 8.8.8.8`
}

func TestNewRequestThenDo(t *testing.T) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://api.github.com/user", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "token x")
	http.DefaultClient.Do(req)                          // want `external host api.github.com`
	http.DefaultClient.Do(req.WithContext(t.Context())) // want `external host api.github.com`
	http.DefaultTransport.RoundTrip(req)                // want `external host api.github.com`
}

func TestFunctionsOfTheModule(t *testing.T) {
	apiclient.Fetch(http.DefaultClient, "https://api.github.com/repos") // want `external host api.github.com via apiclient.Fetch`
	apiclient.Get(t.Context(), "https://registry.npmjs.org/left-pad")   // want `external host registry.npmjs.org via apiclient.Get`
	apiclient.GetJSON("https://proxy.golang.org/rsc.io/quote/@v/list")  // want `external host proxy.golang.org via apiclient.GetJSON`
	apiclient.Status("status.aws.amazon.com")                           // want `external host status.aws.amazon.com via apiclient.Status`
	req, _ := http.NewRequest("GET", "https://api.github.com/zen", nil)
	apiclient.Send(req) // want `external host api.github.com via apiclient.Send`
}

// getBody is a helper of this package: its callers pick the URL.
func getBody(t *testing.T, url string) string { // want getBody:`dials \{1\}`
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestHelperOfThePackage(t *testing.T) {
	getBody(t, "https://golang.org/dl/?mode=json") // want `external host golang.org via getBody`
	getBody(t, "http://localhost:8080/healthz")
}

func TestSubtestsAreTestsToo(t *testing.T) {
	for _, u := range []string{"https://api.github.com"} {
		t.Run(u, func(t *testing.T) {
			http.Get(u) // the loop variable is not one value
		})
	}
	t.Run("literal", func(t *testing.T) {
		http.Get("https://api.github.com/rate_limit") // want `external host api.github.com`
	})
}

func TestLocalAndReservedHosts(t *testing.T) {
	http.Get("http://localhost:8080/")
	http.Get("http://127.0.0.1:9000/metrics")
	http.Get("http://127.1.2.3/")
	http.Get("http://[::1]:8080/")
	http.Get("http://0.0.0.0:8080/")
	http.Get("http://:8080/")
	http.Get("https://example.com/")
	http.Get("https://api.example.org/v1")
	http.Get("https://service.test/")
	http.Get("https://nothing.invalid/")
	http.Get("https://app.localhost/")
	http.Get("https://shop.example/")
	http.Get("http://backend/users") // single label: a fake's or a container's name
	http.Get("http://[2001:db8::1]/")
	http.Get("http://dummy.tld:123foo/bar")    // an invalid port: nothing dials
	http.Get("https://[2606:4700::1111]:443/") // want `external host 2606:4700::1111`
}

func TestAddressesNotWrittenInTheTest(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	http.Get(srv.URL + "/users")
	srv.Client().Get("https://api.github.com/") // the server's client trusts only the server

	http.Get(os.Getenv("API_URL"))
	base := os.Getenv("API_URL")
	if base == "" {
		base = "https://api.github.com"
	}
	http.Get(base + "/meta") // written twice: from the environment or a default
	http.Get("https://" + srv.Listener.Addr().String())
}

func TestURLOnlyParsedComparedOrPrinted(t *testing.T) {
	u, err := url.Parse("https://api.github.com/repos")
	if err != nil || u.Host != "api.github.com" {
		t.Fatal(err)
	}
	t.Logf("would fetch %s", "https://api.github.com/repos")
	req := httptest.NewRequest("GET", "https://api.github.com/repos", nil)
	req.Header.Set("Referer", "https://www.google.com/")
	rec := httptest.NewRecorder()
	http.Redirect(rec, req, "https://github.com/login", http.StatusFound)
	handler := http.NotFoundHandler()
	r2, _ := http.NewRequest("GET", "https://api.github.com/repos", nil)
	handler.ServeHTTP(rec, r2)
}

type fakeTransport struct{}

func (fakeTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
}

func TestClientWithFakeTransport(t *testing.T) {
	client := &http.Client{Transport: fakeTransport{}}
	client.Get("https://api.github.com/repos")

	redirected := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(&url.URL{Host: "127.0.0.1:3128"})}}
	redirected.Get("https://api.github.com/repos")

	c := &http.Client{}
	c.Transport = fakeTransport{}
	c.Get("https://api.github.com/repos")

	var rt http.RoundTripper = fakeTransport{}
	req, _ := http.NewRequest("GET", "https://api.github.com/repos", nil)
	rt.RoundTrip(req)

	apiclient.Fetch(client, "https://api.github.com/repos")
	api := &apiclient.Client{HTTP: client, Base: "https://api.github.com"}
	api.Path("/repos")
	api.URL("https://api.github.com/repos")
	u, _ := url.Parse("https://api.github.com/repos")
	fetcher := &apiclient.Fetcher{HTTP: client}
	fetcher.Download(context.Background(), u)
}

func TestMethodsOfTheCodeUnderTest(t *testing.T) {
	api := &apiclient.Client{HTTP: http.DefaultClient, Base: "https://api.github.com"}
	api.Path("/repos")                      // want `test dials external host api.github.com via apiclient.Client.Path`
	api.URL("https://api.github.com/repos") // want `test dials external host api.github.com via apiclient.Client.URL`
	api.Dial("api.github.com")              // want `test dials external host api.github.com via apiclient.Client.Dial; listen on 127.0.0.1:0 or use net.Pipe`
	u, err := url.Parse("https://downloads.acme.io/v1/archive.tgz")
	if err != nil {
		t.Fatal(err)
	}
	fetcher := &apiclient.Fetcher{HTTP: &http.Client{}}
	fetcher.Download(context.Background(), u)                                              // want `test dials external host downloads.acme.io via apiclient.Fetcher.Download`
	fetcher.Download(context.Background(), &url.URL{Scheme: "https", Host: "cdn.acme.io"}) // want `test dials external host cdn.acme.io via apiclient.Fetcher.Download`
	local, _ := url.Parse("http://127.0.0.1:8080/archive.tgz")
	fetcher.Download(context.Background(), local)
	hidden := &apiclient.Fetcher{HTTP: newClient()}
	hidden.Download(context.Background(), u)
}

func newClient() *http.Client { return &http.Client{Transport: fakeTransport{}} }

func TestWrappersThatPickTheirOwnHost(t *testing.T) {
	apiclient.User("gopher")
	apiclient.Local("/tmp/app.sock")
	apiclient.Ping("unix", "api.github.com")
	apiclient.Ping("tcp", "api.github.com") // want `test dials external host api.github.com via apiclient.Ping; listen on 127.0.0.1:0 or use net.Pipe`
}

func TestIgnoredWithReason(t *testing.T) {
	//testgate:ignore extcall smoke test of the public status page, run nightly
	http.Get("https://www.githubstatus.com/")
}

func TestIgnoredWithoutReason(t *testing.T) {
	/* want `//testgate:ignore extcall has no reason` */ //testgate:ignore extcall
	http.Get("https://www.githubstatus.com/")            // want `external host www.githubstatus.com`
}

func TestAddressesBuiltByHelpers(t *testing.T) {
	fetcher := &apiclient.Fetcher{HTTP: &http.Client{}}
	fetcher.Download(context.Background(), testutil.MustParseURL(t, "https://downloads.acme.io/a.tgz")) // want `test dials external host downloads.acme.io via apiclient.Fetcher.Download`
	http.Get(testutil.APIURL("/widgets"))                                                               // want `test dials external host api.acme.io`
	fetcher.Download(context.Background(), testutil.MustParseURL(t, "http://localhost:8080/a.tgz"))
	http.Get("http://127.0.0.1:8080/" + testutil.Name("7"))
}
