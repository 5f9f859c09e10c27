// Package testmain checks waits in TestMain.
package testmain
