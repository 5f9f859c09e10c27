package specs

func Save() error { return nil }

func serverVersionAtLeast(v string) bool { return true }
