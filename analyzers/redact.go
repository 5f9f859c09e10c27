package analyzers

import (
	"bufio"
	"errors"
	"io"

	"github.com/testgate/testgate/analyzers/internal/credential"
)

// RedactText returns text with every credential in it shortened as the
// secret analyzer shows them ("ghp_…"). The analyzers' messages already
// are; drivers pass what else they print from source through it: context
// lines, diffs of fixes.
func RedactText(text string) string { return credential.RedactText(text) }

// CopyRedacted copies src to dst a line at a time, each line through
// RedactText, as a driver's output is written.
func CopyRedacted(dst io.Writer, src io.Reader) error {
	br := bufio.NewReader(src)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			if _, werr := io.WriteString(dst, RedactText(line)); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
