package report

import (
	"encoding/json"
	"io"

	"github.com/testgate/testgate/coverage"
)

// JSON writes r as one indented JSON object:
//
//	{"pass": bool, "total": U, "packages": [U...], "files": [U...],
//	 "excluded": [{"name", "reason"}...]}
//
// where each U is {"name", "statements", "covered", "percent", "threshold",
// "pass"} (the total has no name) and percent is unrounded.
func JSON(w io.Writer, r *coverage.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
