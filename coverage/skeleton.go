package coverage

import (
	"bytes"
	"sync"
)

// A skeleton is what the metrics need of a Go file's syntax: where its
// function declarations, ifs, case clauses and statements are, at the
// positions go/ast would give them. scanSkeleton finds them with a
// tokenizer and a small recursive descent over statements instead of
// go/parser: building a whole AST of every profiled file would cost
// several times the statement gate's time (see BenchmarkCover), and a
// fuzz test holds the two to the same answers.
type skeleton struct {
	funcs   []skelFunc
	ifs     []skelIf
	clauses []skelClause
	stmts   []pos // the starts of statements, as Go's cover tool counts them
}

// skeletons recycles skeletons, whose slices grow to fit a file: one per
// file of a large profile would cost more in garbage collection than the
// scan itself.
var skeletons = sync.Pool{New: func() any { return new(skeleton) }}

// withSkeleton calls fn with the skeleton of src, valid during the call.
func withSkeleton(src []byte, fn func(*skeleton)) {
	sk := skeletons.Get().(*skeleton)
	scanSkeleton(src, sk)
	fn(sk)
	skeletons.Put(sk)
}

type skelFunc struct {
	lbrace, end pos // the body's "{" and just past its "}"
}

type skelIf struct {
	at, lbrace, bodyEnd pos // the if keyword, the body's "{", just past its "}"
	elseEnd             pos // just past the else branch; zero without else
}

type skelClause struct {
	at, colon pos // the case or default keyword, its colon
	end       pos // where the next clause or the closing "}" starts
	isDefault bool
}

type tokKind uint8

const (
	tEOF   tokKind = iota
	tIdent         // identifiers and keywords
	tLit           // numbers, strings, runes
	tSemi          // ";", written or inserted at a line end
	tOp            // any other operator or punctuation
)

// The keywords the scanner tells apart; kwOther is any other keyword.
type keyword uint8

const (
	kwNone keyword = iota // not a keyword
	kwFunc
	kwIf
	kwElse
	kwFor
	kwSwitch
	kwSelect
	kwCase
	kwDefault
	kwStruct
	kwInterface
	kwMap
	kwChan
	kwOther
)

// lookupKeyword returns the keyword w is, kwNone if none.
func lookupKeyword(w []byte) keyword {
	switch string(w) {
	case "func":
		return kwFunc
	case "if":
		return kwIf
	case "else":
		return kwElse
	case "for":
		return kwFor
	case "switch":
		return kwSwitch
	case "select":
		return kwSelect
	case "case":
		return kwCase
	case "default":
		return kwDefault
	case "struct":
		return kwStruct
	case "interface":
		return kwInterface
	case "map":
		return kwMap
	case "chan":
		return kwChan
	case "break", "const", "continue", "defer", "fallthrough", "go", "goto", "import", "package", "range", "return", "type", "var":
		return kwOther
	}
	return kwNone
}

// Operators of more than one byte that the scanner tells apart; others are
// their first byte.
const (
	opArrow    byte = 1 // <-
	opDefine   byte = 2 // :=
	opEllipsis byte = 3 // ...
	opInc      byte = 4 // ++
	opDec      byte = 5 // --
)

// A tok is small (16 bytes): the scanner copies one per token.
type tok struct {
	kind       tokKind
	kw         keyword // of an identifier
	op         byte    // of an operator
	line, col  int32
	start, len int32 // offset and length of its text
}

func (t *tok) at() pos { return pos{int(t.line), int(t.col)} }

func (t *tok) isOp(op byte) bool      { return t.kind == tOp && t.op == op }
func (t *tok) isKw(kw keyword) bool   { return t.kind == tIdent && t.kw == kw }
func (t *tok) isName() bool           { return t.kind == tIdent && t.kw == kwNone }
func (t *tok) isText(src []byte) bool { return t.kind == tSemi && t.len == 1 && src[t.start] == ';' }
func (t *tok) text(src []byte) []byte { return src[t.start : t.start+t.len] }

// newTok returns a token of kind starting at offset start, here.
func (s *skelScanner) newTok(kind tokKind, start, end int) tok {
	return tok{kind: kind, line: int32(s.line), col: int32(start - s.lineStart + 1), start: int32(start), len: int32(end - start)}
}

