package commented

/*
func TestParseInBlockComment(t *testing.T) {
	if _, err := Parse("x"); err != nil {
		t.Fatal(err)
	}
}
*/

/* func TestParseOpeningBlock(t *testing.T) {
	Parse("y")
} */

/*
Testing the parser by hand:

func TestParseByHand(t *testing.T) {
This is prose about the test, not its body.
}
*/
