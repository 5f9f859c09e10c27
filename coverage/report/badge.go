package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/testgate/testgate/coverage"
)

// Badge colours, as shields.io draws them.
const (
	badgeRed    = "#e05d44"
	badgeYellow = "#dfb317"
	badgeGreen  = "#44cc11"
)

// badgeColor is the colour of a badge for coverage p against threshold:
// red below it, yellow up to 10 points above it, green beyond.
func badgeColor(p, threshold float64) string {
	switch {
	case p < threshold:
		return badgeRed
	case p < threshold+10:
		return badgeYellow
	}
	return badgeGreen
}

// Badge writes an SVG badge "coverage | 81.2%" of r's total, coloured by
// its threshold (see badgeColor): plain SVG that needs no external service.
func Badge(w io.Writer, r *coverage.Report) error {
	const label = "coverage"
	value := Percent(r.Total.Percent, r.Total.Threshold)
	// Widths approximate 11px Verdana, as flat shields.io badges use.
	lw, vw := textWidth(label)+10, textWidth(value)+10
	_, err := fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%[1]d" height="20" role="img" aria-label="%[3]s: %[4]s">
<title>%[3]s: %[4]s</title>
<linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="%[1]d" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="%[2]d" height="20" fill="#555"/><rect x="%[2]d" width="%[5]d" height="20" fill="%[6]s"/><rect width="%[1]d" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="%[7]s" y="15" fill="#010101" fill-opacity=".3">%[3]s</text><text x="%[7]s" y="14">%[3]s</text>
<text x="%[8]s" y="15" fill="#010101" fill-opacity=".3">%[4]s</text><text x="%[8]s" y="14">%[4]s</text>
</g>
</svg>
`, lw+vw, lw, label, value, vw, badgeColor(r.Total.Percent, r.Total.Threshold),
		half(lw), half(2*lw+vw))
	return err
}

// BadgeFile writes r's badge to the file at path.
func BadgeFile(path string, r *coverage.Report) error {
	var svg bytes.Buffer
	if err := Badge(&svg, r); err != nil {
		return err
	}
	if err := os.WriteFile(path, svg.Bytes(), 0o666); err != nil {
		return fmt.Errorf("writing the badge: %w", err)
	}
	return nil
}

func textWidth(s string) int {
	return len(s)*7 - 1
}

// half formats n/2 with at most one decimal.
func half(n int) string {
	return strconv.FormatFloat(float64(n)/2, 'f', -1, 64)
}