// skelScanner tokenizes Go source and walks its statements.
type skelScanner struct {
	src       []byte
	off       int
	line      int
	lineStart int
	semi      bool // a line end now ends a statement
	tok       tok
	prev      tok // the token before tok
	blank     int // > 0 within "func _", which the cover tool skips
	sk        *skeleton
}

// scanSkeleton fills sk, its slices emptied and reused, with the skeleton
// of a Go file. It never fails: on source that does not parse it keeps
// what it recognised.
func scanSkeleton(src []byte, sk *skeleton) {
	sk.funcs, sk.ifs, sk.clauses, sk.stmts = sk.funcs[:0], sk.ifs[:0], sk.clauses[:0], sk.stmts[:0]
	s := &skelScanner{src: src, line: 1, sk: sk}
	s.next()
	for s.tok.kind != tEOF {
		switch {
		case s.tok.isKw(kwFunc):
			s.funcDecl()
		case s.tok.kind == tSemi:
			s.next()
		default:
			// package, import, var, const and type declarations: function
			// literals in them hold statements too.
			before := s.off
			s.skipExpr(modeStmt)
			if s.off == before && s.tok.kind != tEOF {
				s.next() // a stray closing bracket
			}
		}
	}
}

// next moves to the next token, inserting semicolons at line ends as the
// Go specification says.
func (s *skelScanner) next() {
	s.prev = s.tok
	semi := s.semi
	s.semi = false
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c == ' ' || c == '\t' || c == '\r' { // most often, indentation
			s.off++
			continue
		}
		switch {
		case c == '\n':
			if semi {
				s.tok = s.newTok(tSemi, s.off, s.off)
				s.newline()
				return
			}
			s.newline()
		case c == '/' && s.off+1 < len(s.src) && s.src[s.off+1] == '/':
			if i := bytes.IndexByte(s.src[s.off:], '\n'); i >= 0 {
				s.off += i
			} else {
				s.off = len(s.src)
			}
		case c == '/' && s.off+1 < len(s.src) && s.src[s.off+1] == '*':
			comment := s.newTok(tSemi, s.off, s.off)
			end := bytes.Index(s.src[s.off+2:], []byte("*/"))
			if end < 0 {
				end = len(s.src)
			} else {
				end += s.off + 4
			}
			multiline := s.skipTo(end)
			if semi && multiline {
				s.tok = comment
				return
			}
		default:
			s.token(c)
			return
		}
	}
	if semi {
		s.tok = s.newTok(tSemi, s.off, s.off)
		return
	}
	s.tok = s.newTok(tEOF, s.off, s.off)
}

func (s *skelScanner) newline() {
	s.off++
	s.line++
	s.lineStart = s.off
}

// skipTo moves to offset end, counting lines; it reports whether it
// crossed a line end.
func (s *skelScanner) skipTo(end int) bool {
	crossed := false
	for s.off < end {
		if s.src[s.off] == '\n' {
			s.newline()
			crossed = true
			continue
		}
		s.off++
	}
	return crossed
}

// wordByte marks the bytes of identifiers and keywords: letters, digits,
// '_' and every byte of a multi-byte UTF-8 letter.
var wordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isLetter(byte(c)) || isDigit(byte(c))
	}
	return t
}()

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (s *skelScanner) token(c byte) {
	start := s.off
	s.semi = true
	switch {
	case isLetter(c):
		src := s.src
		i := s.off
		for i < len(src) && wordByte[src[i]] {
			i++
		}
		s.off = i
		kw := kwNone
		if s.off-start >= 2 && s.off-start <= 11 && 'a' <= c && c <= 'z' {
			kw = lookupKeyword(s.src[start:s.off])
		}
		s.tok = s.newTok(tIdent, start, s.off)
		s.tok.kw = kw
		if kw != kwNone {
			switch string(s.src[start:s.off]) {
			case "break", "continue", "fallthrough", "return":
			default:
				s.semi = false
			}
		}
		return
	case isDigit(c) || c == '.' && s.off+1 < len(s.src) && isDigit(s.src[s.off+1]):
		s.number()
	case c == '"' || c == '\'':
		s.off++
		for s.off < len(s.src) && s.src[s.off] != c && s.src[s.off] != '\n' {
			if s.src[s.off] == '\\' {
				s.off++
			}
			s.off++
		}
		s.off = min(s.off+1, len(s.src))
	case c == '`':
		t := s.newTok(tLit, start, start)
		end := bytes.IndexByte(s.src[s.off+1:], '`')
		if end < 0 {
			end = len(s.src)
		} else {
			end += s.off + 2
		}
		s.skipTo(end)
		t.len = int32(s.off - start)
		s.tok = t
		return
	default:
		s.operator(c)
		return
	}
	s.tok = s.newTok(tLit, start, s.off)
}

