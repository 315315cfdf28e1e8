package resultfmt

import (
	"bytes"
	"encoding/json"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// SchemaVersion is the version of the JSON format's schema. It changes only
// when a field is removed or changes meaning; new fields may be added
// without a change.
const SchemaVersion = 1

type jsonReport struct {
	SchemaVersion int              `json:"schema_version"`
	Tool          jsonTool         `json:"tool"`
	Documents     []string         `json:"documents"`
	Summary       jsonSummary      `json:"summary"`
	Overridden    []string         `json:"overridden"`
	Policies      []results.Policy `json:"policies"`
	Results       []jsonResult     `json:"results"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Pass          int  `json:"pass"`
	Fail          int  `json:"fail"`
	Error         int  `json:"error"`
	Unknown       int  `json:"unknown"`
	NotApplicable int  `json:"not_applicable"`
	Blocking      int  `json:"blocking"`
	Strict        bool `json:"strict"`
	ExitCode      int  `json:"exit_code"`
}

type jsonResult struct {
	Policy     string           `json:"policy"`
	Resource   results.Resource `json:"resource"`
	Status     results.Status   `json:"status"`
	Blocking   bool             `json:"blocking"`
	Overridden bool             `json:"overridden"`
	Messages   []string         `json:"messages"`
}

func writeJSON(b *bytes.Buffer, v *view) error {
	out := jsonReport{
		SchemaVersion: SchemaVersion,
		Tool:          jsonTool{Name: ToolName, Version: v.opt.Version},
		Documents:     orEmpty(v.docs),
		Summary: jsonSummary{
			Pass:          v.counts[results.Pass],
			Fail:          v.counts[results.Fail],
			Error:         v.counts[results.Error],
			Unknown:       v.counts[results.Unknown],
			NotApplicable: v.counts[results.NotApplicable],
			Blocking:      len(v.blocking),
			Strict:        v.opt.Strict,
			ExitCode:      v.exitCode,
		},
		Overridden: orEmpty(v.report.Overridden),
		Policies:   make([]results.Policy, 0, len(v.policies)),
		Results:    make([]jsonResult, 0, len(v.rows)),
	}
	for _, p := range v.policies {
		pc := *p
		pc.Controls = orEmpty(pc.Controls)
		out.Policies = append(out.Policies, pc)
	}
	for _, rw := range v.rows {
		res := *rw.Resource
		res.Actions = orEmpty(res.Actions)
		out.Results = append(out.Results, jsonResult{
			Policy:     rw.Policy.Name,
			Resource:   res,
			Status:     rw.Status,
			Blocking:   rw.Blocking,
			Overridden: rw.Overridden,
			Messages:   orEmpty(rw.Messages),
		})
	}
	return encodeJSON(b, out)
}

// encodeJSON writes v indented by two spaces, with <, > and & as they are
// (the output is not meant for embedding in HTML), and a final newline.
func encodeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
