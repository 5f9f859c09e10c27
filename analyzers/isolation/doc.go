// Package isolation defines an Analyzer that checks test code.
//
// # Analyzer isolation
//
// isolation: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package isolation
