package hidden

import "testing"

func _TestLoginEmptyUser(t *testing.T) { // want `_TestLoginEmptyUser is hidden from go test by its name and nothing calls it; rename it TestLoginEmptyUser to run it, or delete it`
	if Login("") {
		t.Error("Login(\"\") succeeded")
	}
}

func testLoginAdmin(t *testing.T) { // want `testLoginAdmin is hidden from go test .* rename it TestLoginAdmin`
	if !Login("admin") {
		t.Error("Login(admin) failed")
	}
}

func Testlogin(t *testing.T) { // want `Testlogin is hidden from go test .* rename it TestLogin`
	if !Login("bob") {
		t.Error("Login(bob) failed")
	}
}

func xTestLoginGuest(t *testing.T) { // want `rename it TestLoginGuest`
	Login("guest")
}

func DisabledTestLoginRoot(t *testing.T) { // want `rename it TestLoginRoot`
	Login("root")
}

func test_login_unicode(t *testing.T) { // want `rename it Test_login_unicode`
	Login("ünï")
}

func TestLoginUsers(t *testing.T) {
	t.Run("alice", testLoginAlice)
	for _, check := range []func(*testing.T){testLoginBob} {
		check(t)
	}
	testLoginCarol(t)
}

func testLoginAlice(t *testing.T) {
	if !Login("alice") {
		t.Error("Login(alice) failed")
	}
}

func testLoginBob(t *testing.T) {
	if !Login("bob") {
		t.Error("Login(bob) failed")
	}
}

func testLoginCarol(t *testing.T) {
	if !Login("carol") {
		t.Error("Login(carol) failed")
	}
}

// testing and tests are helpers' names, not hidden tests.
func testing_(t *testing.T) {}

func tests(t *testing.T) {}

func testLoginWithUser(t *testing.T, user string) {
	Login(user)
}

func testLoginResult(t *testing.T) bool {
	return Login("x")
}

func _BenchmarkLogin(b *testing.B) {
	for b.Loop() {
		Login("x")
	}
}

type suite struct{}

func (suite) testLoginMethod(t *testing.T) {
	Login("m")
}

//testgate:ignore disabled superseded by TestLoginUsers, kept to compare in the migration
func _TestLoginLegacy(t *testing.T) {
	Login("legacy")
}

// Issue 31810: a name with spaces must not log in.
func TestLoginIssue31810(t *testing.T) {
	t.Skip("broken in hidden") // want `TestLoginIssue31810 is switched off by t.Skip\("broken in hidden"\)`
	if Login("a b") {
		t.Error("Login(a b) succeeded")
	}
}
