package b

import (
	"testing"

	"assert"
	"helpers"
	"mock"
)

// Facts exported by the helpers package say which of its functions can
// fail the test they are given.

func TestOnlyLogsThroughHelper(t *testing.T) { // want `TestOnlyLogsThroughHelper never reports a failure`
	helpers.Logf(t, "double: %d", Double(2))
}

func TestTracesThroughInterface(t *testing.T) { // want `TestTracesThroughInterface never reports a failure`
	helpers.Trace(t, "double")
	Double(2)
}

func TestReadsThroughFailingHelper(t *testing.T) {
	helpers.MustRead(t, "testdata/input")
}

func TestSkipsThenDiscards(t *testing.T) { // want `TestSkipsThenDiscards never reports a failure`
	helpers.RequiresNetwork(t)
	Double(3)
}

func TestChecksThroughTransitiveHelper(t *testing.T) {
	helpers.Equal(t, Double(2), 4)
}

func TestWalksRecursiveHelper(t *testing.T) { // want `TestWalksRecursiveHelper never reports a failure`
	helpers.Walk(t, &helpers.Node{Name: "root", Children: []*helpers.Node{{Name: "leaf"}}})
}

func TestNamedSubtestFromHelpers(t *testing.T) { // want `TestNamedSubtestFromHelpers never reports a failure`
	t.Run("log", helpers.LogSubtest)
}

func TestFailingSubtestFromHelpers(t *testing.T) {
	t.Run("fail", helpers.FailingSubtest)
}

func TestRunsFuncValueThroughHelper(t *testing.T) {
	helpers.RunWith(t, func(t *testing.T) { Double(1) })
}

func TestEnvStoresT(t *testing.T) {
	env := helpers.NewEnv(t)
	Double(1)
	env.Check()
}

func TestInterfaceMethodGetsT(t *testing.T) {
	var c helpers.Checker
	c.Check(t)
}

func TestExitingHelper(t *testing.T) {
	if Double(1) != 2 {
		helpers.Exit(t, 1)
	}
}

func TestTestifyStyleAssert(t *testing.T) {
	assert.Equal(t, 4, Double(2))
}

func TestTestifyStyleNoError(t *testing.T) {
	var err error
	assert.NoError(t, err)
}

func TestGomockStyleController(t *testing.T) {
	ctrl := mock.NewController(t)
	defer ctrl.Finish()
	Double(2)
}
