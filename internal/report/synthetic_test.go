package report

import (
	"fmt"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// syntheticPosture builds, in Go, the plan of a large organisation:
// activities processing activities, each with one assessment of
// risksPerActivity risks, two controls selected for each risk out of 24
// organisation-wide controls. Values look like real ones (names, purposes,
// systems, a transfer per activity) so that sizes are realistic; every
// tenth risk is partially covered, so there are gaps too.
func syntheticPosture(tb testing.TB, activities, risksPerActivity int) *posture.Posture {
	tb.Helper()
	set, err := catalog.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	s := cty.StringVal
	strs := func(v ...string) cty.Value {
		out := make([]cty.Value, len(v))
		for i, x := range v {
			out[i] = s(x)
		}
		return cty.TupleVal(out)
	}
	doc := &tfplan.Document{Name: "synthetic.json", Kind: tfplan.Plan, FormatVersion: "1.2", TerraformVersion: "1.11.4"}
	add := func(typ, name string, after cty.Value) {
		doc.Resources = append(doc.Resources, &tfplan.Resource{
			Address: typ + "." + name, ConfigAddress: typ + "." + name, Mode: "managed", Type: typ, Name: name,
			Actions: []string{"create"}, Operation: tfplan.OpCreate, After: after, Before: cty.NullVal(cty.DynamicPseudoType),
		})
	}

	// 24 controls, every third one of the ISO/IEC 29151 catalog.
	cat, err := set.Catalog("iso29151")
	if err != nil {
		tb.Fatal(err)
	}
	var controls []*catalog.Control
	for i, c := range cat.Controls() {
		if i%3 == 0 && len(controls) < 24 {
			controls = append(controls, c)
		}
	}
	statuses := []string{"implemented", "implemented", "implemented", "partial", "planned", "implemented"}
	for i, c := range controls {
		treats := make([]cty.Value, len(c.Treats))
		for j, t := range c.Treats {
			treats[j] = s(t)
		}
		add("pii_control", fmt.Sprintf("c%02d", i), cty.ObjectVal(map[string]cty.Value{
			"id": s(c.Ref()), "catalog": s(c.Catalog), "control_id": s(c.ID), "title": s(c.Title), "group": s(c.Group),
			"principle": s(c.Principle), "reduces": s(string(c.Reduces)), "treats": cty.TupleVal(treats),
			"status": s(statuses[i%len(statuses)]), "owner": s("Security team"),
			"implementation": s("Described in the information security management system, section " + c.ID + "."),
			"evidence":       strs("ISMS-"+c.ID, "aws_iam_policy.baseline"), "activities": cty.NullVal(cty.DynamicPseudoType),
			"justification": cty.NullVal(cty.DynamicPseudoType), "last_reviewed": s("2026-03-01"),
			"review_interval": s("P1Y"), "review_due": s("2027-03-01"),
		}))
	}

	categories := []string{"illegitimate_access", "unwanted_modification", "data_loss", "purpose_creep", "over_retention", "unlawful_transfer"}
	stages := []string{"collection", "storage", "use", "transfer", "disposal", "storage"}
	countries := []string{"US", "DE", "IN", "IE"}
	mechanisms := []string{"scc", "not_required", "scc", "not_required"}
	for a := 0; a < activities; a++ {
		name := fmt.Sprintf("Customer process %04d: onboarding and support", a)
		id := fmt.Sprintf("customer-process-%04d-onboarding-and-support-%08x", a, a*2654435761%(1<<32))
		add("pii_processing_activity", fmt.Sprintf("a%04d", a), cty.ObjectVal(map[string]cty.Value{
			"id": s(id), "name": s(name),
			"description": s("Customers sign up, verify their identity and contact support; agents see the customer's history."),
			"owner":       s("Head of Customer Operations"), "role": s("controller"),
			"purposes":       strs("Open and manage customer accounts", "Answer support requests about orders and accounts"),
			"legal_basis":    s("contract"),
			"pii_categories": strs("contact.email", "contact.phone", "identifiers.name", "financial.payment_card"),
			"principals":     strs("customer", "prospect"), "sensitivity": s("high"), "special_categories": cty.False,
			"special_category_condition": cty.NullVal(cty.DynamicPseudoType),
			"retention":                  s("P2Y"), "volume": cty.NumberIntVal(int64(1000 + a*37)),
			"pia_required": cty.True, "pia_triggers": strs("sensitive_data", "large_scale"),
			"lifecycle_stages":    strs("collection", "storage", "use", "transfer", "disposal"),
			"automated_decisions": cty.False, "datasets_combined": cty.False, "innovative_technology": cty.False,
			"prevents_right_or_service": cty.False, "profiling": cty.False, "systematic_monitoring": cty.False,
			"collection": cty.ObjectVal(map[string]cty.Value{"source": s("data_subject"), "systems": strs("aws_lb.signup", fmt.Sprintf("aws_ecs_service.signup_%d", a%7))}),
			"storage":    cty.ObjectVal(map[string]cty.Value{"systems": strs("aws_db_instance.customers", "aws_s3_bucket.documents"), "countries": strs("IE", "DE")}),
			"use":        cty.ObjectVal(map[string]cty.Value{"systems": strs("zendesk_support_desk")}),
			"transfer": cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
				"recipient": s("Support outsourcing partner"), "recipient_role": s("processor"),
				"country": s(countries[a%4]), "mechanism": s(mechanisms[a%4]), "systems": cty.NullVal(cty.DynamicPseudoType),
			})}),
			"disposal": cty.ObjectVal(map[string]cty.Value{"method": s("deletion"), "systems": cty.NullVal(cty.DynamicPseudoType)}),
		}))

		var risks []cty.Value
		for r := 0; r < risksPerActivity; r++ {
			n := a*risksPerActivity + r
			l, i := risk.Rating(2+n%3), risk.Rating(2+(n/3)%3)
			c1, c2 := controls[n%len(controls)], controls[(n+7)%len(controls)]
			score, level := risk.Assess(l, i)
			rl, ri := l.Lower(1), i.Lower(1)
			coverage := "covered"
			gaps := strs()
			if n%10 == 0 {
				rl, ri = l, i
				coverage = "partially_covered"
				gaps = strs(fmt.Sprintf("Risk %q is partially covered: the residual level %s is above the risk appetite medium.", "r", level))
			}
			rscore, rlevel := risk.Assess(rl, ri)
			risks = append(risks, cty.ObjectVal(map[string]cty.Value{
				"name":            s(fmt.Sprintf("Risk %d of process %04d: customer records exposed", r+1, a)),
				"category":        s(categories[r%len(categories)]),
				"description":     s("An attacker or an insider reads customer records they should not see; customers suffer fraud."),
				"lifecycle_stage": s(stages[r%len(stages)]), "likelihood": s(l.String()), "impact": s(i.String()),
				"treatment": cty.NullVal(cty.DynamicPseudoType), "risk_source": s("External attacker"),
				"rationale": cty.NullVal(cty.DynamicPseudoType), "transfer_to": cty.NullVal(cty.DynamicPseudoType),
				"acceptance": cty.NullVal(cty.DynamicPseudoType),
				"controls": cty.TupleVal([]cty.Value{
					cty.ObjectVal(map[string]cty.Value{"id": s(c1.Ref()), "status": s(statuses[(n%len(controls))%len(statuses)]), "activities": cty.NullVal(cty.DynamicPseudoType)}),
					cty.ObjectVal(map[string]cty.Value{"id": s(c2.Ref()), "status": s(statuses[((n+7)%len(controls))%len(statuses)]), "activities": cty.NullVal(cty.DynamicPseudoType)}),
				}),
				"inherent_score": cty.NumberIntVal(int64(score)), "inherent_level": s(level.String()),
				"residual_likelihood": s(rl.String()), "residual_impact": s(ri.String()),
				"residual_score": cty.NumberIntVal(int64(rscore)), "residual_level": s(rlevel.String()),
				"coverage": s(coverage), "effective_controls": strs(c1.Ref()), "gaps": gaps,
				"suggested_controls": strs("iso29151:9.1.1", "iso29151:9.4.1", "iso29151:10.1.1"),
			}))
		}
		add("pii_risk_assessment", fmt.Sprintf("a%04d", a), cty.ObjectVal(map[string]cty.Value{
			"id": s("pia-" + id), "activity": cty.ObjectVal(map[string]cty.Value{"id": s(id), "name": s(name)}),
			"status": s("approved"), "approved_by": s("Chief Operating Officer"), "assessor": s("Data protection officer"),
			"assessed_on": s("2026-02-01"), "next_review": s("2027-02-01"), "covered": cty.False,
			"uncovered_risks": strs(), "lifecycle_gaps": strs(), "max_inherent_level": s("high"), "max_residual_level": s("medium"),
			"risks": cty.TupleVal(risks),
		}))
	}
	p, err := posture.Read([]*tfplan.Document{doc}, posture.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