// operator scans an operator or punctuation starting with c.
func (s *skelScanner) operator(c byte) {
	start, op := s.off, c
	s.off++
	switch c {
	case '<', ':', '+', '-', '.': // those the scanner tells apart from longer ones
		if s.off < len(s.src) {
			switch d := s.src[s.off]; {
			case c == '<' && d == '-':
				op = opArrow
			case c == ':' && d == '=':
				op = opDefine
			case c == '+' && d == '+':
				op = opInc
			case c == '-' && d == '-':
				op = opDec
			case c == '.' && d == '.' && s.off+1 < len(s.src) && s.src[s.off+1] == '.':
				op = opEllipsis
				s.off++
			}
			if op != c {
				s.off++
			}
		}
	}
	kind := tOp
	switch op {
	case ';':
		kind = tSemi
		s.semi = false
	case ')', ']', '}', opInc, opDec:
	default:
		s.semi = false
	}
	s.tok = s.newTok(kind, start, s.off)
	s.tok.op = op
}

// number skips a number literal: digits, letters (prefixes, exponents,
// suffixes), '_', '.', and a sign after an exponent.
func (s *skelScanner) number() {
	hex := bytes.HasPrefix(s.src[s.off:], []byte("0x")) || bytes.HasPrefix(s.src[s.off:], []byte("0X"))
	for s.off < len(s.src) {
		c := s.src[s.off]
		switch {
		case isDigit(c) || isLetter(c) && c < 0x80 || c == '.':
			s.off++
			exp := c == 'p' || c == 'P' || !hex && (c == 'e' || c == 'E')
			if exp && s.off < len(s.src) && (s.src[s.off] == '+' || s.src[s.off] == '-') {
				s.off++
			}
		default:
			return
		}
	}
}

// peekColon reports whether the next token is ":", as after a label: only
// a label's name is followed by one at the start of a statement.
func (s *skelScanner) peekColon() bool {
	i := s.off
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	return i < len(s.src) && s.src[i] == ':' && (i+1 == len(s.src) || s.src[i+1] != '=')
}

// endsOperand reports whether t can end an operand, so that "[" or "{"
// after it indexes or opens a body rather than starting a type.
func endsOperand(t tok) bool {
	switch t.kind {
	case tLit:
		return true
	case tIdent:
		return t.kw == kwNone
	case tOp:
		return t.op == ')' || t.op == ']' || t.op == '}'
	}
	return false
}

type exprMode uint8

const (
	modeStmt   exprMode = iota // stop at ";" at depth 0
	modeHeader                 // stop at the body's "{" of if, for, switch
	modeCase                   // stop at the ":" of a case clause
)

