package ignore

import (
	"os"
	"testing"
)

func TestIgnoredWithReason(t *testing.T) {
	//testgate:ignore cleanup the file stays open to test the finalizer that closes it
	f, err := os.Open("testdata/input")
	if err != nil {
		t.Fatal(err)
	}
	f.Stat()
}

func TestIgnoredOnTheSameLine(t *testing.T) {
	_, err := os.Create("leftover") //testgate:ignore cleanup the leftover file is what the next step checks
	if err != nil {
		t.Fatal(err)
	}
}

func TestIgnoreWithoutReason(t *testing.T) {
	/* want `//testgate:ignore cleanup has no reason` */ //testgate:ignore cleanup
	f, err := os.Open("testdata/input")                  // want `file f is never closed`
	if err != nil {
		t.Fatal(err)
	}
	f.Stat()
}
