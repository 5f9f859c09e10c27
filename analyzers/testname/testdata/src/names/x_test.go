package names_test

import (
	"testing"

	"names"
)

func TestFunc(t *testing.T) { // names.Func, seen from the external test package
	var called bool
	var f names.Func = func(*names.Client) { called = true }
	f(names.New("alice"))
	if !called {
		t.Error("Func not called")
	}
}

func TestMisc(t *testing.T) { // want `test name TestMisc says nothing`
	if names.New("bob") == nil {
		t.Error("New returned nil")
	}
}

func TestLogoutForgetsUser(t *testing.T) {
	names.New("carol").Logout()
}

func TestLogoutForgetsUser2(t *testing.T) { // want `test name TestLogoutForgetsUser2 differs from TestLogoutForgetsUser only by a number`
	names.New("dave").Logout()
}