// skipExpr moves over the tokens of a simple statement, declaration,
// statement header or case expression list, parsing the function literals
// in it, and stops (without consuming) at depth 0 at: a ";" (modeStmt), the
// body's "{" (modeHeader), the clause's ":" (modeCase), or a closing
// bracket it did not open.
func (s *skelScanner) skipExpr(mode exprMode) {
	depth := 0
	litType := false  // a type literal ([]T, map[K]V, struct{...}) at depth 0 of a header: its "{" opens a composite literal
	typeBody := false // the next "{" opens a struct or interface type
	for {
		t := &s.tok
		switch t.kind {
		case tEOF:
			return
		case tSemi:
			if depth == 0 && mode == modeStmt {
				return
			}
			litType = litType && depth > 0
		case tLit:
			litType = litType && depth > 0
		case tIdent:
			switch t.kw {
			case kwFunc:
				if !s.prev.isOp(']') && !s.prev.isOp(')') && !s.prev.isKw(kwChan) && !s.prev.isOp('*') { // else a function type
					s.funcLit()
					continue
				}
			case kwStruct, kwInterface:
				typeBody = true
				litType = litType || depth == 0 && !endsOperand(s.prev)
			case kwMap:
				litType = litType || depth == 0 && !endsOperand(s.prev)
			}
			// Types go on through names: litType stays as it is.
		case tOp:
			switch t.op {
			case '(', '[':
				switch {
				case depth > 0:
				case t.op == '[' && !endsOperand(s.prev):
					litType = true
				case t.op == '(' && !s.prev.isKw(kwFunc):
					litType = false // a conversion such as []byte(s), not a type's parameters
				}
				depth++
			case ')', ']', '}':
				if depth == 0 {
					return
				}
				depth--
			case '{':
				switch {
				case typeBody:
					typeBody = false
				case depth == 0 && mode == modeHeader && !litType:
					return
				case depth == 0:
					litType = false
				}
				depth++
			case ':':
				if depth == 0 && mode == modeCase {
					return
				}
				litType = litType && depth > 0
			case '.', '*', opArrow:
				// Types go on through selectors, pointers and channels.
			default:
				litType = litType && depth > 0
			}
		}
		s.next()
	}
}

// skipGroup moves past a bracketed group, the current token being its
// opening bracket.
func (s *skelScanner) skipGroup() {
	depth := 0
	for s.tok.kind != tEOF {
		switch {
		case s.tok.isOp('(') || s.tok.isOp('[') || s.tok.isOp('{'):
			depth++
		case s.tok.isOp(')') || s.tok.isOp(']') || s.tok.isOp('}'):
			depth--
		}
		s.next()
		if depth <= 0 {
			return
		}
	}
}

// skipType moves past a type, as in a function's result.
func (s *skelScanner) skipType() {
	for {
		switch t := &s.tok; {
		case t.isOp('*') || t.isOp(opArrow) || t.isKw(kwChan):
			s.next()
		case t.isOp('['):
			s.skipGroup()
		case t.isKw(kwMap):
			s.next()
			if s.tok.isOp('[') {
				s.skipGroup()
			}
		case t.isKw(kwFunc):
			s.next()
			s.signatureRest()
			return
		case t.isKw(kwStruct) || t.isKw(kwInterface):
			s.next()
			if s.tok.isOp('{') {
				s.skipGroup()
			}
			return
		case t.isOp('('):
			s.skipGroup()
			return
		case t.isName():
			s.next()
			if s.tok.isOp('.') {
				s.next()
				s.next()
			}
			if s.tok.isOp('[') {
				s.skipGroup()
			}
			return
		default:
			return
		}
	}
}

// signatureRest moves past a function's parameters and result.
func (s *skelScanner) signatureRest() {
	if s.tok.isOp('(') {
		s.skipGroup()
	}
	switch t := &s.tok; {
	case t.isOp('('):
		s.skipGroup()
	case t.isName() || t.isKw(kwFunc) || t.isKw(kwMap) || t.isKw(kwChan) || t.isKw(kwStruct) || t.isKw(kwInterface),
		t.isOp('*') || t.isOp('[') || t.isOp(opArrow):
		s.skipType()
	}
}

// funcLit moves past a function literal or type, parsing the literal's
// body.
func (s *skelScanner) funcLit() {
	s.next()
	s.signatureRest()
	if s.tok.isOp('{') {
		s.next()
		s.block()
	}
}

// funcDecl parses a function declaration.
func (s *skelScanner) funcDecl() {
	s.next()
	if s.tok.isOp('(') {
		s.skipGroup() // the receiver
	}
	blank := false
	if s.tok.kind == tIdent {
		blank = string(s.tok.text(s.src)) == "_"
		s.next()
	}
	if s.tok.isOp('[') {
		s.skipGroup()
	}
	s.signatureRest()
	if !s.tok.isOp('{') {
		return // no body: assembly, //go:linkname
	}
	lbrace := s.tok.at()
	s.next()
	if blank {
		s.blank++
		s.block()
		s.blank--
		return
	}
	end := s.block()
	s.sk.funcs = append(s.sk.funcs, skelFunc{lbrace: lbrace, end: end})
}

