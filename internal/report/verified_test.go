package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// The plan of examples/verified-posture checked with the built-in pack
// against an infrastructure plan, as report --with-check does: storage is
// a public repository's plan whose backup bucket is not encrypted with
// KMS, storage-fixed the same plan with the bucket fixed.
const (
	verifiedPosturePlan = "testdata/verified-posture-plan.json"
	storagePlan         = "testdata/storage-plan.json"
	storageFixedPlan    = "testdata/storage-fixed-plan.json"
)

// verifiedRun reads the posture's plan and the infrastructure document
// (labelled "storage"), checks them with the built-in pack on a fixed date
// and verifies the posture: the posture and the options a report of the
// run gets.
func verifiedRun(t testing.TB, infrastructure string) (*posture.Posture, Options) {
	t.Helper()
	read := func(path, label string) *tfplan.Document {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := tfplan.Read(label+".json", b)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	docs := []*tfplan.Document{read(verifiedPosturePlan, "verified-posture-plan"), read(infrastructure, "storage")}
	pack, diags := policy.ParseFS(policies.FS, ".")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	eng, err := engine.New(pack, engine.Options{Inputs: map[string]cty.Value{"as_of": cty.StringVal("2026-11-28")}})
	if err != nil {
		t.Fatal(err)
	}
	set, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	named := systems.Resolve(docs)
	check := eng.CheckResolved(docs, named)
	p, err := posture.Read(docs, posture.Options{Catalogs: set})
	if err != nil {
		t.Fatal(err)
	}
	outcome, err := verification.Verify(verification.Input{Documents: docs, Posture: p, Check: check, Systems: named, Catalogs: set, Today: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	outcome.Add(check, docs)
	opt := goldenOptions
	opt.Check = check
	opt.Verification = outcome
	return p, opt
}

// TestGoldenVerifiedPosture renders the posture checked against the
// infrastructure whose backup bucket is not encrypted with KMS: the
// Statement of Applicability and the coverage matrix say which controls
// the evidence contradicts, the heat map shows the verified residual, and
// the Verification section names the failing resources and policies. The
// fixed infrastructure verifies the same controls.
func TestGoldenVerifiedPosture(t *testing.T) {
	want := map[string][]string{
		"html": {
			`<a href="#verification">Verification</a>`,
			`contradicted`,
			`storage:aws_s3_bucket.grafana_backups`,
			`aws_s3_bucket_pii_kms_encryption`,
			`covered on paper only`,
		},
		"markdown": {
			"## Verification\n",
			"contradicted",
			`storage:aws\_s3\_bucket.grafana\_backups`,
			`| **❌ contradicted** | fails: aws\_s3\_bucket\_pii\_kms\_encryption on storage:aws\_s3\_bucket.grafana\_backups |`,
			"⚠️ **covered on paper only**: iso29151:10.1.1 contradicted",
			"1 contradicted, 0 unknown, 1 unverified, 0 verified; 1 risk covered on paper only.",
		},
		"json": {`"verification": {`, `"status": "contradicted"`, `"covered_on_paper_only": true`},
	}
	p, opt := verifiedRun(t, storagePlan)
	for _, format := range []string{"html", "markdown", "json"} {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, p, opt)
			golden(t, "verified-posture."+extensions[format], got)
			for _, w := range want[format] {
				if !strings.Contains(got, w) {
					t.Errorf("the %s report lacks %q", format, w)
				}
			}
			if again := render(t, format, p, opt); again != got {
				t.Error("two renderings of the same run differ")
			}
		})
	}
	fixed, fixedOpt := verifiedRun(t, storageFixedPlan)
	for _, format := range []string{"html", "markdown", "json"} {
		t.Run(format+" fixed", func(t *testing.T) {
			got := render(t, format, fixed, fixedOpt)
			if strings.Contains(got, "covered on paper only:") || strings.Contains(got, `"status": "contradicted"`) || strings.Contains(got, "❌ contradicted") {
				t.Errorf("the %s report of the fixed infrastructure has a contradicted control", format)
			}
			want := "0 contradicted, 0 unknown, 1 unverified, 1 verified; 0 risks covered on paper only."
			if format == "json" {
				want = `"covered_on_paper_only": false`
			}
			if !strings.Contains(got, want) {
				t.Errorf("the %s report of the fixed infrastructure lacks %q", format, want)
			}
		})
	}
}
