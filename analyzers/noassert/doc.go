// Package noassert defines an Analyzer that checks test code.
//
// # Analyzer noassert
//
// noassert: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package noassert
