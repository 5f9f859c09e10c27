package coverage

import "fmt"

// A Warning is something the user should know about a gate that still ran:
// its figures are right, but less is known than asked for.
type Warning struct {
	Kind    WarningKind
	Message string // one line, for the user
}

func (w Warning) String() string { return w.Message }

// A WarningKind tells warnings apart without reading their messages.
type WarningKind int

const (
	// MixedModes: profiles of different modes were merged as mode set.
	MixedModes WarningKind = iota + 1
	// MissingSources: some profiled files were not found on disk, so the
	// stages that read sources skipped them.
	MissingSources
	// NoModule: the working directory's module or workspace could not be
	// read, so no sources were read at all.
	NoModule
	// UnparsableSource: a profiled file's source does not parse, so the
	// stages that parse sources skipped it.
	UnparsableSource
	// MissingModule: a go.work use line names no module, so the sources
	// of that module's files are not found.
	MissingModule
)

func warningf(kind WarningKind, format string, args ...any) Warning {
	return Warning{kind, fmt.Sprintf(format, args...)}
}
