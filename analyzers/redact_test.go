package analyzers

import (
	"strings"
	"testing"
)

func TestCopyRedactedHidesCredentialsLineByLine(t *testing.T) {
	in := "+\tt.Run(\"ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz\", f)\n" + //testgate:ignore secret a made-up token: what CopyRedacted must hide
		" 12\t\tt.Run(\"valid\", f)\n" +
		"no newline at the end"
	var out strings.Builder
	if err := CopyRedacted(&out, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	want := "+\tt.Run(\"ghp_…\", f)\n 12\t\tt.Run(\"valid\", f)\nno newline at the end"
	if out.String() != want {
		t.Errorf("CopyRedacted =\n%q, want\n%q", out.String(), want)
	}
}
