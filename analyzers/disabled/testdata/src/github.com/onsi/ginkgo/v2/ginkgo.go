// Package ginkgo stands in for github.com/onsi/ginkgo/v2 with the same
// shapes: some nodes are functions, others variables holding them, and
// Pending is a constant decorator.
package ginkgo

type pendingDecorator bool

const Pending = pendingDecorator(true)

func Describe(text string, args ...any) bool  { return true }
func FDescribe(text string, args ...any) bool { return true }
func PDescribe(text string, args ...any) bool { return true }

var XDescribe = PDescribe

var Context, FContext, PContext, XContext = Describe, FDescribe, PDescribe, XDescribe

func When(text string, args ...any) bool { return true }

func It(text string, args ...any) bool  { return true }
func FIt(text string, args ...any) bool { return true }
func PIt(text string, args ...any) bool { return true }

var XIt = PIt

var Specify, FSpecify, PSpecify, XSpecify = It, FIt, PIt, XIt

func BeforeEach(args ...any) bool            { return true }
func JustBeforeEach(args ...any) bool        { return true }
func AfterEach(args ...any) bool             { return true }
func BeforeAll(args ...any) bool             { return true }
func BeforeSuite(body any, args ...any) bool { return true }

func DescribeTable(description string, args ...any) bool  { return true }
func PDescribeTable(description string, args ...any) bool { return true }

type TableEntry struct{}

func Entry(description any, args ...any) TableEntry  { return TableEntry{} }
func PEntry(description any, args ...any) TableEntry { return TableEntry{} }

var XEntry = PEntry

func Skip(message string, callerSkip ...int) {}

func Fail(message string, callerSkip ...int) {}

func RunSpecs(t any, description string, args ...any) bool { return true }
