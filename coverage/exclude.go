package coverage

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// ExcludeMatching drops the files whose names match any of patterns
// (anywhere in the name: anchor a pattern to match whole names).
func ExcludeMatching(p *Profile, patterns []*regexp.Regexp) *Profile {
	if len(patterns) == 0 {
		return p
	}
	return exclude(p, func(f File) string {
		for _, re := range patterns {
			if re.MatchString(f.Name) {
				return fmt.Sprintf("matches exclude pattern %q", re.String())
			}
		}
		return ""
	})
}

// ReasonGenerated is the reason given for excluded generated files.
const ReasonGenerated = "generated"

// ExcludeGenerated drops generated files: Go files with a line
// "// Code generated ... DO NOT EDIT." before the package clause. It reads
// only the headers of the files, in parallel. Files whose source cannot be
// found are kept, with one warning that counts them and names one.
func ExcludeGenerated(p *Profile, src *Sources) *Profile {
	generated := make([]bool, len(p.Files))
	missing := make([]bool, len(p.Files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers(len(p.Files)) {
		wg.Go(func() {
			buf := make([]byte, headerChunk)
			for i := range next {
				name := p.Files[i].Name
				if !strings.HasSuffix(name, ".go") {
					continue // //line targets and the like carry no Go header
				}
				path, ok := src.File(name)
				if ok {
					generated[i], ok = isGeneratedFile(path, buf)
				}
				missing[i] = !ok
			}
		})
	}
	for i := range p.Files {
		next <- i
	}
	close(next)
	wg.Wait()

	i := -1
	out := exclude(p, func(File) string {
		i++
		if generated[i] {
			return ReasonGenerated
		}
		return ""
	})
	var count int
	var example string
	for i, m := range missing {
		if m {
			if count == 0 {
				example = p.Files[i].Name
			}
			count++
		}
	}
	if count > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf(
			"cannot find the sources of %d of %d profiled files (e.g. %s): kept them as not generated; run testgate in the module or workspace the profile comes from, or pass -include-generated",
			count, len(p.Files), example))
	}
	return out
}

// workers is how many goroutines read n file headers: reads block in
// system calls, so more than one per CPU.
func workers(n int) int {
	return max(1, min(n, 4*runtime.GOMAXPROCS(0)))
}

// exclude returns p without the files for which why returns a reason,
// called once per file in order.
func exclude(p *Profile, why func(File) string) *Profile {
	out := &Profile{
		Mode:     p.Mode,
		Files:    make([]File, 0, len(p.Files)),
		Excluded: slices.Clone(p.Excluded),
		Ignored:  slices.Clone(p.Ignored),
		Warnings: slices.Clone(p.Warnings),
	}
	for _, f := range p.Files {
		if reason := why(f); reason != "" {
			out.Excluded = append(out.Excluded, Excluded{Name: f.Name, Reason: reason})
			continue
		}
		out.Files = append(out.Files, f)
	}
	return out
}
