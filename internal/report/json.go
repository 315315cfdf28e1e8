package report

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// SchemaVersion is the version of the json format. It changes only when a
// field is removed or changes meaning; adding fields keeps it.
const SchemaVersion = 1

type jsonReport struct {
	SchemaVersion int           `json:"schema_version"`
	Generator     jsonGenerator `json:"generator"`
	Generated     string        `json:"generated,omitempty"`
	Title         string        `json:"title"`
	// Empty: the documents declare no pii_* resource; Note says so.
	Empty bool   `json:"empty"`
	Note  string `json:"note,omitempty"`
	*posture.Posture
	PolicyResults *jsonCheck `json:"policy_results,omitempty"`
	// Verification is the posture checked against the infrastructure of
	// the same documents (with --with-check).
	Verification *verification.Outcome `json:"verification,omitempty"`
}

type jsonGenerator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonCheck struct {
	Summary  string         `json:"summary"`
	Counts   map[string]int `json:"counts"`
	Blocking int            `json:"blocking"`
	Results  []jsonResult   `json:"results"`
}

type jsonResult struct {
	Policy           string   `json:"policy"`
	Resource         string   `json:"resource"`
	Document         string   `json:"document"`
	Status           string   `json:"status"`
	Blocking         bool     `json:"blocking"`
	Severity         string   `json:"severity"`
	EnforcementLevel string   `json:"enforcement_level"`
	Controls         []string `json:"controls"`
	Messages         []string `json:"messages"`
}

// writeJSON writes the posture model itself (see the package
// documentation for the fields), indented, with the policy results when
// there are some.
func writeJSON(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	version := opt.Version
	if version == "" {
		version = "dev"
	}
	doc := jsonReport{
		SchemaVersion: SchemaVersion, Generator: jsonGenerator{Name: ToolName, Version: version},
		Generated: opt.Generated, Title: opt.title(), Empty: p.Empty(), Posture: p,
	}
	if doc.Empty {
		doc.Note = EmptyNote
	}
	if opt.Check != nil {
		doc.PolicyResults = newJSONCheck(opt.Check)
	}
	doc.Verification = opt.Verification
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func newJSONCheck(r *results.Report) *jsonCheck {
	cv := newCheckView(r)
	jc := &jsonCheck{Summary: cv.CountLine, Counts: map[string]int{}, Blocking: cv.Blocking, Results: []jsonResult{}}
	for _, c := range cv.Counts {
		jc.Counts[c.Status] = c.N
	}
	blocking := map[*results.Policy]map[*results.Resource]bool{}
	for _, pr := range cv.Problems {
		if pr.Blocking {
			if blocking[pr.Policy] == nil {
				blocking[pr.Policy] = map[*results.Resource]bool{}
			}
			blocking[pr.Policy][pr.Resource] = true
		}
	}
	for _, res := range r.Results {
		if res.Policy == nil || res.Resource == nil {
			continue
		}
		controls := res.Policy.Controls
		if controls == nil {
			controls = []string{}
		}
		msgs := res.Messages
		if msgs == nil {
			msgs = []string{}
		}
		jc.Results = append(jc.Results, jsonResult{
			Policy: res.Policy.Name, Resource: res.Resource.Address, Document: res.Resource.Document,
			Status: string(res.Status), Blocking: blocking[res.Policy][res.Resource], Severity: res.Policy.Severity,
			EnforcementLevel: res.Policy.EnforcementLevel, Controls: controls, Messages: msgs,
		})
	}
	sort.SliceStable(jc.Results, func(i, j int) bool {
		a, b := jc.Results[i], jc.Results[j]
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Policy < b.Policy
	})
	return jc
}
