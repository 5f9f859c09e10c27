package generated

func probe() {}
