package policy

import (
	"path"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Accepted values.
var (
	Severities        = []string{"low", "medium", "high", "critical"}
	EnforcementLevels = []string{"advisory", "mandatory", "mandatory_overridable"}
	Operations        = []string{"create", "update", "delete", "replace", "no-op", "read"}
	// DefaultOperations are checked when a policy does not say.
	DefaultOperations = []string{"create", "update", "no-op"}
)

// Pack is every policy file of a directory tree, parsed.
type Pack struct {
	Files    []*File
	Policies []*Policy
	Inputs   map[string]*Input
}

// File is one *.policy.hcl file.
type File struct {
	Name     string
	Locals   map[string]*hcl.Attribute
	Policies []*Policy
}

// Input is a pack parameter, set with --var or --var-file.
type Input struct {
	Name        string
	Type        cty.Type
	Default     cty.Value
	Description string
	DeclRange   hcl.Range
}

// Policy is one resource_policy block.
type Policy struct {
	// TypePattern is the first label: a resource type or a glob.
	TypePattern      string
	Name             string
	Description      string
	Controls         []string
	Severity         string
	EnforcementLevel string
	Operations       []string
	// Filter is nil when the policy applies to every resource it matches.
	Filter    hcl.Expression
	Locals    map[string]*hcl.Attribute
	Enforce   []*Enforce
	File      *File
	DeclRange hcl.Range
}

// Enforce is one enforce block: a condition that must hold, and the
// message shown when it does not.
type Enforce struct {
	Condition    hcl.Expression
	ErrorMessage hcl.Expression
	DeclRange    hcl.Range
}

// Matches reports whether the policy applies to a resource type.
func (p *Policy) Matches(resourceType string) bool {
	if p.TypePattern == resourceType || p.TypePattern == "*" {
		return true
	}
	ok, err := path.Match(p.TypePattern, resourceType)
	return err == nil && ok
}

// Selects reports whether the policy checks a resource planned with the
// given operation. A replacement creates a new object, so a policy that
// checks creations checks replacements too.
func (p *Policy) Selects(operation string) bool {
	for _, o := range p.Operations {
		if o == operation || (operation == "replace" && o == "create") {
			return true
		}
	}
	return false
}
