// Package extcall defines an Analyzer that checks test code.
//
// # Analyzer extcall
//
// extcall: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package extcall
