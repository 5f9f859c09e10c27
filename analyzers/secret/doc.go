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
// Shopify, DigitalOcean and Hugging Face tokens; private keys in PEM
// form (-----BEGIN ... PRIVATE KEY----- with a body); and passwords in
// connection URLs (postgres://app:password@db.internal.corp/app).
//
// Values that only a name says are credentials: a literal held by a
// variable, constant, struct field, map key, environment variable,
// header or parameter whose name says password, passwd, pwd, secret,
// token, auth, bearer, credential, apiKey or privateKey (dbPassword,
// Config{APIKey: ...}, map[string]string{"api_key": ...},
// t.Setenv("API_TOKEN", ...), req.Header.Set("Authorization", "Bearer
// ..."), req.SetBasicAuth(user, ...)), or written as key=value,
// key: value or "key": "value" inside a string (an env file, a DSN, a
// JSON or YAML config). These are reported only when the value looks
// machine-generated: at least 12 characters mixing letters and digits,
// at least 3.5 bits of entropy per character (gitleaks' floor for its
// generic rule), and switching often between lower case, upper case,
// digits and symbols, as random tokens do and identifiers do not.
//
// What is deliberately not reported, because tests are full of it:
//
//   - placeholders: values containing words such as test, fake, dummy,
//     example, sample, secret, password, token, changeme, redacted,
//     xxxx, 1234 or abcd (also in leetspeak, so P@ssw0rd is one),
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
//   - what a fake server hands out: a value only a name makes a
//     credential, inside an HTTP handler (the test issues those tokens);
//   - UUIDs and URNs (urn:uuid:... lock tokens), JSON Web Tokens
//     (signed by test keys; a JWT is only as secret as the key that
//     signs it), password hashes ($2a$...), public keys and
//     certificates, and base64 of weak text such as admin:password;
//   - hex strings in packages that import encoding/hex, where they are
//     byte test vectors;
//   - private keys marked as fixtures: Go's own convention of writing
//     the header as "TESTING KEY" and replacing it when loading, or a
//     variable, field or function (testingKey(...)) whose name says
//     test, testing, fixture or insecure (testRSAKey);
//   - passwords in URLs to hosts that exist only in a test
//     environment: localhost, loopback addresses, single-label names
//     such as docker-compose services, and the reserved example, test,
//     invalid and localhost domains;
//   - non-test files.
//
// Messages never show a secret: at most its first four characters, and
// none of one shorter than 16. A literal is reported once, at its first
// character, so that a //testgate:ignore secret directive above a
// multi-line PEM block silences it. There is no suggested fix: where the
// value should come from needs a human. Read it from the environment
// (set it with t.Setenv in the test), or generate a fake value; for a
// private key, generate one with rsa.GenerateKey or ecdsa.GenerateKey.
//
// A team whose fixtures mark their made-up values (a prefix, a word) says
// so with the option fake, a regular expression: a finding whose value it
// matches is not reported (-secret.fake='^fk_|FAKE').
package secret
