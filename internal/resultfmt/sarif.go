package resultfmt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/results"
)

// SARIF levels.
const (
	sarifError   = "error"
	sarifWarning = "warning"
	sarifNote    = "note"
)

// securitySeverity maps a policy's severity to the numeric
// "security-severity" property that code-scanning services rank by
// (critical 9.0 and above, high 7.0–8.9, medium 4.0–6.9, low below 4.0).
var securitySeverity = map[string]string{
	"low":      "3.0",
	"medium":   "5.5",
	"high":     "8.0",
	"critical": "9.5",
}

type sarifLog struct {
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool      sarifTool       `json:"tool"`
	Artifacts []sarifArtifact `json:"artifacts"`
	Results   []sarifResult   `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version,omitempty"`
	Rules   []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	Help                 sarifText          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Controls         []string `json:"controls"`
	Severity         string   `json:"severity"`
	EnforcementLevel string   `json:"enforcement_level"`
	ResourceType     string   `json:"resource_type"`
	File             string   `json:"file"`
	Line             int      `json:"line"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactLocation `json:"location"`
}

type sarifArtifactLocation struct {
	URI   string `json:"uri"`
	Index *int   `json:"index,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Kind                string             `json:"kind"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints sarifFingerprints  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifFingerprints struct {
	// PolicyResource identifies a result across runs: the policy, the
	// document and the resource address.
	PolicyResource string `json:"policyResource/v1"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

type sarifResultProps struct {
	Status       results.Status `json:"status"`
	Blocking     bool           `json:"blocking"`
	Document     string         `json:"document"`
	ResourceType string         `json:"resource_type"`
	Operation    string         `json:"operation,omitempty"`
}

func writeSARIF(b *bytes.Buffer, v *view) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:    ToolName,
			Version: v.opt.Version,
			Rules:   make([]sarifRule, 0, len(v.policies)),
		}},
		Artifacts: make([]sarifArtifact, 0, len(v.docs)),
		Results:   []sarifResult{},
	}
	ruleIndex := map[string]int{}
	for i, p := range v.policies {
		ruleIndex[p.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(p))
	}
	artifactIndex := map[string]int{}
	for _, d := range v.docs {
		if d == "" {
			continue
		}
		artifactIndex[d] = len(run.Artifacts)
		run.Artifacts = append(run.Artifacts, sarifArtifact{Location: sarifArtifactLocation{URI: documentURI(d)}})
	}

	for _, rw := range v.rows {
		if !nonPass(rw.Status) {
			continue
		}
		loc := sarifLocation{LogicalLocations: []sarifLogicalLocation{{
			FullyQualifiedName: rw.Resource.Address,
			Kind:               "resource",
		}}}
		if i, ok := artifactIndex[rw.Resource.Document]; ok {
			loc.PhysicalLocation = &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{
				URI:   documentURI(rw.Resource.Document),
				Index: &i,
			}}
		}
		res := sarifResult{
			RuleID:    rw.Policy.Name,
			RuleIndex: ruleIndex[rw.Policy.Name],
			Kind:      "fail",
			Level:     sarifResultLevel(rw),
			Message:   sarifText{Text: sarifMessage(rw)},
			Locations: []sarifLocation{loc},
			PartialFingerprints: sarifFingerprints{
				PolicyResource: fingerprint(rw.Policy.Name, rw.Resource.Document, rw.Resource.Address),
			},
			Properties: sarifResultProps{
				Status:       rw.Status,
				Blocking:     rw.Blocking,
				Document:     rw.Resource.Document,
				ResourceType: rw.Resource.Type,
				Operation:    rw.Resource.Operation,
			},
		}
		if rw.Overridden {
			res.Suppressions = []sarifSuppression{{
				Kind:          "external",
				Status:        "accepted",
				Justification: fmt.Sprintf("The mandatory_overridable policy %q was overridden for this check.", rw.Policy.Name),
			}}
		}
		run.Results = append(run.Results, res)
	}
	return encodeJSON(b, sarifLog{Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(p *results.Policy) sarifRule {
	short := p.Description
	if short == "" {
		short = fmt.Sprintf("Policy %q on %s resources.", p.Name, orDash(p.ResourceType))
	}
	help := fmt.Sprintf("Severity %s, enforcement %s, controls: %s.",
		orDash(p.Severity), orDash(p.EnforcementLevel), orDash(strings.Join(p.Controls, ", ")))
	if f := policyFile(p); f != "" {
		help = fmt.Sprintf("Policy %q is declared at %s. %s", p.Name, f, help)
	}
	return sarifRule{
		ID:                   p.Name,
		ShortDescription:     sarifText{Text: short},
		Help:                 sarifText{Text: help},
		DefaultConfiguration: sarifConfiguration{Level: sarifPolicyLevel(p)},
		Properties: sarifRuleProps{
			Tags:             orEmpty(p.Controls),
			Controls:         orEmpty(p.Controls),
			Severity:         p.Severity,
			EnforcementLevel: p.EnforcementLevel,
			ResourceType:     p.ResourceType,
			File:             p.File,
			Line:             p.Line,
			SecuritySeverity: securitySeverity[p.Severity],
		},
	}
}

// sarifPolicyLevel is the level a failure of the policy gets: "warning"
// for advisory policies, "error" for the others.
func sarifPolicyLevel(p *results.Policy) string {
	if p.EnforcementLevel == results.Advisory {
		return sarifWarning
	}
	return sarifError
}

func sarifResultLevel(rw row) string {
	switch {
	case rw.Status == results.Error:
		return sarifError
	case rw.Status == results.Unknown && !rw.Blocking:
		return sarifNote
	case rw.Status == results.Unknown:
		return sarifError
	}
	return sarifPolicyLevel(rw.Policy)
}

func sarifMessage(rw row) string {
	if len(rw.Messages) == 0 {
		return fallbackMessage(rw)
	}
	return strings.Join(rw.Messages, "\n")
}

// documentURI turns a document name (a path) into a relative URI reference:
// forward slashes, spaces and other reserved characters percent-encoded.
func documentURI(doc string) string {
	doc = strings.ReplaceAll(doc, `\`, "/")
	return (&url.URL{Path: doc}).String()
}

func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])
}
