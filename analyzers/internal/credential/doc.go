// Package credential tells credentials from look-alikes in strings and
// names, and hides them in text shown to people. The secret analyzer
// reports what it finds; every message or source line that testgate prints
// goes through [RedactText], so that no output shows a credential whole.
package credential
