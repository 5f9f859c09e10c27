package shapes

import "testing"

func TestShapesReturnWhatTheirInputsSay(t *testing.T) {
	if Sign(1) != "+" || Sign(0) != "0" {
		t.Error("Sign")
	}
	if Clamp(5, 0, 10) != 5 {
		t.Error("Clamp")
	}
	if Kind('1') != "digit" || Kind(' ') != "space" {
		t.Error("Kind")
	}
	if !Weekend(0) || Weekend(3) {
		t.Error("Weekend")
	}
	if Describe(1) != "int" || Describe(2.5) != "other" {
		t.Error("Describe")
	}
	c := make(chan int, 1)
	c <- 7
	if Recv(c, nil) != 7 {
		t.Error("Recv")
	}
	if Sum([]int{1, 2}) != 3 {
		t.Error("Sum")
	}
	if Later(4) == nil {
		t.Error("Later")
	}
}
