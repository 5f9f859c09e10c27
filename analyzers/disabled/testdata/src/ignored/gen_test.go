//go:build ignore

// This program generates the upload fixtures: go run gen_test.go.
package main

func main() {}
