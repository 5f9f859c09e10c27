package specs

// Register stands for any registry that keeps a function to call later.
func Register(name string, f func()) bool { return true }
