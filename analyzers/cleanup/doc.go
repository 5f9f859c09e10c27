// Package cleanup defines an Analyzer that checks test code.
//
// # Analyzer cleanup
//
// cleanup: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package cleanup
