package env

import (
	"os"
	"testing"
)

// Flagged: process-wide changes that later tests inherit.

func TestHomeNeverRestored(t *testing.T) {
	dir := t.TempDir()
	os.Setenv("HOME", dir) // want `os.Setenv\("HOME", \.\.\.\) is never restored; use t.Setenv`
}

func TestSetenvChecked(t *testing.T) {
	if err := os.Setenv("GODEBUG", "x509usefallbackroots=1"); err != nil { // want `os.Setenv\("GODEBUG", \.\.\.\) is never restored; use t.Setenv`
		t.Fatal(err)
	}
}

func TestConfigFlags(t *testing.T) {
	defer os.Unsetenv("GOAMD64")
	os.Setenv("GOAMD64", "v1")
	os.Setenv("GORISCV64", "rva20u64") // want `os.Setenv\("GORISCV64", \.\.\.\) is never restored`
}

func setLocale(tb testing.TB, lang string) {
	os.Setenv("LANG", lang) // want `os.Setenv\("LANG", \.\.\.\) is never restored; use tb.Setenv`
}

func TestLocales(t *testing.T) {
	for _, tc := range []struct{ name, tz string }{{"utc", "UTC"}, {"tokyo", "Asia/Tokyo"}} {
		t.Run(tc.name, func(t *testing.T) {
			os.Setenv("TZ", tc.tz) // want `os.Setenv\("TZ", \.\.\.\) is never restored; use t.Setenv`
		})
	}
}

func TestParallelSetenv(t *testing.T) {
	t.Parallel()
	os.Setenv("TZ", "UTC") // want `os.Setenv\("TZ", \.\.\.\) is never restored; t.Setenv would panic in this parallel test, so drop t.Parallel and use t.Setenv`
}

func TestParallelParent(t *testing.T) {
	t.Parallel()
	t.Run("child", func(t *testing.T) {
		os.Setenv("TZ", "UTC") // want `t.Setenv would panic in this parallel test`
	})
}

// The subtest runs, and returns, before its parent calls t.Parallel:
// t.Setenv there passes go test, so it is the advice.
func TestParentGoesParallelAfterItsSubtest(t *testing.T) {
	t.Run("serial first", func(t *testing.T) {
		os.Setenv("TZ", "UTC") // want `os.Setenv\("TZ", \.\.\.\) is never restored; use t.Setenv$`
	})
	t.Parallel()
}

func TestChdirNeverRestored(t *testing.T) {
	os.Chdir(t.TempDir()) // want `working directory set by os.Chdir is never restored; use t.Chdir`
}

func TestChdirChecked(t *testing.T) {
	if err := os.Chdir("testdata"); err != nil { // want `working directory set by os.Chdir is never restored; use t.Chdir`
		t.Fatal(err)
	}
}

func TestDeferredHelperLeavesEnvAlone(t *testing.T) {
	defer closeConnections()
	os.Setenv("NO_PROXY", "*") // want `os.Setenv\("NO_PROXY", \.\.\.\) is never restored`
}

// Not flagged: restored, or not a change at all.

func TestRestoredByDeferredHelper(t *testing.T) {
	defer resetProxyEnv()
	t.Run("socks5", func(t *testing.T) {
		if err := os.Setenv("ALL_PROXY", "socks5://127.0.0.1:1080"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestChdirRestoredByCleanupHelper(t *testing.T) {
	t.Cleanup(backToStart)
	os.Chdir(t.TempDir())
}

func TestSavedAndRestored(t *testing.T) {
	old := os.Getenv("HOME")
	os.Setenv("HOME", t.TempDir())
	defer os.Setenv("HOME", old)
}

func TestLookupEnvRestoredInCleanup(t *testing.T) {
	prev, had := os.LookupEnv("GOFLAGS")
	t.Cleanup(func() {
		if had {
			os.Setenv("GOFLAGS", prev)
		} else {
			os.Unsetenv("GOFLAGS")
		}
	})
	os.Setenv("GOFLAGS", "-mod=mod")
}

func TestDeferredClosureRestore(t *testing.T) {
	defer func(old string) { os.Setenv("TZ", old) }(os.Getenv("TZ"))
	os.Setenv("TZ", "UTC")
}

func TestUnsetAtEnd(t *testing.T) {
	os.Setenv("CGO_ENABLED", "0")
	run(t)
	os.Unsetenv("CGO_ENABLED")
}

func TestSubtestsRestoredByParent(t *testing.T) {
	defer os.Setenv("GO111MODULE", os.Getenv("GO111MODULE"))
	for _, mode := range []string{"off", "on"} {
		t.Run(mode, func(t *testing.T) {
			os.Setenv("GO111MODULE", mode)
		})
	}
}

func TestTSetenvFirst(t *testing.T) {
	t.Setenv("GOPATH", "")
	os.Setenv("GOPATH", t.TempDir())
}

func TestSetenvMustFail(t *testing.T) {
	for _, tt := range []struct{ k, v string }{{"", ""}, {"k=v", ""}} {
		err := os.Setenv(tt.k, tt.v)
		if err == nil {
			t.Errorf("Setenv(%q, %q) == nil, want error", tt.k, tt.v)
		}
	}
}

func TestHelperProcess(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
		return
	}
	// We are in a child process that exits when this test is done.
	os.Setenv("GO_WANT_HELPER_PROCESS", "2")
	os.Chdir("/")
}

func TestChdirBack(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	os.Chdir(t.TempDir())
	defer os.Chdir(wd)
}

func TestChdirBackThroughFile(t *testing.T) {
	here, err := os.Open(".")
	if err != nil {
		t.Fatal(err)
	}
	defer here.Close()
	defer here.Chdir()
	os.Chdir(t.TempDir())
}

func TestTChdirRestoresPWD(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Setenv("PWD", "/tmp")
}

func run(t *testing.T) {}

func TestMain(m *testing.M) {
	os.Setenv("TZ", "UTC")
	os.Chdir("testdata")
	os.Exit(m.Run())
}
