package extcall // want package:"hasDialers"

import (
	"fmt"
	"net/http"
)

// Compiled, never run: no output comment.
func ExampleGet() {
	resp, err := http.Get("https://go.dev/")
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}

func ExampleGet_status() {
	resp, err := http.Get("https://go.dev/") // want `external host go.dev`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
	// Output: 200 OK
}

// Examplesite is a helper, not an example (the letter after the prefix
// is lower-case), so go test runs it through its callers, output comment
// or not.
func Examplesite() {
	resp, err := http.Get("https://go.dev/") // want `external host go.dev`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}
