// Package env holds helpers that the tests defer to put the process back.
package env

import "os"

var startDir, _ = os.Getwd()

// resetProxyEnv clears the proxy variables that tests set.
func resetProxyEnv() {
	for _, k := range []string{"ALL_PROXY", "NO_PROXY"} {
		os.Unsetenv(k)
	}
}

func backToStart() { os.Chdir(startDir) }

func closeConnections() {}
