// Package check is an assertion library: it inspects what it is given
// and keeps none of it.
package check

import (
	"fmt"
	"reflect"
)

type T interface {
	Errorf(format string, args ...any)
}

func NotNil(t T, object any) {
	if object == nil || reflect.ValueOf(object).IsNil() {
		t.Errorf("%s", fmt.Sprintf("expected a value, got %v", object))
	}
}
