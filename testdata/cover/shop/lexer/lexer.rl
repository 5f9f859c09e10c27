// A Ragel-like grammar; lexer.go is "generated" from it and its //line
// directives point back here.
%%{
  machine digits;
  main := digit+;
}%%

func Digits(s string) bool {
  for each byte: if not digit, return false
  return true
}
