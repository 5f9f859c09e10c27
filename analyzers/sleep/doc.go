// Package sleep defines an Analyzer that checks test code.
//
// # Analyzer sleep
//
// sleep: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package sleep
