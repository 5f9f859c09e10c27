package coverage

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ChangedBranches are the branches on changed lines and how many ran.
type ChangedBranches struct {
	Total   int     `json:"total"`
	Covered int     `json:"covered"`
	Percent float64 `json:"percent"` // unrounded; 100 without branches
	// Uncovered are the changed branches that never ran.
	Uncovered []BranchAt `json:"uncovered"`
}

// A BranchAt is a branch of a file whose path is relative to the
// repository's top directory.
type BranchAt struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Kind string `json:"kind"`
}

func (b BranchAt) String() string {
	return fmt.Sprintf("%s:%d (%s)", b.File, b.Line, b.Kind)
}

// DiffBranches adds to r.Diff (from [JudgeDiff]) the branches of m that
// start on a line changed in c: reported beside the changed statements,
// not gated. p is the profile m measured. Without measured branches it
// adds nothing.
func DiffBranches(r *Report, p *Profile, m *Measures, src *Sources, c *Changes) {
	if r.Diff == nil || !slices.ContainsFunc(m.Files, func(fm FileMeasures) bool { return fm.Unavailable[BranchMetric] == "" }) {
		return // no branches measured (not asked for, a set-mode profile)
	}
	cb := &ChangedBranches{Uncovered: []BranchAt{}}
	locate := repoLocator(src, c.Root)
	for i, f := range p.Files {
		bs := m.Files[i].Branches
		if len(bs) == 0 {
			continue
		}
		rel, ok := locate(f.Name)
		if !ok || len(c.Files[rel]) == 0 {
			continue
		}
		for _, b := range bs {
			if len(overlaps(c.Files[rel], LineRange{int(b.Line), int(b.Line)})) == 0 {
				continue
			}
			cb.Total++
			if b.Covered {
				cb.Covered++
			} else {
				cb.Uncovered = append(cb.Uncovered, BranchAt{rel, int(b.Line), b.Kind.String()})
			}
		}
	}
	cb.Percent = Tally{cb.Total, cb.Covered}.Percent()
	slices.SortStableFunc(cb.Uncovered, func(a, b BranchAt) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	r.Diff.Branches = cb
}
