package provider

import (
	"testing"
)

// Import by id works with import {} blocks: each resource is imported and
// then updated in place from its configuration (these resources live in
// state only, so the id is all there is to import), never replaced.
func TestAccImportBlocks(t *testing.T) {
	config := posture(providerBlock, assessment(`{
      `+cardTheft+`
      controls = [pii_control.access, pii_control.privileged, pii_control.kms]
    }`)) + `
import {
  to = pii_processing_activity.checkout
  id = "checkout-4b0e8e7c"
}
import {
  to = pii_control.kms
  id = "iso29151:10.1.1"
}
import {
  to = pii_risk_assessment.checkout
  id = "pia-checkout-4b0e8e7c"
}
`
	diags, changes := terraformPlan(t, config)
	for _, d := range diags {
		if d.Severity == "error" {
			t.Fatalf("plan failed: %s", d)
		}
	}
	want := map[string]bool{"pii_processing_activity.checkout": false, "pii_control.kms": false, "pii_risk_assessment.checkout": false}
	for _, c := range changes {
		if _, ok := want[c.Address]; !ok {
			continue
		}
		want[c.Address] = true
		if !c.Importing || c.Action != "update" {
			t.Errorf("%s: action %q importing %v, want an import updated in place", c.Address, c.Action, c.Importing)
		}
	}
	for addr, seen := range want {
		if !seen {
			t.Errorf("no planned change for %s: %+v", addr, changes)
		}
	}
}

func TestAccImportControlBadID(t *testing.T) {
	diags, _ := terraformPlan(t, providerBlock+`
resource "pii_control" "kms" {
  control_id = "10.1.1"
  status     = "implemented"
}
import {
  to = pii_control.kms
  id = "10.1.1"
}
`)
	expectDiagnostics(t, diags, `error: Invalid import id: "10.1.1" is not a pii_control id: write <catalog>:<control_id>, such as iso29151:10.1.1.`)
}

func TestAccImportControlUnknownID(t *testing.T) {
	diags, _ := terraformPlan(t, providerBlock+`
resource "pii_control" "kms" {
  control_id = "10.1.1"
  status     = "implemented"
}
import {
  to = pii_control.kms
  id = "iso29151:10.11"
}
`)
	expectDiagnostics(t, diags, `error: Invalid import id: There is no control "10.11" in catalog iso29151. Did you mean "10.1.1"?`)
}
