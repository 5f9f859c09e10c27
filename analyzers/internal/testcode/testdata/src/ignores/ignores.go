package ignores

func probe() {}
