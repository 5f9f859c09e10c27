// Package testname defines an Analyzer that checks test code.
//
// # Analyzer testname
//
// testname: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package testname
