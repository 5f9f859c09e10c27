// Package urlhelper wraps url.Parse, as projects do for platform quirks;
// it dials nothing itself.
package urlhelper // want package:"hasDialers"

import "net/url"

// Parse parses raw.
func Parse(raw string) (*url.URL, error) { return parse(raw) } // want Parse:`builds \{0\}`

func parse(raw string) (*url.URL, error) { return url.Parse(raw) } // want parse:`builds \{0\}`
