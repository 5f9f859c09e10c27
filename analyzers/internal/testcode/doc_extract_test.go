package testcode

import (
	"strings"
	"testing"
)

func TestMustExtractDocReturnsTheAnalyzerSection(t *testing.T) {
	src := `// Package p does things.
//
// # Analyzer p
//
// p: check that things are done
//
// Longer text.
//
// # Another heading
//
// Not part of it.
package p
`
	got := MustExtractDoc(src, "p")
	want := "check that things are done\n\nLonger text."
	if got != want {
		t.Errorf("MustExtractDoc = %q, want %q", got, want)
	}
}

func TestMustExtractDocPanicsNamingTheMissingPiece(t *testing.T) {
	cases := []struct {
		name, src, wantPanic string
	}{
		{"no package comment", "package p\n", "has no package comment"},
		{"no analyzer section", "// Package p.\npackage p\n", "lacks the section"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if msg, _ := r.(string); !strings.Contains(msg, tc.wantPanic) {
					t.Errorf("panic = %v, want one containing %q", r, tc.wantPanic)
				}
			}()
			MustExtractDoc(tc.src, "p")
		})
	}
}
