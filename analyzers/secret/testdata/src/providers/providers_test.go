package providers

import (
	"net/http"
	"os"
	"testing"
)

func TestAWS(t *testing.T) {
	id := "AKIAJL62MIDFXUTOO5E5"          // want `hardcoded AWS access key ID "AKIA…" in test; read it from the environment \(t.Setenv/os.Getenv\) or generate a fake value in the test; if it is fake already, mark it //testgate:ignore secret <why>`
	session := "ASIAOSV7KBM5WCS2XG7H"     // want `hardcoded AWS access key ID "ASIA…"`
	documented := "AKIAIOSFODNN7EXAMPLE"  // AWS's documented example key
	documented2 := "AKIAI44QH8DHBEXAMPLE" // AWS's other documented example key
	placeholder := "AKIAXXXXXXXXXXXXXXXX" // a mask
	sequential := "AKIAABCDEFGHIJKLMNOP"  // typed, not generated
	tooShort := "AKIA1234"                // not the format
	notBase32 := "AKIA0189018901890189"   // 0, 1, 8 and 9 never occur in key IDs
	word := "DAKIAJL62MIDFXUTOO5E5"       // glued to a word: not a key ID on its own
	_, _, _, _, _, _, _, _ = id, session, documented, documented2, placeholder, sequential, tooShort, notBase32
	_ = word
}

func TestGitHub(t *testing.T) {
	client := NewClient("ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz")                                        // want `hardcoded GitHub token "ghp_…" in test`
	t.Setenv("GITHUB_TOKEN", "ghs_YYXrguPXwTs7akbs3WjrQJtwToRPDjxiNygt")                                   // want `hardcoded GitHub token "ghs_…"`
	pat := "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" // want `hardcoded GitHub token "gith…"`
	header := "Authorization: token ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"                              // want `hardcoded GitHub token "ghp_…"`

	fake := NewClient("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")  // a mask
	typed := NewClient("ghp_1234567890abcdefghijklmnopqrstuvwxyz") // typed, not generated
	words := NewClient("ghp_thisIsNotARealTokenButHasTheRightLen") // spelled out
	short := NewClient("ghp_abc")                                  // not the format
	fakeToken := "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"        // the name says it is made up
	env := os.Getenv("GITHUB_TOKEN")                               // the right way
	_, _, _, _, _, _, _, _, _ = client, pat, header, fake, typed, words, short, fakeToken, env
}

func TestChatAndPayments(t *testing.T) {
	slack := "xoxb-566754558308-4134515226439-Y4bL4l5JYesRtIviJcJYeMBg"                     // want `hardcoded Slack token "xoxb…"`
	hook := "https://hooks.slack.com/services/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" // want `hardcoded Slack webhook URL "http…"`
	live := "sk_live_AgiwxyRgexbJMWVaxd8MTbTT"                                              // want `hardcoded Stripe secret key "sk_l…"`
	restricted := "rk_live_Y8CuSXumx7BhFaaBiZCJ76Ug"                                        // want `hardcoded Stripe secret key "rk_l…"`
	testMode := "sk_test_QtvafFR5YIk2dq6Hd2uigspo"                                          // want `hardcoded Stripe test-mode secret key "sk_t…"`

	slackDocs := "xoxb-not-a-real-token-this-will-not-work"                                     // Slack's docs
	hookDocs := "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" // Slack's docs
	stripeDocs := "sk_test_4eC39HqLyjWDarjtT1zdp7dc"                                            // Stripe's published sample key
	publishable := "pk_live_AgiwxyRgexbJMWVaxd8MTbTT"                                           // publishable keys are public
	stripeFake := "sk_test_fakeKeyForUnitTests000000"                                           // spelled out
	_, _, _, _, _, _, _, _, _, _ = slack, hook, live, restricted, testMode, slackDocs, hookDocs, stripeDocs, publishable, stripeFake
}

func TestCloud(t *testing.T) {
	google := "AIzaZSChUO4q0W2cI39Tv6forqHc7-00OrqJ-K_"                                 // want `hardcoded Google API key "AIza…"`
	oauth := "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"                                      // want `hardcoded Google OAuth client secret "GOCS…"`
	sendgrid := "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" // want `hardcoded SendGrid API key "SG.T…"`
	npm := "//registry.npmjs.org/:_authToken=npm_usJWMEwe4E3Tde0yNc27lK1m2zIKmm88Jc9H"  // want `hardcoded npm token "npm_…"`
	gitlab := "glpat-DupAaLErucgidjhSa3Q4"                                              // want `hardcoded GitLab token "glpa…"`
	huggingFace := "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"                              // want `hardcoded Hugging Face token "hf_w…"`

	maps := "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"                                       // want `hardcoded Google API key "AIza…"`
	googleFake := "AIzaFakeKeyFakeKeyFakeKeyFakeKeyFakeKey"                                 // spelled out
	sendgridDocs := "SG.xxxxxxxxxxxxxxxxxxxxxx.yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" // a mask
	npmPath := "node_modules/npm_package/index.js"                                          // not a token
	gitlabDocs := "glpat-xxxxxxxxxxxxxxxxxxxx"                                              // a mask
	huggingFaceHub := "hf_hub_download"                                                     // a function name
	_, _, _, _, _, _, _, _, _, _, _, _ = google, oauth, sendgrid, npm, gitlab, huggingFace, maps, googleFake, sendgridDocs, npmPath, gitlabDocs, huggingFaceHub
}

func TestHeaders(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://api.github.com/user", nil)
	req.Header.Set("Authorization", "Bearer ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz") // want `hardcoded GitHub token "ghp_…"`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("GITHUB_TOKEN"))
}

// Splitting a token over a constant concatenation does not hide it.
const splitToken = "ghp_RWXhZ0i0tdMtsIx" + // want `hardcoded GitHub token "ghp_…"`
	"qtUW5RiAypuqUwUqURNJz"

// Parentheses inside a concatenation still make one report.
const parenToken = ("ghp_RWXhZ0i0" + "tdMtsIxqtUW5") + "RiAypuqUwUqURNJz" // want `hardcoded GitHub token "ghp_…"`
