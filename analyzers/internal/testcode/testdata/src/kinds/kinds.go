package kinds

// TestInPackageFile is no test: tests live in _test.go files.
func TestInPackageFile() {}
