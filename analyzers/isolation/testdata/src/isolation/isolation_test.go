package isolation

import (
	"flag"
	"net/http"
	"os"
	"testing"
	"time"

	"clock"
)

var fixed = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

func TestUnrestoredWrites(t *testing.T) {
	clock.Now = func() time.Time { return fixed } // want `TestUnrestoredWrites sets package variable clock.Now without restoring it; save it and restore it with t.Cleanup`
	timeNow = clock.Now                           // want `sets package variable timeNow without restoring it`
	http.DefaultClient = &http.Client{}           // want `sets package variable http.DefaultClient without restoring it`
	clock.Default.Timeout = time.Millisecond      // want `sets package variable clock.Default.Timeout without restoring it`
	clock.Zone.Retries++                          // want `sets package variable clock.Zone.Retries without restoring it`
	retries += 2                                  // want `sets package variable retries without restoring it`
	global.verbose = true                         // want `sets package variable global.verbose without restoring it`
	*clock.Verbose = true                         // want `sets package variable \*clock.Verbose without restoring it`
}

func TestSubtestWritesAreTheTests(t *testing.T) {
	t.Run("fast", func(t *testing.T) {
		debug = true // want `TestSubtestWritesAreTheTests sets package variable debug without restoring it`
	})
}

func TestRestoredWithCleanup(t *testing.T) {
	old := clock.Now
	t.Cleanup(func() { clock.Now = old })
	clock.Now = func() time.Time { return fixed }
}

func TestRestoredWithDeferredArgument(t *testing.T) {
	defer func(v func() time.Time) { timeNow = v }(timeNow)
	timeNow = func() time.Time { return fixed }
}

func TestRestoredWithDefer(t *testing.T) {
	defer func() { testHookDial = nil }()
	testHookDial = func(string) {}
}

func TestRestoredBySavedValueAtTheEnd(t *testing.T) {
	saved := debug
	debug = true
	if !debug {
		t.Error("debug not set")
	}
	debug = saved
}

func TestRestoredThroughAClosure(t *testing.T) {
	var oldRetries = retries
	restore := func() { retries = oldRetries }
	defer restore()
	retries = 0
}

func TestRestoredByTheWholeValue(t *testing.T) {
	old := *clock.Default
	t.Cleanup(func() { *clock.Default = old })
	clock.Default.Retries = 9
	saved := global
	defer func() { global = saved }()
	global.verbose = true
}

func TestRestoredByAFunctionOfThePackage(t *testing.T) {
	t.Cleanup(resetHooks)
	testHookDial = func(string) {}
}

func TestRestoredByADeferredFunctionOfThePackage(t *testing.T) {
	defer resetHooks()
	testHookDial = func(string) {}
}

func TestAddressHandedToAHelper(t *testing.T) {
	defer swap(&debug, true)()
	t.Cleanup(swap(&clock.Now, func() time.Time { return fixed }))
}

func TestRestoredInParentOfSubtest(t *testing.T) {
	old := timeNow
	defer func() { timeNow = old }()
	t.Run("frozen", func(t *testing.T) {
		timeNow = func() time.Time { return fixed }
	})
}

func TestSavedValueOfAnotherVariableIsNoRestore(t *testing.T) {
	saved := retries
	debug = true // want `sets package variable debug without restoring it`
	retries = saved
}

func TestMapsAndLocalsAreNotFollowed(t *testing.T) {
	registry["x"] = 1
	now := clock.Now
	now = time.Now
	_ = now
	cfg := *clock.Default
	cfg.Timeout = 0
	_ = cfg
}

// A local variable that shadows a package variable is the test's own, as
// viper's `var v *Viper` in a test shadows the package's instance v.
func TestLocalShadowingAPackageVariable(t *testing.T) {
	var global *settings
	global = &settings{verbose: true}
	debug := false
	debug = true
	if !global.verbose || !debug {
		t.Error("not set")
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	clock.Now = func() time.Time { return fixed }
	os.Exit(m.Run())
}

func init() {
	debug = os.Getenv("DEBUG") != ""
}

// setDebug is a helper whose every caller restores debug.
func setDebug(t *testing.T) {
	t.Helper()
	debug = true
}

func TestCallerRestoresForTheHelper(t *testing.T) {
	old := debug
	t.Cleanup(func() { debug = old })
	setDebug(t)
}

// freeze is a helper one of whose callers does not restore timeNow.
func freeze(t *testing.T) {
	timeNow = func() time.Time { return fixed } // want `freeze sets package variable timeNow without restoring it`
}

func TestCallerLeaksThroughTheHelper(t *testing.T) {
	freeze(t)
}

func TestIgnoredWithReason(t *testing.T) {
	//testgate:ignore isolation the package is reinitialized by every test through TestMain
	clock.Default = &clock.Config{}
}

func TestIgnoredWithoutReason(t *testing.T) {
	/* want `//testgate:ignore isolation has no reason` */ //testgate:ignore isolation
	clock.Default = &clock.Config{}                        // want `sets package variable clock.Default without restoring it`
}
