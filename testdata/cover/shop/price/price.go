// Package price classifies prices.
package price

//go:generate stringer -type=Band

// Band is a price band.
type Band int

// The bands.
const (
	Cheap Band = iota
	Fair
	Dear
)

// Classify puts cents into a band.
func Classify(cents int) Band {
	switch {
	case cents < 100:
		return Cheap
	case cents < 1000:
		return Fair
	}
	return Dear
}
