// Package results is the outcome of checking Terraform plans against
// policies: one Result per (policy, resource), and the counts and exit
// status derived from them. The policy engine produces a Report; the
// writers in package resultfmt render it. Messages in a Report are already
// redacted: values Terraform marks sensitive appear as "(sensitive)".
package results

import (
	"fmt"
	"sort"
	"strings"
)

// Status is how one policy ended for one resource.
type Status string

const (
	Pass Status = "pass"
	Fail Status = "fail"
	// Unknown: the condition depends on values the plan does not know yet.
	Unknown Status = "unknown"
	// NotApplicable: the filter was false or the operation not selected.
	NotApplicable Status = "not_applicable"
	// Error: evaluating the policy failed; the message names file:line.
	Error Status = "error"
)

// Statuses lists every status in report order.
var Statuses = []Status{Fail, Error, Unknown, Pass, NotApplicable}

// Enforcement levels of a policy.
const (
	Advisory             = "advisory"
	Mandatory            = "mandatory"
	MandatoryOverridable = "mandatory_overridable"
)

// Severities of a policy, lowest first.
var Severities = []string{"low", "medium", "high", "critical"}

// Policy is what a report says about a policy.
type Policy struct {
	Name             string   `json:"name"`
	Description      string   `json:"description,omitempty"`
	Controls         []string `json:"controls"`
	Severity         string   `json:"severity"`
	EnforcementLevel string   `json:"enforcement_level"`
	// File and Line locate the policy's declaration.
	File string `json:"file"`
	Line int    `json:"line"`
	// ResourceType is the policy's first label: a type or a glob.
	ResourceType string `json:"resource_type"`
}

// Resource is what a report says about a checked resource.
type Resource struct {
	Address string `json:"address"`
	Type    string `json:"type"`
	// Document is the plan or state file the resource came from; Label
	// names it in qualified addresses (shop in shop:aws_s3_bucket.orders).
	Document  string   `json:"document"`
	Label     string   `json:"-"`
	Actions   []string `json:"actions"`
	Operation string   `json:"operation"`
	HoldsPII  bool     `json:"holds_pii"`
	// Activities are the ids of the processing activities that name the
	// resource among their systems (directly or one hop).
	Activities []string `json:"activities,omitempty"`
}

// Result is the outcome of one policy for one resource.
type Result struct {
	Policy   *Policy   `json:"-"`
	Resource *Resource `json:"-"`
	Status   Status    `json:"status"`
	// Messages are the error_message of each failed enforce block, or why
	// the result is unknown or an error.
	Messages []string `json:"messages,omitempty"`
}

// Blocking reports whether the result makes the check fail: a mandatory
// (or mandatory_overridable) policy that failed or errored, or, when strict,
// one whose outcome is unknown.
func (r Result) Blocking(strict bool) bool {
	if r.Policy.EnforcementLevel == Advisory {
		return false
	}
	switch r.Status {
	case Fail, Error:
		return true
	case Unknown:
		return strict
	}
	return false
}

// Report is everything a check concluded.
type Report struct {
	// Documents are the names of the plan and state files checked.
	Documents []string
	Policies  []*Policy
	Results   []Result
	// Overridden lists the mandatory_overridable policies the user chose
	// to override; their failures do not block.
	Overridden []string
}

// Count returns the number of results with each status.
func (r *Report) Count() map[Status]int {
	counts := map[Status]int{}
	for _, s := range Statuses {
		counts[s] = 0
	}
	for _, res := range r.Results {
		counts[res.Status]++
	}
	return counts
}

// CountLine renders the counts for people and logs, such as
// "results: 41 pass, 2 fail, 1 unknown, 3 not_applicable". It never takes
// the "N passed, N failed" form that CI systems read as test results.
func (r *Report) CountLine() string {
	counts := r.Count()
	var parts []string
	for _, s := range []Status{Pass, Fail, Error, Unknown, NotApplicable} {
		if counts[s] > 0 || s == Pass || s == Fail {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return "results: " + strings.Join(parts, ", ")
}

func (r *Report) overridden(p *Policy) bool {
	if p.EnforcementLevel != MandatoryOverridable {
		return false
	}
	for _, name := range r.Overridden {
		if name == p.Name {
			return true
		}
	}
	return false
}

// Blocking returns the results that make the check fail.
func (r *Report) Blocking(strict bool) []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Blocking(strict) && !r.overridden(res.Policy) {
			out = append(out, res)
		}
	}
	return out
}

// Exit statuses of the check command.
const (
	ExitOK       = 0
	ExitBlocking = 1
	ExitUsage    = 2
)

// ExitCode is 0 when nothing blocks, 1 otherwise.
func (r *Report) ExitCode(strict bool) int {
	if len(r.Blocking(strict)) > 0 {
		return ExitBlocking
	}
	return ExitOK
}

// Sort orders results by document, resource address, then policy name, so
// that every output is stable.
func (r *Report) Sort() {
	sort.SliceStable(r.Results, func(i, j int) bool {
		a, b := r.Results[i], r.Results[j]
		if a.Resource.Document != b.Resource.Document {
			return a.Resource.Document < b.Resource.Document
		}
		if a.Resource.Address != b.Resource.Address {
			return a.Resource.Address < b.Resource.Address
		}
		return a.Policy.Name < b.Policy.Name
	})
	sort.SliceStable(r.Policies, func(i, j int) bool { return r.Policies[i].Name < r.Policies[j].Name })
}
