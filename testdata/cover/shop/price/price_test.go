package price

import "testing"

func TestClassifyPutsSmallPricesInTheCheapBand(t *testing.T) {
	if got := Classify(50); got != Cheap {
		t.Errorf("Classify(50) = %d, want Cheap", got)
	}
	if got := Classify(500); got != Fair {
		t.Errorf("Classify(500) = %d, want Fair", got)
	}
}
