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
const clientKey = "-----BEGIN PRIVATE KEY-----\n" + // want `hardcoded private key in test; generate the key in the test \(rsa.GenerateKey, ecdsa.GenerateKey\) or, for a fixture made for tests, write its header as "TESTING KEY" and replace it when loading`
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

// A name that marks a fixture made for tests.
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

// The function a key is handed to can mark it a fixture, too.
var fixtureKey = mustParseFixture("-----BEGIN PRIVATE KEY-----\n" +
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgf7sm8hI04I4sU/vJ\n" +
	"wSqCl+umtO/W2RZ+9o4Q8VyqmOGhRANCAARVS/ReQLOWR7virnnCPTZeIYCvDTGz\n" +
	"Bh2mrfSwi4j2lBmSGMaDjj14sEIlytEdd9n4HgJfGwiTFFbZT61ipjnI\n" +
	"-----END PRIVATE KEY-----\n")

func mustParseFixture(pemText string) string { return pemText }
