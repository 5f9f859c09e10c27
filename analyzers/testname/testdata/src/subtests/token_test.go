package subtests

import "testing"

// Messages quote subtest names; a name that holds a credential is shown
// redacted, as the secret analyzer shows it.
func TestRunNamedAfterAToken(t *testing.T) {
	t.Run("ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz", func(t *testing.T) { parsesOK(t, "1") })
	t.Run("ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz", func(t *testing.T) { parsesOK(t, "2") }) // want `^duplicate subtest name "ghp_…" \(also at line 8\); go test renames it to "ghp_…#01" so a failure can't be traced$`
	t.Run("password=naAb6qf5kVALx9Tz", func(t *testing.T) { parsesOK(t, "3") })
	t.Run("password=naAb6qf5kVALx9Tz", func(t *testing.T) { parsesOK(t, "4") }) // want `^duplicate subtest name "password=naAb…" \(also at line 10\); go test renames it to "password=naAb…" so`
}
