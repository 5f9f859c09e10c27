package lint

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/internal/render"
)

const informationURI = "https://github.com/testgate/testgate"

// SARIF 2.1.0, the subset testgate fills in. GitHub code scanning reads
// rules (with help) from tool.driver and results with physical locations.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
		Results            []sarifResult                    `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifText         `json:"help"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleDefaults `json:"defaultConfiguration"`
	}
	sarifRuleDefaults struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the base that relative artifact URIs resolve against: the
// repository's root (see repo.Root).
const srcRoot = "%SRCROOT%"

// WriteSARIF prints the run as a SARIF 2.1.0 log with one rule per
// selected analyzer and one warning per finding; root is the base of
// relative artifact URIs, version the tool's.
func WriteSARIF(w io.Writer, selected []*analysis.Analyzer, res *Result, root, version string) error {
	driver := sarifDriver{Name: "testgate", Version: version, InformationURI: informationURI, Rules: []sarifRule{}}
	ruleIndex := make(map[string]int, len(selected))
	for i, a := range selected {
		ruleIndex[a.Name] = i
		summary, _, _ := strings.Cut(a.Doc, "\n")
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{summary},
			FullDescription:      sarifText{a.Doc},
			Help:                 sarifText{a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleDefaults{"warning"},
		})
	}
	invocation := sarifInvocation{ExecutionSuccessful: !res.AnalyzerFailed && len(res.Problems) == 0}
	for _, p := range res.Problems {
		invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, sarifNotification{"error", sarifText{p}})
	}
	run := sarifRun{
		Tool:               sarifTool{driver},
		Invocations:        []sarifInvocation{invocation},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(root) + "/"}},
		Results:            []sarifResult{}, // GitHub reads an empty list as "nothing found"
	}
	for _, f := range res.Findings {
		result := sarifResult{RuleID: f.Analyzer, RuleIndex: ruleIndex[f.Analyzer], Level: "warning", Message: sarifText{f.Message}}
		if f.Posn.IsValid() {
			result.Locations = []sarifLocation{{sarifPhysicalLocation{artifactLocation(root, f.Posn.Filename), region(f)}}}
		}
		run.Results = append(run.Results, result)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func artifactLocation(root, filename string) sarifArtifactLocation {
	if rel, ok := render.RelPath(root, filename); ok {
		return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(filename)}
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// region converts Go's 1-based line and byte column to a SARIF region;
// the end is given only when the analyzer reported one.
func region(f Finding) sarifRegion {
	r := sarifRegion{StartLine: f.Posn.Line, StartColumn: max(1, f.Posn.Column)}
	if f.End.IsValid() && f.End.Filename == f.Posn.Filename && f.End.Offset >= f.Posn.Offset {
		r.EndLine, r.EndColumn = f.End.Line, max(1, f.End.Column)
	}
	return r
}
