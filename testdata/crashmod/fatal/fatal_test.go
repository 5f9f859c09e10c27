package fatal

import (
	"log"
	"testing"
)

func TestHalfOfFourIsTwo(t *testing.T) {
	if Half(4) != 2 {
		t.Error("Half(4) != 2")
	}
}

func TestConfigLoads(t *testing.T) {
	t.Log("loading the configuration")
	log.Fatal("config: open /etc/app.yml: no such file")
}
