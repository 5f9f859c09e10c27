// Package secret defines an Analyzer that reports credentials hardcoded
// in test files.
//
// # Analyzer secret
//
// secret: report credentials hardcoded in tests
//
// A credential committed in a test is as leaked as one committed
// anywhere else, and test files are where real keys get pasted "just to
// try something". The analyzer looks at every string literal and constant
// string concatenation of every _test.go file and reports two things.
//
// Provider formats, whatever holds them: AWS access key IDs (AKIA...,
// ASIA...), GitHub (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), GitLab
// (glpat-), Slack tokens (xoxb-...) and webhook URLs, Stripe secret and
// restricted keys (sk_live_, rk_live_, and sk_test_: a test-mode key is
// a real credential of a real account), Google API keys (AIza...) and
// OAuth client secrets (GOCSPX-), SendGrid, npm, PyPI, OpenAI, Anthropic,
// Shopify, DigitalOcean and Hugging Face tokens, NATS nkey seeds; and passwords in
// connection URLs (postgres://app:S3cr3tP4ss9x@db:5432/app) and key=value
// data source names (host=db user=app password=...).
//
// Key material that no name excuses: complete private keys in PEM form
// (-----BEGIN ... PRIVATE KEY----- with a body that decodes to a whole
// key) and signed JSON Web Tokens (a header naming an algorithm, and a
// signature). A variable named testKey, dummyKey or fixtureToken may hold
// the deploy key of a private repository: a name is not a mark.
//
// Values that only a name says are credentials: a literal held by a
// variable, constant, struct field (also one it is compared with:
// creds.SecretAccessKey != "..."), map key, environment variable,
// header or parameter whose name says password, passwd, pwd, secret,
// token, auth, bearer, credential, apiKey or privateKey (dbPassword,
// Config{APIKey: ...}, map[string]string{"api_key": ...},
// t.Setenv("API_TOKEN", ...), req.Header.Set("Authorization", "Bearer
// ..."), req.SetBasicAuth(user, ...)), or written as key=value,
// key: value or "key": "value" inside a string (an env file, a DSN, a
// JSON or YAML config, a query string or form body, a fake server's
// response). A credential inside text is judged whatever variable holds
// the text, and reported on its own line of a multi-line literal. A value
// whose name alone makes it a credential is reported when it starts with
// a provider's prefix (t.Setenv("SLACK_TOKEN", "xoxb-..."), a table of
// sk_live_ keys), or when it looks
// machine-generated: at least 12 characters mixing letters and digits,
// at least 3.5 bits of entropy per character (gitleaks' floor for its
// generic rule), and switching often between lower case, upper case,
// digits and symbols, as random tokens do and identifiers do not.
//
// What is deliberately not reported, because tests are full of it:
//
//   - placeholders: values containing words such as test, fake, dummy,
//     example, sample, secret, password, token, changeme, redacted,
//     xxxx, 1234 or abcd, or made mostly of them in leetspeak
//     (P@ssw0rd, S3cr3tP4ssw0rd; S3cr3tP4ss9x7Q is someone's password),
//     templates (${TOKEN}, {{.Token}}, <token>, %s), masks (***, ...),
//     and runs of repeated or consecutive characters;
//   - keys published in documentation: AWS's ...EXAMPLE keys, Stripe's
//     sample keys;
//   - test data for password rules (Password123!, abc123, hunter2):
//     too short, too regular or made of placeholder words;
//   - inputs of a test: a value that only its name makes a credential,
//     when the same field of a table's rows, or the same argument of one
//     function's calls in the package, takes three or more different
//     constant values. A credential has one value; a test of a password
//     checker or an auth middleware feeds it many, and a random one among
//     them is an input like the others;
//   - anything under a name that says it is derived, expected or wrong
//     (want, expected, hash, digest, sum, checksum, fingerprint,
//     signature, salt, nonce, invalid, expired, ...), describes a
//     secret (tokenURL, passwordFile, authType, tokenKind) or is public
//     (publicKey);
//   - anything under a name that says it is made up (fakeToken,
//     dummyKey, mockSecret, example, sample, placeholder, stub);
//   - what a fake server hands out: a value only its variable's name
//     makes a credential, inside an HTTP handler (the test issues those
//     tokens; a credential keyed inside a response body is still
//     reported);
//   - UUIDs and URNs (urn:uuid:... lock tokens), unsigned JSON Web
//     Tokens (alg none, empty signature), the samples of jwt.io and the
//     JWT RFCs, test vectors (fewer than two claims, or claims with
//     placeholder words: {"foo":"bar"}, "iss":"test", John Doe), and
//     signed tokens that are one of a verifier's table of three or more
//     inputs; password hashes ($2a$...), public keys and
//     certificates, and base64 of weak text such as admin:password;
//   - hex strings in packages that import encoding/hex, where they are
//     byte test vectors, unless they have an API key's length (32 or 40
//     digits) and sit under an API-key, token, secret or credential name:
//     hex under a bare key, iv or nonce stays a vector;
//   - private keys marked as fixtures: Go's own convention of writing
//     the header as "TESTING KEY" and replacing it when loading, or a
//     //testgate:ignore secret directive with a reason; and incomplete
//     key material (elided or truncated bodies);
//   - passwords in URLs and data source names to hosts that exist only
//     on the test machine: localhost, loopback addresses, and the
//     reserved example, test, invalid and localhost domains;
//   - non-test files.
//
// Messages never show a secret: at most its first four characters, and
// none of one shorter than 16. A literal is reported once: a key at its
// first line, a credential inside text at its own line; a
// //testgate:ignore secret directive above a multi-line literal silences
// every line of it. There is no suggested fix: where the
// value should come from needs a human. Read it from the environment
// (set it with t.Setenv in the test), or generate a fake value; for a
// private key, generate one with rsa.GenerateKey or ecdsa.GenerateKey or
// move it to testdata/; for a JWT, sign one in the test.
//
// A team whose fixtures mark their made-up values (a prefix, a word) says
// so with the option fake, a regular expression: a finding whose value it
// matches is not reported (-secret.fake='^fk_|FAKE').
package secret
