package coverage

import (
	"fmt"
	"slices"
	"strings"
)

// Merge combines profiles, e.g. of sharded CI jobs or runs with
// -coverpkg=./..., into one. A block that appears in several profiles is
// covered if any copy ran; in count and atomic mode counts add. Count and
// atomic profiles merge as count mode; set profiles with either merge as
// set mode (a block ran or it did not) with a
// warning. Blocks of the same span with different statement counts come
// from different sources and are an error. Excluded files and warnings of
// the inputs carry over.
func Merge(profiles ...*Profile) (*Profile, error) {
	if len(profiles) == 1 {
		return profiles[0], nil
	}
	out := &Profile{}
	var modes []string
	for _, p := range profiles {
		if !slices.Contains(modes, p.Mode) {
			modes = append(modes, p.Mode)
		}
		out.Excluded = append(out.Excluded, p.Excluded...)
		out.Ignored = append(out.Ignored, p.Ignored...)
		out.Warnings = append(out.Warnings, p.Warnings...)
	}
	switch {
	case len(modes) == 0:
		return out, nil
	case len(modes) == 1:
		out.Mode = modes[0]
	case !slices.Contains(modes, ModeSet):
		// count and atomic differ only in how the program updated the
		// counts: both are execution counts, which add.
		out.Mode = ModeCount
	default:
		out.Mode = ModeSet
		out.Warnings = append(out.Warnings, warningf(MixedModes, "profiles of different modes (%s) merged as mode set: a block counts as covered if any profile ran it", strings.Join(modes, ", ")))
	}

	// Each profile's files are sorted by name: gather the copies of each
	// name, and merge only names found in more than one profile.
	copies := make(map[string][]File)
	var names []string
	for _, p := range profiles {
		for _, f := range p.Files {
			if _, seen := copies[f.Name]; !seen {
				names = append(names, f.Name)
			}
			copies[f.Name] = append(copies[f.Name], asMode(f, p.Mode, out.Mode))
		}
	}
	slices.Sort(names)
	out.Files = make([]File, 0, len(names))
	for _, name := range names {
		fs := copies[name]
		if len(fs) == 1 {
			out.Files = append(out.Files, fs[0])
			continue
		}
		var blocks []Block
		var lcov *lcovRecord
		for _, f := range fs {
			if f.CountsLines != fs[0].CountsLines {
				return nil, fmt.Errorf("%s: covered as lines (LCOV) in one input and as statements in another: gate them separately", name)
			}
			blocks = append(blocks, f.Blocks...)
			lcov = lcov.merge(f.lcov)
		}
		blocks, err := normalize(blocks, out.Mode)
		if err != nil {
			return nil, fmt.Errorf("%s:%w", name, err)
		}
		out.Files = append(out.Files, File{Name: name, Blocks: blocks, CountsLines: fs[0].CountsLines, lcov: lcov})
	}
	return out, nil
}

// asMode returns f with counts converted from mode to set mode when the
// merged profile is of mode set but f's profile was not.
func asMode(f File, from, to string) File {
	if from == to || to != ModeSet {
		return f
	}
	blocks := make([]Block, len(f.Blocks))
	for i, b := range f.Blocks {
		b.Count = min(b.Count, 1)
		blocks[i] = b
	}
	f.Blocks = blocks
	return f
}
