package verification

import (
	"fmt"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// Names of the verification's policies: built into every check, with
// mandatory_overridable enforcement, so --override works on them.
const (
	PolicyControl    = "pii_control_verified"
	PolicyAssessment = "pii_risk_assessment_verified"
	PolicySystems    = "pii_activity_systems_resolve"
)

// File is what the verification's policies give as their file: they are
// Go, not HCL.
const File = "<builtin>/verification"

// Policies are the verification's policies, as reports list them. They
// carry the compliance reviews of ISO/IEC 29151 (18.2.2, 18.2.3): checking
// that processing follows the declared controls, technically.
func Policies() []*results.Policy {
	reviews := []string{"iso29151:18.2.2", "iso29151:18.2.3"}
	return []*results.Policy{
		{Name: PolicyControl, ResourceType: "pii_control", File: File, Severity: "high", EnforcementLevel: results.MandatoryOverridable, Controls: reviews,
			Description: "A pii_control that claims to be implemented, partial or alternative is not contradicted by the infrastructure: the policies that implement it pass on the resources that hold PII for its activities, and its evidence exists and is not planned for deletion"},
		{Name: PolicyAssessment, ResourceType: "pii_risk_assessment", File: File, Severity: "high", EnforcementLevel: results.MandatoryOverridable, Controls: reviews,
			Description: "No risk of the assessment is covered on paper only: with the contradicted controls counted as not in place, every risk covered on the declared posture stays covered"},
		{Name: PolicySystems, ResourceType: "pii_processing_activity", File: File, Severity: "medium", EnforcementLevel: results.MandatoryOverridable, Controls: []string{"iso29151:18.2.3"},
			Description: "Every unqualified resource address an activity names among its systems resolves to one document; an address that several documents have is qualified with the document's name (shop:aws_s3_bucket.orders)"},
	}
}

// IsPolicy reports whether name is one of the verification's policies.
func IsPolicy(name string) bool { return isOwn(name) }

func isOwn(name string) bool {
	return name == PolicyControl || name == PolicyAssessment || name == PolicySystems
}

// Add appends the outcome's results (and its policies) to a report, and
// sorts it again.
func (o *Outcome) Add(report *results.Report, documents []*tfplan.Document) {
	policies := Policies()
	byName := map[string]*results.Policy{}
	for _, p := range policies {
		byName[p.Name] = p
	}
	added := false
	resource := func(typ, address, document string) *results.Resource {
		r := &results.Resource{Address: address, Type: typ, Document: document, Actions: []string{}, Operation: tfplan.OpNoOp}
		for _, d := range documents {
			if d.Name != document {
				continue
			}
			r.Label = d.Label
			if tr := d.Lookup(address); tr != nil {
				r.Actions, r.Operation = tr.Actions, tr.Operation
			}
		}
		return r
	}
	add := func(policy, typ, address, document string, status results.Status, messages []string) {
		added = true
		report.Results = append(report.Results, results.Result{Policy: byName[policy], Resource: resource(typ, address, document), Status: status, Messages: messages})
	}
	for _, c := range o.Controls {
		status := results.Pass
		switch c.Status {
		case Contradicted:
			status = results.Fail
		case Unknown:
			status = results.Unknown
		case Unverified:
			status = results.NotApplicable
		}
		msg := fmt.Sprintf("%s (%s, declared %s) is %s: %s.", c.Address, c.Ref, c.Declared, c.Status, c.Reason)
		add(PolicyControl, "pii_control", c.Address, c.Document, status, []string{msg})
	}
	for _, a := range o.Assessments {
		status, messages := a.result()
		add(PolicyAssessment, "pii_risk_assessment", a.Address, a.Document, status, messages)
	}
	for _, a := range o.Activities {
		if len(a.Ambiguous) == 0 {
			add(PolicySystems, "pii_processing_activity", a.Address, a.Document, results.Pass, nil)
			continue
		}
		var messages []string
		for _, amb := range a.Ambiguous {
			var qualified []string
			for _, l := range amb.Documents {
				qualified = append(qualified, fmt.Sprintf("%q", l+":"+amb.System))
			}
			messages = append(messages, fmt.Sprintf("%s names system %q, which the documents %s all have; qualify it with the document's name (%s) so that it names one resource. Until then all of them are taken to hold the activity's PII.",
				a.Address, amb.System, strings.Join(amb.Documents, ", "), strings.Join(qualified, " or ")))
		}
		add(PolicySystems, "pii_processing_activity", a.Address, a.Document, results.Fail, messages)
	}
	if added {
		report.Policies = append(report.Policies, policies...)
		report.Sort()
	}
}

// result is the assessment's result: fail when a risk is covered on paper
// only, unknown when a risk's verified coverage is unknown, pass when the
// verification changed nothing that matters, with a message per risk whose
// verified residual differs.
func (a *Assessment) result() (results.Status, []string) {
	var paper, unknown, changed []string
	for _, r := range a.Risks {
		switch {
		case r.PaperOnly:
			paper = append(paper, fmt.Sprintf("risk %q is covered on paper only: declared residual %s (%s), verified residual %s (%s), because %s %s contradicted.",
				r.Name, r.DeclaredResidual, r.DeclaredCoverage, r.VerifiedResidual, r.VerifiedCoverage, strings.Join(r.Contradicted, ", "), isAre(len(r.Contradicted))))
		case r.VerifiedCoverage == Unknown && r.DeclaredCoverage != Unknown:
			unknown = append(unknown, fmt.Sprintf("risk %q: the verified residual is known only after apply (%s).", r.Name, strings.Join(append(append([]string{}, r.Contradicted...), r.UnknownControls...), ", ")))
		case r.Changed():
			changed = append(changed, fmt.Sprintf("risk %q: declared residual %s (%s), verified residual %s (%s).", r.Name, r.DeclaredResidual, r.DeclaredCoverage, r.VerifiedResidual, r.VerifiedCoverage))
		}
	}
	switch {
	case len(paper) > 0:
		return results.Fail, append(paper, changed...)
	case len(unknown) > 0:
		return results.Unknown, unknown
	case a.Verified == 0 && len(changed) == 0:
		return results.NotApplicable, []string{"Nothing to verify: no control the assessment selects is verified or contradicted by the documents given."}
	}
	return results.Pass, changed
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// providerString reads a string argument of a resource's provider
// configuration, when the plan knows it.
func providerString(r *tfplan.Resource, name string) (string, bool) {
	pc := r.ProviderConfig
	if pc == cty.NilVal || !pc.IsKnown() || pc.IsNull() || !pc.Type().IsObjectType() || !pc.Type().HasAttribute(name) {
		return "", false
	}
	v, _ := pc.GetAttr(name).UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}
