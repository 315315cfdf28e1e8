package verification

import (
	"strings"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

const (
	encryption = "iso29151:10.1.1"
	procedure  = "iso29151:12.1.1"
)

var (
	kmsPolicy   = &results.Policy{Name: "bucket_kms", Controls: []string{encryption}, EnforcementLevel: results.Mandatory}
	otherPolicy = &results.Policy{Name: "bucket_versioning", Controls: []string{"iso29151:12.3.1"}, EnforcementLevel: results.Mandatory}
)

func texts(s ...string) []posture.Value {
	out := []posture.Value{}
	for _, x := range s {
		out = append(out, posture.Text(x))
	}
	return out
}

// infrastructure is the documents of every case: the posture's own, and a
// shop workspace with a bucket and a key that the plan deletes.
func infrastructure() []*tfplan.Document {
	res := func(address, op string) *tfplan.Resource {
		parts := strings.Split(address, ".")
		return &tfplan.Resource{Address: address, ConfigAddress: address, Mode: "managed", Type: parts[0], Name: parts[1], Operation: op, After: cty.EmptyObjectVal}
	}
	return []*tfplan.Document{
		{Name: "posture.json", Label: "posture"},
		{Name: "plans/shop.json", Label: "shop", Resources: []*tfplan.Resource{
			res("aws_s3_bucket.orders", tfplan.OpNoOp), res("aws_kms_key.old", tfplan.OpDelete),
		}},
	}
}

// result is the pack's result of a policy on the shop bucket, which holds
// PII for the activities given (none: tagged).
func result(p *results.Policy, status results.Status, holds bool, activities ...string) results.Result {
	return results.Result{Policy: p, Status: status, Resource: &results.Resource{Address: "aws_s3_bucket.orders", Type: "aws_s3_bucket",
		Document: "plans/shop.json", Label: "shop", HoldsPII: holds, Activities: activities}}
}

func control(ref, status string, activities []string, evidence ...string) *posture.Control {
	return &posture.Control{Address: "pii_control.c", Document: "posture.json", ID: posture.Text(ref), Status: posture.Text(status),
		Activities: texts(activities...), Evidence: texts(evidence...)}
}

func verify(t *testing.T, p *posture.Posture, rs ...results.Result) *Outcome {
	t.Helper()
	docs := infrastructure()
	report := &results.Report{Policies: []*results.Policy{kmsPolicy, otherPolicy}, Results: rs}
	out, err := Verify(Input{Documents: docs, Posture: p, Check: report, Systems: systems.Resolve(docs), Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestControlStatus(t *testing.T) {
	scoped := []string{"shop-1"}
	tests := []struct {
		name    string
		control *posture.Control
		results []results.Result
		status  string
		reason  string // the exact reason
	}{
		{"verified: the implementing policy passes on an in-scope resource", control(encryption, "implemented", scoped),
			[]results.Result{result(kmsPolicy, results.Pass, true, "shop-1")}, Verified,
			"passes: bucket_kms on shop:aws_s3_bucket.orders"},
		{"verified when partial", control(encryption, "partial", scoped),
			[]results.Result{result(kmsPolicy, results.Pass, true, "shop-1")}, Verified,
			"passes: bucket_kms on shop:aws_s3_bucket.orders"},
		{"verified, organisation-wide, on a resource tagged as holding PII", control(encryption, "implemented", nil),
			[]results.Result{result(kmsPolicy, results.Pass, true)}, Verified,
			"passes: bucket_kms on shop:aws_s3_bucket.orders"},
		{"contradicted: the implementing policy fails", control(encryption, "implemented", scoped),
			[]results.Result{result(kmsPolicy, results.Fail, true, "shop-1")}, Contradicted,
			"fails: bucket_kms on shop:aws_s3_bucket.orders"},
		{"unknown: the result is known only after apply", control(encryption, "implemented", scoped),
			[]results.Result{result(kmsPolicy, results.Unknown, true, "shop-1")}, Unknown,
			"known only after apply: bucket_kms on shop:aws_s3_bucket.orders"},
		{"unknown: the policy errored", control(encryption, "alternative", scoped),
			[]results.Result{result(kmsPolicy, results.Error, true, "shop-1")}, Unknown,
			"known only after apply: bucket_kms on shop:aws_s3_bucket.orders"},
		{"unverified: no policy implements the control", control(procedure, "implemented", scoped),
			[]results.Result{result(kmsPolicy, results.Pass, true, "shop-1")}, Unverified,
			"no policy of the pack implements iso29151:12.1.1"},
		{"unverified: the checked resource is another activity's", control(encryption, "implemented", scoped),
			[]results.Result{result(kmsPolicy, results.Fail, true, "hr-1")}, Unverified,
			"no resource that holds PII for shop-1 was checked by bucket_kms"},
		{"unverified: the checked resource holds no PII", control(encryption, "implemented", nil),
			[]results.Result{result(kmsPolicy, results.Fail, false)}, Unverified,
			"no resource that holds PII was checked by bucket_kms"},
		{"unverified: not applicable results say nothing", control(encryption, "implemented", nil),
			[]results.Result{result(kmsPolicy, results.NotApplicable, true)}, Unverified,
			"no resource that holds PII was checked by bucket_kms"},
		{"contradicted: evidence planned for deletion", control(encryption, "implemented", scoped, "shop:aws_kms_key.old"),
			[]results.Result{result(kmsPolicy, results.Pass, true, "shop-1")}, Contradicted,
			"evidence shop:aws_kms_key.old is planned for deletion"},
		{"contradicted: qualified evidence missing from its document", control(encryption, "implemented", scoped, "shop:aws_kms_key.orders"),
			nil, Contradicted,
			"evidence shop:aws_kms_key.orders is not in shop"},
		{"not found here: unqualified evidence in no document", control(encryption, "implemented", scoped, "aws_kms_key.orders", "https://wiki/keys"),
			[]results.Result{result(kmsPolicy, results.Pass, true, "shop-1")}, Verified,
			"passes: bucket_kms on shop:aws_s3_bucket.orders; evidence not found in the documents given: aws_kms_key.orders"},
		{"not found here: qualified evidence of a document not given", control(encryption, "implemented", scoped, "billing:aws_kms_key.orders"),
			nil, Unverified,
			"no resource that holds PII for shop-1 was checked by bucket_kms; evidence not found in the documents given: billing:aws_kms_key.orders"},
		{"found evidence supports nothing on its own", control(encryption, "implemented", scoped, "aws_s3_bucket.orders"),
			nil, Unverified,
			"no resource that holds PII for shop-1 was checked by bucket_kms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := verify(t, &posture.Posture{Controls: []*posture.Control{tt.control}}, tt.results...)
			if len(out.Controls) != 1 {
				t.Fatalf("%d controls verified, want 1", len(out.Controls))
			}
			c := out.Controls[0]
			if c.Status != tt.status || c.Reason != tt.reason {
				t.Errorf("got %s: %q\nwant %s: %q", c.Status, c.Reason, tt.status, tt.reason)
			}
		})
	}
}

func TestPlannedControlsAreNotVerified(t *testing.T) {
	for _, status := range []string{"planned", "not_applicable"} {
		out := verify(t, &posture.Posture{Controls: []*posture.Control{control(encryption, status, nil)}}, result(kmsPolicy, results.Fail, true))
		if len(out.Controls) != 0 {
			t.Errorf("%s: verified %d controls, want none", status, len(out.Controls))
		}
	}
	c := control(encryption, "implemented", nil)
	c.Status = posture.UnknownValue()
	if out := verify(t, &posture.Posture{Controls: []*posture.Control{c}}); len(out.Controls) != 0 {
		t.Error("a status known only after apply claims nothing yet")
	}
}

// assessed is a posture with one assessment whose risk relies on the
// encryption control: inherent significant × significant (high), residual
// limited × significant (medium), covered under the default appetite.
func assessed() *posture.Posture {
	const status = "implemented"
	c := control(encryption, status, []string{"shop-1"})
	return &posture.Posture{
		Controls: []*posture.Control{c},
		Assessments: []*posture.Assessment{{
			Address: "pii_risk_assessment.shop", Document: "posture.json",
			Activity: posture.ActivityRef{ID: posture.Text("shop-1"), Name: posture.Text("Shop")},
			Controls: texts(encryption),
			Risks: []*posture.Risk{{
				Name: posture.Text("orders_read"), Category: posture.Text("illegitimate_access"), LifecycleStage: posture.Text("storage"),
				Likelihood: posture.Text("significant"), Impact: posture.Text("significant"), Treatment: posture.Text("mitigate"),
				Coverage: posture.Text("covered"), ResidualLevel: posture.Text("medium"),
				Controls: []posture.RiskControl{{ID: posture.Text(encryption), Status: posture.Text(status), Activities: texts("shop-1")}},
			}},
		}},
	}
}

func TestCoverageOnEvidence(t *testing.T) {
	tests := []struct {
		name      string
		result    results.Status
		coverage  string
		residual  string
		paperOnly bool
		status    results.Status
		message   string
	}{
		{"verified control: the declared coverage holds", results.Pass, "covered", "medium", false, results.Pass, ""},
		{"contradicted control: covered on paper only", results.Fail, "uncovered", "high", true, results.Fail,
			`risk "orders_read" is covered on paper only: declared residual medium (covered), verified residual high (uncovered), because iso29151:10.1.1 is contradicted.`},
		{"unknown control: the verified result is unknown", results.Unknown, Unknown, Unknown, false, results.Unknown,
			`risk "orders_read": the verified residual is known only after apply (iso29151:10.1.1).`},
		{"unverified control: nothing to verify", results.NotApplicable, "covered", "medium", false, results.NotApplicable,
			"Nothing to verify: no control the assessment selects is verified or contradicted by the documents given."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := verify(t, assessed(), result(kmsPolicy, tt.result, true, "shop-1"))
			r := out.Assessments[0].Risks[0]
			if r.VerifiedCoverage != tt.coverage || r.VerifiedResidual != tt.residual || r.PaperOnly != tt.paperOnly {
				t.Errorf("verified %s/%s paper only %v, want %s/%s %v", r.VerifiedCoverage, r.VerifiedResidual, r.PaperOnly, tt.coverage, tt.residual, tt.paperOnly)
			}
			status, messages := out.Assessments[0].result()
			if status != tt.status || strings.Join(messages, "\n") != tt.message {
				t.Errorf("result %s %q, want %s %q", status, messages, tt.status, tt.message)
			}
		})
	}
}

// A contradicted control that leaves another effective one may still
// cover the risk, with a higher residual: not on paper only.
func TestCoverageWithAnotherControl(t *testing.T) {
	p := assessed()
	access := control("iso29151:9.4.1", "implemented", []string{"shop-1"})
	p.Controls = append(p.Controls, access)
	risk := p.Assessments[0].Risks[0]
	risk.Likelihood, risk.Impact = posture.Text("limited"), posture.Text("significant")
	risk.ResidualLevel = posture.Text("low")
	risk.Controls = append(risk.Controls, posture.RiskControl{ID: posture.Text("iso29151:9.4.1"), Status: posture.Text("implemented"), Activities: texts("shop-1")})
	out := verify(t, p, result(kmsPolicy, results.Fail, true, "shop-1"))
	r := out.Assessments[0].Risks[0]
	if r.PaperOnly || r.VerifiedCoverage != "covered" || r.VerifiedResidual != "low" {
		t.Errorf("got %s/%s paper only %v, want covered/low", r.VerifiedCoverage, r.VerifiedResidual, r.PaperOnly)
	}
}

func TestResults(t *testing.T) {
	docs := infrastructure()
	p := assessed()
	report := &results.Report{Policies: []*results.Policy{kmsPolicy}, Results: []results.Result{result(kmsPolicy, results.Fail, true, "shop-1")}}
	out, err := Verify(Input{Documents: docs, Posture: p, Check: report, Systems: systems.Resolve(docs)})
	if err != nil {
		t.Fatal(err)
	}
	out.Add(report, docs)
	got := map[string]results.Result{}
	for _, r := range report.Results {
		got[r.Policy.Name] = r
	}
	c := got[PolicyControl]
	if c.Status != results.Fail || c.Policy.EnforcementLevel != results.MandatoryOverridable ||
		c.Messages[0] != "pii_control.c (iso29151:10.1.1, declared implemented) is contradicted: fails: bucket_kms on shop:aws_s3_bucket.orders." {
		t.Errorf("control result: %s %q", c.Status, c.Messages)
	}
	if a := got[PolicyAssessment]; a.Status != results.Fail || a.Resource.Address != "pii_risk_assessment.shop" {
		t.Errorf("assessment result: %s on %s", a.Status, a.Resource.Address)
	}
	if n := len(report.Blocking(false)); n != 3 {
		t.Errorf("%d blocking results, want 3 (the policy, the control, the assessment)", n)
	}
	report.Overridden = []string{PolicyControl, PolicyAssessment}
	if n := len(report.Blocking(false)); n != 1 {
		t.Errorf("%d blocking results with the overrides, want 1", n)
	}
}

func TestAmbiguousSystems(t *testing.T) {
	bucket := func() *tfplan.Resource {
		return &tfplan.Resource{Address: "aws_s3_bucket.orders", ConfigAddress: "aws_s3_bucket.orders", Mode: "managed", Type: "aws_s3_bucket", Name: "orders", After: cty.EmptyObjectVal}
	}
	act := &tfplan.Resource{Address: "pii_processing_activity.shop", ConfigAddress: "pii_processing_activity.shop", Mode: "managed", Type: systems.ActivityType, Name: "shop",
		Operation: tfplan.OpCreate, After: cty.ObjectVal(map[string]cty.Value{
			"id": cty.StringVal("shop-1"), "storage": cty.ObjectVal(map[string]cty.Value{"systems": cty.SetVal([]cty.Value{cty.StringVal("aws_s3_bucket.orders")})}),
		})}
	docs := []*tfplan.Document{
		{Name: "posture.json", Label: "posture", Resources: []*tfplan.Resource{act}},
		{Name: "a/shop.json", Label: "shop", Resources: []*tfplan.Resource{bucket()}},
		{Name: "b/shop.json", Label: "shop-eu", Resources: []*tfplan.Resource{bucket()}},
	}
	report := &results.Report{}
	out, err := Verify(Input{Documents: docs, Posture: &posture.Posture{}, Check: report, Systems: systems.Resolve(docs)})
	if err != nil {
		t.Fatal(err)
	}
	out.Add(report, docs)
	if len(report.Results) != 1 || report.Results[0].Status != results.Fail {
		t.Fatalf("results: %+v", report.Results)
	}
	want := `pii_processing_activity.shop names system "aws_s3_bucket.orders", which the documents shop, shop-eu all have; qualify it with the document's name ("shop:aws_s3_bucket.orders" or "shop-eu:aws_s3_bucket.orders") so that it names one resource. Until then all of them are taken to hold the activity's PII.`
	if got := report.Results[0].Messages[0]; got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
}

func TestPostureAloneFailsNothing(t *testing.T) {
	docs := infrastructure()[:1]
	p := assessed()
	p.Controls[0].Evidence = texts("aws_kms_key.orders")
	report := &results.Report{Policies: []*results.Policy{kmsPolicy}}
	out, err := Verify(Input{Documents: docs, Posture: p, Check: report, Systems: systems.Resolve(docs)})
	if err != nil {
		t.Fatal(err)
	}
	out.Add(report, docs)
	for _, r := range report.Results {
		if r.Status == results.Fail || r.Status == results.Error || r.Status == results.Unknown {
			t.Errorf("%s on %s: %s %q", r.Policy.Name, r.Resource.Address, r.Status, r.Messages)
		}
	}
	if out.Controls[0].Status != Unverified {
		t.Errorf("control %s, want unverified", out.Controls[0].Status)
	}
}
