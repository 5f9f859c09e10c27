package order

import "testing"

// TestUsersStartEmpty passes in source order and fails whenever
// TestRegisterAddsTheUser runs before it: with -shuffle=9, for one.
func TestUsersStartEmpty(t *testing.T) {
	if n := Count(); n != 0 {
		t.Errorf("Count() = %d before any Register, want 0", n)
	}
}

func TestRegisterAddsTheUser(t *testing.T) {
	Register(" ann ")
	if n := Count(); n != 1 {
		t.Errorf("Count() = %d after one Register, want 1", n)
	}
}

func TestUserNamesAreTrimmed(t *testing.T) {
	if got := Trim("  bob "); got != "bob" {
		t.Errorf("Trim = %q, want %q", got, "bob")
	}
}

func TestUserCountIsZeroForNil(t *testing.T) {
	if n := CountOf(nil); n != 0 {
		t.Errorf("CountOf(nil) = %d, want 0", n)
	}
}
