package inline

import "testing"

func TestConfigsInStrings(t *testing.T) {
	env := "DB_HOST=db.internal.corp\nDB_PASSWORD=naAb+6qf5!=kVAL1\n" // want `hardcoded password "naAb…" in test`
	// want +4 `hardcoded API key "KTFa…"`
	yaml := `
server:
  host: api.internal.corp
  api_key: KTFaAxWrrws6v36R9mtKwaQs
`
	json := `{"client_id": "orders", "client_secret": "4JJRPRaBt9alS6p8YJWduDw70g0b5v9P"}`                                           // want `hardcoded secret "4JJR…"`
	dsn := "host=db.internal.corp user=app password=wT5Tb0qHOmmDCt2x dbname=app"                                                     // want `hardcoded password "wT5T…"`
	ini := "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = 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\n" // want `hardcoded AWS secret access key "f0Hm…"`
	header := "GET / HTTP/1.1\r\nAuthorization: Bearer 0ddc1114b21b1fb988ef479bd816555f\r\n\r\n"                                     // want `hardcoded token "0ddc…"`

	// Look-alikes: placeholders, examples, key names, digests, prose.
	envFake := "DB_HOST=localhost\nDB_PASSWORD=secret\nAPI_TOKEN=test-token\n"
	iniExample := "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
	jsonHash := `{"password_hash": "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"}`
	jsonTemplate := `{"token": "{{ .Token }}", "secret": "${SECRET}"}`
	prose := "token: expected a string, got 0ddc1114b21b1fb988ef479bd816555f"
	flags := "-token-file=/var/run/secrets/token -password-env=DB_PASSWORD"
	headerTemplate := "Authorization: Bearer <token>"
	goSource := "package p\n\nvar tokenKind = \"IDENT\"\n"
	_, _, _, _, _, _, _, _, _, _, _, _, _, _ = env, yaml, json, dsn, ini, header, envFake, iniExample, jsonHash, jsonTemplate, prose, flags, headerTemplate, goSource
}
