package coverage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
)

// ExcludeMatching drops the files whose names match any of patterns
// (anywhere in the name: anchor a pattern to match whole names).
func ExcludeMatching(p *Profile, patterns []*regexp.Regexp) *Profile {
	if len(patterns) == 0 {
		return p
	}
	return exclude(p, func(f File) string {
		for _, re := range patterns {
			if re.MatchString(f.Name) {
				return fmt.Sprintf("matches exclude pattern %q", re.String())
			}
		}
		return ""
	})
}

// ReasonGenerated is the reason given for excluded generated files.
const ReasonGenerated = "generated"

// ExcludeGenerated drops generated files: Go files with a line
// "// Code generated ... DO NOT EDIT." before the package clause. It reads
// only the headers of the files, in parallel. Files whose source cannot be
// found are kept, with one warning that counts them and names one.
func ExcludeGenerated(p *Profile, src *Sources) *Profile {
	generated := make([]bool, len(p.Files))
	warnings := eachGoFile(p, src, "kept them as not generated (or pass -include-generated)", func() func(int, string) bool {
		buf := make([]byte, headerChunk)
		return func(i int, path string) (ok bool) {
			generated[i], ok = isGeneratedFile(path, buf)
			return ok
		}
	})
	i := -1
	out := exclude(p, func(File) string {
		i++
		if generated[i] {
			return ReasonGenerated
		}
		return ""
	})
	out.Warnings = append(out.Warnings, warnings...)
	return out
}

// exclude returns p without the files for which why returns a reason,
// called once per file in order.
func exclude(p *Profile, why func(File) string) *Profile {
	out := &Profile{
		Mode:     p.Mode,
		Files:    make([]File, 0, len(p.Files)),
		Excluded: slices.Clone(p.Excluded),
		Ignored:  slices.Clone(p.Ignored),
		Warnings: slices.Clone(p.Warnings),
	}
	for _, f := range p.Files {
		if reason := why(f); reason != "" {
			out.Excluded = append(out.Excluded, Excluded{Name: f.Name, Reason: reason})
			continue
		}
		out.Files = append(out.Files, f)
	}
	return out
}

// headerChunk is how much of a file isGeneratedFile reads first: enough for
// the license header and build constraints of nearly every file.
const headerChunk = 4 << 10

// isGeneratedFile reports whether the Go file at path is generated, reading
// only its header into buf (of len headerChunk, reused across calls); ok is
// false when the file cannot be read.
func isGeneratedFile(path string, buf []byte) (generated, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return false, false
	}
	defer f.Close()
	n, err := io.ReadFull(f, buf)
	buf = buf[:n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, false
	}
	generated, done := scanHeader(buf)
	if done || n < headerChunk {
		return generated, true
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return false, false
	}
	generated, _ = scanHeader(append(buf, rest...))
	return generated, true
}

// scanHeader reports whether src, the start of a Go file, has a comment
// line "// Code generated ... DO NOT EDIT." before the package clause, as
// go/ast.IsGenerated decides; done reports whether src reached the end of
// the comments before the package clause.
func scanHeader(src []byte) (generated, done bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	for {
		src = bytes.TrimLeft(src, " \t\r\n")
		var comment []byte
		switch {
		case len(src) == 0:
			return false, false
		case bytes.HasPrefix(src, []byte("//")):
			end := bytes.IndexByte(src, '\n')
			if end < 0 {
				return isGeneratedLine(src), false
			}
			comment, src = src[:end], src[end:]
		case bytes.HasPrefix(src, []byte("/*")):
			end := bytes.Index(src[2:], []byte("*/"))
			if end < 0 {
				return false, false
			}
			comment, src = src[:end+4], src[end+4:]
		default:
			return false, true
		}
		for line := range bytes.SplitSeq(comment, []byte("\n")) {
			if isGeneratedLine(line) {
				return true, true
			}
		}
	}
}

func isGeneratedLine(line []byte) bool {
	if bytes.IndexByte(line, '\r') >= 0 {
		line = bytes.ReplaceAll(line, []byte("\r"), nil)
	}
	rest, ok := bytes.CutPrefix(line, []byte("// Code generated "))
	return ok && bytes.HasSuffix(rest, []byte(" DO NOT EDIT."))
}

// RequireStatements returns an error when p, after the exclude stages,
// has no statement left to measure: any threshold would pass on nothing.
// The error names what left it empty.
func RequireStatements(p *Profile) error {
	for _, f := range p.Files {
		for _, b := range f.Blocks {
			if b.NumStmt > 0 {
				return nil
			}
		}
	}
	var why []string
	if n := len(p.Excluded); n > 0 {
		why = append(why, fmt.Sprintf("%d files excluded (e.g. %s: %s)", n, p.Excluded[0].Name, p.Excluded[0].Reason))
	}
	if n := len(p.Ignored); n > 0 {
		why = append(why, fmt.Sprintf("%d functions or blocks ignored (e.g. %s:%d: %s)", n, p.Ignored[0].File, p.Ignored[0].Line, IgnoreDirective))
	}
	if len(why) == 0 {
		return errors.New("no statements to measure: the profiles' blocks hold none")
	}
	return fmt.Errorf("no statements left to measure: %s; a gate on nothing would pass any threshold: narrow coverage.exclude or the %s directives", strings.Join(why, ", "), IgnoreDirective)
}
