package testrun

import (
	"fmt"
	"strings"
)

// Bounds on the output kept per test: go test prints all of it already, and
// a summary needs only the end, where the failure is.
const (
	maxLines     = 30
	maxLineBytes = 1024
	// A panic's message and the first goroutine's stack say where it was;
	// the goroutines after it are rarely worth their lines.
	maxPanicLines = 20
	// Lines kept from just before a panic, when the panic has to be shown
	// apart from the tail.
	maxLinesBeforePanic = 10
)

// tail keeps the last maxLines lines written to it, each cut to
// maxLineBytes, and the first panic with the lines just before it. Its
// memory is bounded whatever is written.
type tail struct {
	ring  [maxLines]string
	n     int // lines completed
	line  strings.Builder
	cut   int // bytes of the current line beyond maxLineBytes
	panic *panicLines
}

type panicLines struct {
	at     int      // number of the panic line
	before []string // the lines before it, at most maxLinesBeforePanic
	lines  []string // the panic line and what follows, up to the end of the first goroutine's stack
	done   bool
}

func (t *tail) WriteString(s string) {
	for s != "" {
		part, rest, complete := strings.Cut(s, "\n")
		if room := maxLineBytes - t.line.Len(); room >= len(part) {
			t.line.WriteString(part)
		} else {
			t.line.WriteString(part[:max(room, 0)])
			t.cut += len(part) - max(room, 0)
		}
		if !complete {
			return
		}
		t.endLine()
		s = rest
	}
}

// Write makes a tail an io.Writer, for the go command's stderr.
func (t *tail) Write(p []byte) (int, error) {
	t.WriteString(string(p))
	return len(p), nil
}

func (t *tail) endLine() {
	line := t.line.String()
	if t.cut > 0 {
		line += fmt.Sprintf(" … (%d more bytes)", t.cut)
	}
	t.line.Reset()
	t.cut = 0
	t.notePanic(line)
	t.ring[t.n%maxLines] = line
	t.n++
}

// notePanic keeps the first panic apart: in a crash or a timeout the
// goroutine dump that follows would push it out of the tail.
func (t *tail) notePanic(line string) {
	switch p := t.panic; {
	case p == nil && strings.HasPrefix(line, "panic: "):
		t.panic = &panicLines{at: t.n, before: t.last(maxLinesBeforePanic), lines: []string{line}}
	case p != nil && !p.done:
		p.lines = append(p.lines, line)
		// A stack ends at a blank line; the panic's own block (the
		// message, "running tests:") ends at the first one, the first
		// goroutine's stack at the second.
		blanks := 0
		for _, l := range p.lines {
			if l == "" {
				blanks++
			}
		}
		p.done = blanks == 2 || len(p.lines) == maxPanicLines
	}
}

// last returns the last n complete lines, oldest first.
func (t *tail) last(n int) []string {
	n = min(n, t.n, maxLines)
	lines := make([]string, 0, n)
	for i := t.n - n; i < t.n; i++ {
		lines = append(lines, t.ring[i%maxLines])
	}
	return lines
}

// String returns what the tail kept, a line saying how many lines it left
// out where it did: the last lines, or, when a panic has scrolled out of
// them, the lines before the panic and the panic.
func (t *tail) String() string {
	if t.line.Len() > 0 || t.cut > 0 {
		t.endLine() // an unterminated last line: the process died mid-write
	}
	var lines []string
	skipped := func(n int, which string) {
		if n > 0 {
			lines = append(lines, fmt.Sprintf("... %d %s lines", n, which))
		}
	}
	if p := t.panic; p != nil && p.at < t.n-maxLines {
		skipped(p.at-len(p.before), "earlier")
		lines = append(lines, p.before...)
		lines = append(lines, strings.TrimRight(strings.Join(p.lines, "\n"), "\n"))
		skipped(t.n-p.at-len(p.lines), "more")
	} else {
		skipped(t.n-maxLines, "earlier")
		lines = append(lines, t.last(maxLines)...)
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
