package parallel

import (
	"testing"

	"envhelp"
)

func TestSetenvInParallelTest(t *testing.T) {
	t.Parallel()
	t.Setenv("TZ", "UTC") // want `t.Setenv panics in a test that calls t.Parallel; drop t.Parallel or do without t.Setenv`
}

func TestChdirBeforeParallel(t *testing.T) {
	t.Chdir(t.TempDir()) // want `t.Chdir panics in a test that calls t.Parallel`
	t.Parallel()
}

func TestSetenvInSubtestOfParallelTest(t *testing.T) {
	t.Parallel()
	for _, tz := range []string{"UTC", "Europe/Paris"} {
		t.Run(tz, func(t *testing.T) {
			t.Setenv("TZ", tz) // want `t.Setenv panics in a subtest of a parallel test`
		})
	}
}

func TestSetenvInParallelSubtest(t *testing.T) {
	t.Run("utc", func(t *testing.T) {
		t.Parallel()
		t.Setenv("TZ", "UTC") // want `t.Setenv panics in a test that calls t.Parallel`
	})
}

func TestSetenvThroughHelper(t *testing.T) {
	t.Parallel()
	envhelp.SetHome(t, t.TempDir()) // want `SetHome calls t.Setenv, which panics in a test that calls t.Parallel; drop t.Parallel`
	envhelp.Offline(t)              // want `Offline calls t.Setenv`
	envhelp.InDir(t, t.TempDir())   // want `InDir calls t.Chdir`
	envhelp.Name(t)
}

func TestSetenvWithoutParallel(t *testing.T) {
	t.Setenv("TZ", "UTC")
	envhelp.SetHome(t, t.TempDir())
	t.Run("parallel sibling", func(t *testing.T) {
		t.Parallel()
	})
	t.Setenv("LANG", "C")
}

func TestParentParallelAfterSubtests(t *testing.T) {
	t.Run("env", func(t *testing.T) {
		t.Setenv("TZ", "UTC")
	})
	t.Run("more", func(t *testing.T) {
		t.Parallel()
	})
}

func TestSetenvOnParentInsideParallelSubtest(t *testing.T) {
	t.Setenv("TZ", "UTC")
	t.Run("child", func(c *testing.T) {
		c.Parallel()
	})
}

func TestWriteWhileParallel(t *testing.T) {
	t.Parallel()
	old := Level
	t.Cleanup(func() { Level = old })
	Level = 3 // want `TestWriteWhileParallel sets package variable Level while running in parallel with other tests; drop t.Parallel or pass the value in instead`
}

func TestWriteInSubtestOfParallelTest(t *testing.T) {
	t.Parallel()
	t.Run("x", func(t *testing.T) {
		Level = 4 // want `sets package variable Level while running in parallel`
	})
}

func TestWriteWithoutParallel(t *testing.T) {
	old := Level
	t.Cleanup(func() { Level = old })
	Level = 5
}

func TestOwnVariableWhileParallel(t *testing.T) {
	t.Parallel()
	ownCounter++
}

var ownCounter int
