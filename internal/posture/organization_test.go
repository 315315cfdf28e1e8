package posture

import (
	"slices"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

func TestReadOrganization(t *testing.T) {
	plan := &tfplan.Document{Name: "plan.json", Kind: tfplan.Plan}
	block := func(e tfplan.ProviderExpression) *tfplan.ProviderBlock {
		return &tfplan.ProviderBlock{Key: "pii", Arguments: map[string]tfplan.ProviderExpression{"organization": e}}
	}
	constant := tfplan.ProviderExpression{Constant: true, Value: cty.ObjectVal(map[string]cty.Value{
		"name": cty.StringVal("Acme"), "contact": cty.StringVal(" "), "jurisdiction": cty.StringVal("gb"),
		"roles": cty.TupleVal([]cty.Value{cty.StringVal("controller")}),
	})}
	tests := []struct {
		name     string
		doc      *tfplan.Document
		block    *tfplan.ProviderBlock
		wantNote string
		check    func(t *testing.T, o *Organization)
	}{
		{name: "state", doc: &tfplan.Document{Kind: tfplan.State}, wantNote: orgNoteState},
		{name: "no provider block", doc: plan, wantNote: orgNoteNoBlock},
		{name: "no organization", doc: plan, block: &tfplan.ProviderBlock{Arguments: map[string]tfplan.ProviderExpression{}}, wantNote: orgNoteUnset},
		{name: "not a constant", doc: plan, block: block(tfplan.ProviderExpression{Value: cty.DynamicVal, References: []string{"var.org"}}),
			wantNote: orgNoteNotConstant + " (an expression that refers to var.org)"},
		{name: "sensitive", doc: plan, block: block(tfplan.ProviderExpression{Constant: true, Value: cty.ObjectVal(map[string]cty.Value{
			"name": cty.StringVal("Nightingale")}).Mark(tfplan.Sensitive)}), wantNote: "the organization is marked sensitive"},
		{name: "constant", doc: plan, block: block(constant), check: func(t *testing.T, o *Organization) {
			if !o.Name.Is("Acme") || !o.Contact.IsNull() || !o.DPOContact.IsNull() || !o.Jurisdiction.Is("GB") || Join(o.Roles, ",") != "controller" {
				t.Errorf("organization = %+v", o)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := readOrganization(tt.doc, tt.block)
			if o.Note != tt.wantNote {
				t.Errorf("note = %q, want %q", o.Note, tt.wantNote)
			}
			if tt.wantNote != "" && (o.Fix == "" || !o.Name.IsNull() || o.Name.String() != "") {
				t.Errorf("fix %q, name %q", o.Fix, o.Name)
			}
			if tt.check != nil {
				tt.check(t, o)
			}
		})
	}
}

func TestRecord(t *testing.T) {
	org := &Organization{Name: Text("Acme"), Contact: Text("privacy@acme.example"), DPOContact: Text("dpo@acme.example"), Roles: []Value{}}
	full := func() *Activity {
		return &Activity{
			Role: Text("controller"), Purposes: []Value{Text("Orders")}, Principals: []Value{Text("customer")},
			PIICategories: []Value{Text("contact.email")}, Retention: Text("P1Y"), SecurityMeasures: []string{"iso29151:9.1.1"},
			Transfers: []*Transfer{{Recipient: Text("PSP"), Country: Text("US"), OutsideEEA: Bool(true), Mechanism: Text("scc")}},
		}
	}
	tests := []struct {
		name        string
		edit        func(a *Activity)
		org         *Organization
		wantArticle string
		wantMissing []string // points
		wantPending []string
	}{
		{name: "complete controller", org: org, wantArticle: "30(1)"},
		{name: "no organization", org: nil, wantArticle: "30(1)", wantMissing: []string{"30(1)(a)"}},
		{name: "organization not stated", org: &Organization{Note: orgNoteUnset, Fix: "set organization"}, wantArticle: "30(1)", wantMissing: []string{"30(1)(a)"}},
		{name: "no DPO", org: &Organization{Name: Text("Acme"), Contact: Text("c")}, wantArticle: "30(1)", wantMissing: []string{"30(1)(a)"}},
		{name: "gaps", org: org, edit: func(a *Activity) {
			a.Retention, a.SecurityMeasures, a.Purposes = Value{}, nil, nil
			a.Transfers[0].Mechanism = Value{}
		}, wantArticle: "30(1)", wantMissing: []string{"30(1)(b)", "30(1)(e)", "30(1)(f)", "30(1)(g)"}},
		{name: "known after apply", org: org, edit: func(a *Activity) {
			a.Purposes = []Value{UnknownValue()}
			a.Transfers = []*Transfer{{Unknown: true}}
		}, wantArticle: "30(1)", wantPending: []string{"30(1)(b)", "30(1)(e)"}},
		{name: "sensitive retention is stated", org: org, edit: func(a *Activity) { a.Retention = SensitiveValue() }, wantArticle: "30(1)"},
		{name: "joint controller without the others", org: org, edit: func(a *Activity) { a.Role = Text("joint_controller") },
			wantArticle: "30(1)", wantMissing: []string{"30(1)(a)"}},
		{name: "processor without controllers", org: org, edit: func(a *Activity) { a.Role = Text("processor") },
			wantArticle: "30(2)", wantMissing: []string{"30(2)(a)"}},
		{name: "processor", org: org, edit: func(a *Activity) {
			a.Role, a.Controllers, a.Retention = Text("processor"), []Value{Text("Customers")}, Value{}
		},
			wantArticle: "30(2)"},
	}
	points := func(items []RecordItem) []string {
		out := []string{}
		for _, it := range items {
			out = append(out, it.Point)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := full()
			if tt.edit != nil {
				tt.edit(a)
			}
			rec := record(a, tt.org)
			if rec.Article != tt.wantArticle {
				t.Errorf("article %s, want %s", rec.Article, tt.wantArticle)
			}
			if got := points(rec.Missing); !slices.Equal(got, append([]string{}, tt.wantMissing...)) {
				t.Errorf("missing %v, want %v (%+v)", got, tt.wantMissing, rec.Missing)
			}
			if got := points(rec.Pending); !slices.Equal(got, append([]string{}, tt.wantPending...)) {
				t.Errorf("pending %v, want %v", got, tt.wantPending)
			}
			if rec.Complete != (len(tt.wantMissing) == 0 && len(tt.wantPending) == 0) {
				t.Errorf("complete = %v", rec.Complete)
			}
			for _, it := range rec.Missing {
				if it.Fix == "" || !strings.Contains(it.Text(), "(Art. "+it.Point+")") {
					t.Errorf("item %+v says nothing to do", it)
				}
			}
		})
	}
}

func TestScopeOf(t *testing.T) {
	doc := func(roles ...string) Document {
		o := &Organization{Roles: []Value{}, ScopeJustification: Text("why")}
		for _, r := range roles {
			o.Roles = append(o.Roles, Text(r))
		}
		return Document{Name: "d.json", Organization: o}
	}
	tests := []struct {
		name         string
		docs         []Document
		wantExcluded []string
	}{
		{name: "nothing read", docs: []Document{{Name: "s.json"}}},
		{name: "every role", docs: []Document{doc()}},
		{name: "both roles", docs: []Document{doc("processor", "controller")}},
		{name: "controller only", docs: []Document{doc("controller")}, wantExcluded: []string{"processor"}},
		{name: "processor only", docs: []Document{doc("processor")}, wantExcluded: []string{"controller"}},
		{name: "union of the documents", docs: []Document{doc("controller"), doc("processor")}},
		{name: "a state says nothing", docs: []Document{doc("controller"), {Name: "s.json", Organization: &Organization{Note: orgNoteState}}},
			wantExcluded: []string{"processor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, as := scopeOf(tt.docs)
			if tt.wantExcluded == nil {
				if sc != nil || len(as.ExcludedRoles()) > 0 {
					t.Errorf("scope %+v, want none", sc)
				}
				return
			}
			if sc == nil || !slices.Equal(sc.Excluded, tt.wantExcluded) || !slices.Equal(as.ExcludedRoles(), tt.wantExcluded) || !sc.Justification.Is("why") {
				t.Errorf("scope %+v, want %v excluded", sc, tt.wantExcluded)
			}
		})
	}
}

func TestAsOf(t *testing.T) {
	for _, tt := range []struct {
		d    Document
		want string
	}{
		{Document{Kind: "plan", Timestamp: "2026-11-28T21:02:08Z", TerraformVersion: "1.11.4"}, "plan of 2026-11-28T21:02:08Z, Terraform 1.11.4"},
		{Document{Kind: "state", TerraformVersion: "1.11.4"}, "state (the document carries no timestamp), Terraform 1.11.4"},
		{Document{Kind: "plan"}, "plan (the document carries no timestamp), Terraform version not stated"},
	} {
		if got := asOf(tt.d); got != tt.want {
			t.Errorf("asOf(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
