package exit

import (
	"fmt"
	"os"
	"testing"
)

func TestTwiceOfTwoIsFour(t *testing.T) {
	if Twice(2) != 4 {
		t.Error("Twice(2) != 4")
	}
}

func TestServerStarts(t *testing.T) {
	fmt.Println("server: port 8080 in use")
	os.Exit(3)
}
