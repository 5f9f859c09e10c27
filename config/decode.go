package config

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// unmarshaler is a value that decodes itself from a YAML node.
type unmarshaler interface {
	UnmarshalYAML(*yaml.Node) error
}

// validator is a struct that checks itself once all its keys are decoded.
type validator interface {
	Validate() error
}

// decode walks the YAML node n onto v (a pointer), strictly: mapping keys
// must name fields by their yaml tags, once each. Errors read
// "file:line: key.path: reason".
func decode(file string, n *yaml.Node, v any) error {
	d := decoder{file: file}
	return d.value(n, reflect.ValueOf(v).Elem(), "")
}

type decoder struct{ file string }

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	return fmt.Errorf("%s:%d: %s", d.file, n.Line, msg)
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) error {
	switch n.Kind {
	case 0: // an empty document
		return nil
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return d.value(n.Content[0], v, path)
	case yaml.AliasNode:
		return d.value(n.Alias, v, path)
	}
	if isNull(n) {
		// "key:" with no value leaves the default in place.
		return nil
	}
	if u, ok := v.Addr().Interface().(unmarshaler); ok {
		if err := u.UnmarshalYAML(n); err != nil {
			var le *lineError
			if errors.As(err, &le) {
				return fmt.Errorf("%s:%d: %w", d.file, le.line, le.err)
			}
			return d.errorf(n, path, "%v", err)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		if err := d.value(n, elem.Elem(), path); err != nil {
			return err
		}
		v.Set(elem)
		return nil
	case reflect.Struct:
		return d.structValue(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.errorf(n, path, "want a list, got %s", describe(n))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			ipath := fmt.Sprintf("%s[%d]", path, i)
			if isNull(item) {
				return d.errorf(item, ipath, "empty list item")
			}
			if err := d.value(item, s.Index(i), ipath); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Map:
		return d.mapValue(n, v, path)
	case reflect.Interface:
		// Free-form values (options handed on to someone else) decode as
		// YAML decodes them.
		if err := n.Decode(v.Addr().Interface()); err != nil {
			return d.errorf(n, path, "%v", err)
		}
		return nil
	}
	if n.Kind != yaml.ScalarNode || !tagFits(n, v.Kind()) || n.Decode(v.Addr().Interface()) != nil {
		return d.errorf(n, path, "want %s, got %s", kindName(v.Kind()), describe(n))
	}
	return nil
}

func (d *decoder) structValue(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, path, "want a mapping of %s, got %s", strings.Join(keys(v.Type()), ", "), describe(n))
	}
	seen := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		field, ok := fieldByKey(v.Type(), k.Value)
		if !ok || k.Kind != yaml.ScalarNode {
			where := "at the top level"
			if path != "" {
				where = "in " + path
			}
			return d.errorf(k, "", "unknown key %q %s (known: %s)", k.Value, where, strings.Join(keys(v.Type()), ", "))
		}
		key := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			return d.errorf(k, "", "duplicate key %s (first on line %d)", key, line)
		}
		seen[k.Value] = k.Line
		if err := d.value(val, v.FieldByIndex(field.Index), key); err != nil {
			return err
		}
	}
	if c, ok := v.Addr().Interface().(validator); ok {
		if err := c.Validate(); err != nil {
			return d.errorf(n, path, "%v", err)
		}
	}
	return nil
}

// mapValue decodes a mapping with free keys, such as per-name settings.
func (d *decoder) mapValue(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, path, "want a mapping, got %s", describe(n))
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := reflect.New(v.Type().Key()).Elem()
		if err := d.value(k, key, path); err != nil {
			return err
		}
		if m.MapIndex(key).IsValid() {
			return d.errorf(k, "", "duplicate key %s", join(path, k.Value))
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := d.value(val, elem, join(path, k.Value)); err != nil {
			return err
		}
		m.SetMapIndex(key, elem)
	}
	v.Set(m)
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldByKey returns the field of struct type t tagged yaml:"key".
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for f := range fieldsOf(t) {
		if tagName(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func keys(t reflect.Type) []string {
	var names []string
	for f := range fieldsOf(t) {
		names = append(names, tagName(f))
	}
	return names
}

func fieldsOf(t reflect.Type) func(yield func(reflect.StructField) bool) {
	return func(yield func(reflect.StructField) bool) {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() && tagName(f) != "" && !yield(f) {
				return
			}
		}
	}
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names a node's value for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return describe(n.Alias)
	}
	return fmt.Sprintf("%q", n.Value)
}

// tagFits reports whether a scalar's resolved tag suits a Go kind; YAML
// alone would truncate 2.5 into an int.
func tagFits(n *yaml.Node, k reflect.Kind) bool {
	switch tag := n.ShortTag(); {
	case k >= reflect.Int && k <= reflect.Uint64:
		return tag == "!!int"
	case k == reflect.Bool:
		return tag == "!!bool"
	}
	return true
}

func kindName(k reflect.Kind) string {
	switch {
	case k == reflect.Bool:
		return "true or false"
	case k == reflect.String:
		return "a string"
	case k == reflect.Float32 || k == reflect.Float64:
		return "a number"
	case k >= reflect.Int && k <= reflect.Uint64:
		return "an integer"
	}
	return "a " + k.String()
}