// block parses a statement list after its "{" up to the matching "}",
// which it consumes, and returns the position just past it.
func (s *skelScanner) block() pos {
	s.stmtList()
	end := s.tok.at()
	if s.tok.isOp('}') {
		end.col++
		s.next()
	}
	return end
}

// stmtList parses statements up to a "}", case or default.
func (s *skelScanner) stmtList() {
	for {
		switch t := &s.tok; {
		case t.kind == tEOF || t.isOp('}') || t.isKw(kwCase) || t.isKw(kwDefault):
			return
		case t.kind == tSemi:
			if t.isText(s.src) { // an empty statement written out
				s.record(t.at())
			}
			s.next()
		default:
			s.stmt()
		}
	}
}

func (s *skelScanner) record(p pos) {
	if s.blank == 0 {
		s.sk.stmts = append(s.sk.stmts, p)
	}
}

// stmt parses one statement and the ";" ending it.
func (s *skelScanner) stmt() {
	// A label: the statement is the one it labels.
	for s.tok.isName() && s.peekColon() {
		s.next()
		s.next()
		if s.tok.isOp('}') {
			s.record(s.tok.at())
			return
		}
	}
	s.record(s.tok.at())
	switch t := &s.tok; {
	case t.isKw(kwIf):
		s.ifStmt()
	case t.isKw(kwFor):
		s.next()
		s.skipExpr(modeHeader)
		if s.tok.isOp('{') {
			s.next()
			s.block()
		}
	case t.isKw(kwSwitch) || t.isKw(kwSelect):
		s.next()
		s.skipExpr(modeHeader)
		if s.tok.isOp('{') {
			s.next()
			s.clauses()
		}
	case t.isOp('{'):
		s.next()
		s.block()
	default:
		before := s.off
		s.skipExpr(modeStmt)
		if s.off == before && !s.tok.isOp('}') && s.tok.kind != tSemi && s.tok.kind != tEOF {
			s.next() // a stray closing bracket
		}
	}
	if s.tok.kind == tSemi {
		s.next()
	}
}

// ifStmt parses an if statement and its else branches, and returns the
// position just past it.
func (s *skelScanner) ifStmt() pos {
	i := len(s.sk.ifs)
	if s.blank == 0 {
		s.sk.ifs = append(s.sk.ifs, skelIf{at: s.tok.at()})
	}
	s.next()
	s.skipExpr(modeHeader) // function literals in it may hold ifs
	if !s.tok.isOp('{') {
		return s.tok.at()
	}
	if s.blank == 0 {
		s.sk.ifs[i].lbrace = s.tok.at()
	}
	s.next()
	end := s.block()
	var elseEnd pos
	if s.tok.isKw(kwElse) {
		s.next()
		switch {
		case s.tok.isKw(kwIf):
			s.record(s.tok.at())
			elseEnd = s.ifStmt()
		case s.tok.isOp('{'):
			s.next()
			elseEnd = s.block()
		}
	}
	if s.blank == 0 {
		s.sk.ifs[i].bodyEnd, s.sk.ifs[i].elseEnd = end, elseEnd
	}
	if elseEnd != (pos{}) {
		return elseEnd
	}
	return end
}

// clauses parses the case clauses of a switch or select after its "{",
// up to the matching "}", which it consumes.
func (s *skelScanner) clauses() {
	for {
		switch t := &s.tok; {
		case t.kind == tEOF:
			return
		case t.isOp('}'):
			s.next()
			return
		case t.isKw(kwCase) || t.isKw(kwDefault):
			c := skelClause{at: t.at(), isDefault: t.kw == kwDefault}
			s.next()
			s.skipExpr(modeCase)
			if !s.tok.isOp(':') {
				return
			}
			c.colon = s.tok.at()
			s.next()
			i := len(s.sk.clauses)
			if s.blank == 0 {
				s.sk.clauses = append(s.sk.clauses, c)
			}
			s.stmtList()
			if s.blank == 0 {
				s.sk.clauses[i].end = s.tok.at()
			}
		default:
			s.next()
		}
	}
}
