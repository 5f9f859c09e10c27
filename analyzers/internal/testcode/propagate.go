package testcode

// Propagate spreads a property of functions to their callers within a
// package, to the least fixpoint: starting from the functions in have,
// which have it on their own, it calls spread(caller, callee) for each
// caller of a function that has the property; spread gives the caller the
// property, if its call makes it so, and reports whether the caller gains
// it. Each function gains it once, so the work is linear in the calls.
func Propagate[F comparable](have []F, callers func(F) []F, spread func(caller, callee F) bool) {
	work := append([]F(nil), have...)
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range callers(fn) {
			if spread(caller, fn) {
				work = append(work, caller)
			}
		}
	}
}
