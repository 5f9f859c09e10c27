// Package secret defines an Analyzer that checks test code.
//
// # Analyzer secret
//
// secret: not yet implemented
//
// This analyzer is a placeholder until its rule lands.
package secret
