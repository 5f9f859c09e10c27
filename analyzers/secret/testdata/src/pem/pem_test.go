package pem

import (
	"crypto/tls"
	"strings"
	"testing"
)

// want +1 `hardcoded EC private key in test`
var serverKey = []byte(`-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIH+7JvISNOCOLFP7ycEqgpfrprTv1tkWfvaOEPFcqpjhoAoGCCqGSM49
AwEHoUQDQgAEVUv0XkCzlke74q55wj02XiGArw0xswYdpq30sIuI9pQZkhjGg449
eLBCJcrRHXfZ+B4CXxsIkxRW2U+tYqY5yA==
-----END EC PRIVATE KEY-----`)

// A PKCS #8 key written line by line is one constant.
const clientKey = "-----BEGIN PRIVATE KEY-----\n" + // want `hardcoded private key in test; generate the key in the test \(rsa.GenerateKey, ecdsa.GenerateKey\) or move it to testdata/; a fixture key may keep Go's "TESTING KEY" header, replaced when loading`
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgf7sm8hI04I4sU/vJ\n" +
	"wSqCl+umtO/W2RZ+9o4Q8VyqmOGhRANCAARVS/ReQLOWR7virnnCPTZeIYCvDTGz\n" +
	"Bh2mrfSwi4j2lBmSGMaDjj14sEIlytEdd9n4HgJfGwiTFFbZT61ipjnI\n" +
	"-----END PRIVATE KEY-----\n"

// Go's own convention for fixture keys: scanners do not see PRIVATE KEY.
var goStyleKey = testingKey(`-----BEGIN EC TESTING KEY-----
MHcCAQEEIH+7JvISNOCOLFP7ycEqgpfrprTv1tkWfvaOEPFcqpjhoAoGCCqGSM49
AwEHoUQDQgAEVUv0XkCzlke74q55wj02XiGArw0xswYdpq30sIuI9pQZkhjGg449
eLBCJcrRHXfZ+B4CXxsIkxRW2U+tYqY5yA==
-----END EC TESTING KEY-----`)

func testingKey(s string) string { return strings.ReplaceAll(s, "TESTING KEY", "PRIVATE KEY") }

// A name is no mark: a key named test... may be a deploy key.
//
// want +1 `hardcoded private key in test`
var testRSAKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgf7sm8hI04I4sU/vJ
wSqCl+umtO/W2RZ+9o4Q8VyqmOGhRANCAARVS/ReQLOWR7virnnCPTZeIYCvDTGz
Bh2mrfSwi4j2lBmSGMaDjj14sEIlytEdd9n4HgJfGwiTFFbZT61ipjnI
-----END PRIVATE KEY-----`

// Public halves are meant to be published.
var serverPublicKey = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVUv0XkCzlke74q55wj02XiGArw0x
swYdpq30sIuI9pQZkhjGg449eLBCJcrRHXfZ+B4CXxsIkxRW2U+tYqY5yA==
-----END PUBLIC KEY-----`

var serverCert = `-----BEGIN CERTIFICATE-----
MIIBhTCCASugAwIBAgIQIRi6zePL6mKjOipn+dNuaTAKBggqhkjOPQQDAjASMRAw
DgYDVQQKEwdBY21lIENvMB4XDTE3MTAyMDE5NDMwNloXDTE4MTAyMDE5NDMwNlow
EjEQMA4GA1UEChMHQWNtZSBDbzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABD0d
-----END CERTIFICATE-----`

func TestPEM(t *testing.T) {
	// Headers alone, in error messages or parsers' tests, are no keys.
	header := "-----BEGIN RSA PRIVATE KEY-----"
	elided := "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----"
	wantErr := "tls: failed to parse private key: -----BEGIN PRIVATE KEY----- block is empty"
	_, err := tls.X509KeyPair([]byte(serverCert), serverKey)
	_, _, _, _, _, _, _ = header, elided, wantErr, err, goStyleKey, testRSAKey, serverPublicKey
	_ = clientKey
}

// Nor is the function a key is handed to.
var fixtureKey = mustParseFixture("-----BEGIN PRIVATE KEY-----\n" + // want `hardcoded private key in test`
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgf7sm8hI04I4sU/vJ\n" +
	"wSqCl+umtO/W2RZ+9o4Q8VyqmOGhRANCAARVS/ReQLOWR7virnnCPTZeIYCvDTGz\n" +
	"Bh2mrfSwi4j2lBmSGMaDjj14sEIlytEdd9n4HgJfGwiTFFbZT61ipjnI\n" +
	"-----END PRIVATE KEY-----\n")

func mustParseFixture(pemText string) string { return pemText }

// Truncated key material is a placeholder, whatever its header.
var truncatedKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIH+7JvISNOCOLFP7ycEqgpfrprTv1tkWfvaOEPFcqpjhoAoGCCqGSM49
AwEHoUQDQgAEVUv0XkCzlke74q55wj02XiGArw0xswYdpq30sIuI9pQZkhjGg449
-----END EC PRIVATE KEY-----`

var headerOnlyKey = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAx8Jd2q9cRk3wZx4yPmLvT0nE5sQjH1aB7uIoW6rC8tF2eY9g`
