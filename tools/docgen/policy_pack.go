package main

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// folderIntros say what each folder of the pack covers; a folder without
// one is still listed.
var folderIntros = map[string]string{
	"posture": "Policies over the provider's own resources in the plan (`pii_processing_activity`, `pii_control`, `pii_risk_assessment`): the privacy programme itself. They apply to every such resource; `meta.holds_pii` plays no part.",
	"aws":     "Policies over resources of the `hashicorp/aws` provider that hold PII: S3, RDS and Aurora, DynamoDB, EBS, CloudWatch Logs, SQS, SNS, CloudTrail and where data resides.",
	"azurerm": "Policies over resources of the `hashicorp/azurerm` provider that hold PII: storage accounts, SQL, PostgreSQL and MySQL servers, Key Vault, Cosmos DB and where data resides.",
	"google":  "Policies over resources of the `hashicorp/google` provider that hold PII: Cloud Storage, Cloud SQL, BigQuery, Cloud KMS and where data resides.",
}

// folderOrder puts the posture policies first, then providers by name.
func folderOrder(a, b string) bool {
	if (a == "posture") != (b == "posture") {
		return a == "posture"
	}
	return a < b
}

func folderOf(p *policy.Policy) string {
	dir := path.Dir(p.DeclRange.Filename)
	if dir == "." {
		return ""
	}
	return dir
}

func policyPack(pack *policy.Pack, set *catalog.Set) []byte {
	byFolder := map[string][]*policy.Policy{}
	for _, p := range pack.Policies {
		byFolder[folderOf(p)] = append(byFolder[folderOf(p)], p)
	}
	folders := make([]string, 0, len(byFolder))
	for f, ps := range byFolder {
		folders = append(folders, f)
		sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	}
	sort.Slice(folders, func(i, j int) bool { return folderOrder(folders[i], folders[j]) })

	var b bytes.Buffer
	b.WriteString(`---
page_title: "The built-in policy pack"
subcategory: ""
description: |-
  Every policy of the built-in pack that terraform-provider-pii check runs by default: the controls it implements, its severity, enforcement level and the resource types it reads, and the pack's inputs. Generated from the pack.
---

# The built-in policy pack

The provider's binary carries a pack of policies that ` + "`terraform-provider-pii check`" + `
evaluates over a plan (or state) when no ` + "`--policy-dir`" + ` is given. Each policy
turns a control of the built-in catalogs into a check on real resources. This
page is generated from the pack itself by ` + "`make docs`" + `, so it lists exactly
what the binary runs; the [policy language guide](policy-language.md) explains
how policies are evaluated and what the results mean.

` + "```sh" + `
terraform plan -out=tfplan
terraform show -json tfplan > plan.json
terraform-provider-pii check plan.json                          # the built-in pack
terraform-provider-pii check plan.json --var assume_pii=true    # every data store counts as holding PII
terraform-provider-pii check plan.json --format sarif --output results.sarif
terraform-provider-pii test                                     # the pack's own tests
` + "```" + `

**Which resources are checked.** Policies on infrastructure apply only to
resources that hold PII (` + "`meta.holds_pii`" + `): resources tagged as personal
data, resources that a ` + "`pii_processing_activity`" + ` names among its ` + "`systems`" + `,
and resources whose configuration refers to one of those (see
[how meta.holds_pii is decided](policy-language.md#how-metaholds_pii-is-decided)).
A team that has not tagged anything yet can set the input ` + "`assume_pii`" + ` to
` + "`true`" + `: every data store is then checked as if it held PII. Policies on a
resource that only protects data stores (a key, an audit trail) apply when a
store that holds PII uses it. The posture policies read the provider's own
resources and always apply.

**Unknown values.** A policy whose decision depends on a value known only
after apply gives ` + "`unknown`" + `, which blocks only with ` + "`--strict`" + `.

**Enforcement.** ` + "`mandatory`" + ` failures make ` + "`check`" + ` exit 1;
` + "`mandatory_overridable`" + ` ones too, unless the policy is named with
` + "`--override`" + `; ` + "`advisory`" + ` failures are reported and never block.

## Counts

| Folder | Policies | mandatory | mandatory_overridable | advisory |
|---|---:|---:|---:|---:|
`)
	total := map[string]int{}
	for _, f := range folders {
		counts := map[string]int{}
		for _, p := range byFolder[f] {
			counts[p.EnforcementLevel]++
			total[p.EnforcementLevel]++
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %d | %d | %d | %d |\n", folderName(f), anchor(folderName(f)), len(byFolder[f]),
			counts["mandatory"], counts["mandatory_overridable"], counts["advisory"])
	}
	fmt.Fprintf(&b, "| **all** | **%d** | %d | %d | %d |\n", len(pack.Policies), total["mandatory"], total["mandatory_overridable"], total["advisory"])

	b.WriteString("\n## Inputs\n\nSet them with `--var NAME=VALUE` or `--var-file FILE`; every input has a default.\n\n| Input | Type | Default | Description |\n|---|---|---|---|\n")
	names := make([]string, 0, len(pack.Inputs))
	for n := range pack.Inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		in := pack.Inputs[n]
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", n, typeString(in.Type), defaultString(in.Default), cell(in.Description))
	}

	for _, f := range folders {
		fmt.Fprintf(&b, "\n## %s\n\n", folderName(f))
		if intro := folderIntros[f]; intro != "" {
			b.WriteString(intro + "\n\n")
		}
		b.WriteString("| Policy | Requires | Reads | Controls | Severity | Enforcement |\n|---|---|---|---|---|---|\n")
		for _, p := range byFolder[f] {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", p.Name, cell(p.Description), codeList(p.ReadTypes()),
				codeList(p.Controls), p.Severity, strings.ReplaceAll(p.EnforcementLevel, "_", "\\_"))
		}
		b.WriteString("\nDefined in ")
		files := map[string]bool{}
		for _, p := range byFolder[f] {
			files[p.DeclRange.Filename] = true
		}
		b.WriteString(codeList(sortedKeys(files)) + " (paths under `policies/`), each with its `*.policytest.hcl` beside it.\n")
	}

	// The verification's policies are not HCL: the check computes them
	// from the pack's results and the posture.
	b.WriteString("\n## verification\n\nComputed by every check from the pack's results and the posture, not written in the policy language: each claimed `pii_control` is verified against the infrastructure of the documents given (see [Verification](policy-language.md#verification)).\n\n")
	b.WriteString("| Policy | Requires | Reads | Controls | Severity | Enforcement |\n|---|---|---|---|---|---|\n")
	for _, p := range verification.Policies() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", p.Name, cell(p.Description), codeList([]string{p.ResourceType}),
			codeList(p.Controls), p.Severity, strings.ReplaceAll(p.EnforcementLevel, "_", "\\_"))
	}

	// The mapping the other way: for an auditor holding a control list.
	byControl := map[string][]string{}
	for _, p := range pack.Policies {
		for _, c := range p.Controls {
			byControl[c] = append(byControl[c], p.Name)
		}
	}
	for _, p := range verification.Policies() {
		for _, c := range p.Controls {
			byControl[c] = append(byControl[c], p.Name)
		}
	}
	b.WriteString("\n## Controls\n\nThe catalog controls the pack checks, with the policies that check each; see the [catalog reference](catalog-reference.md) for the controls themselves.\n\n| Control | Title | Policies |\n|---|---|---|\n")
	for _, c := range sortedControlIDs(byControl) {
		title := ""
		if ctl, err := set.LookupControl(c); err == nil {
			title = ctl.Title
		}
		ps := byControl[c]
		sort.Strings(ps)
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c, cell(title), codeList(ps))
	}
	return b.Bytes()
}

// sortedControlIDs orders qualified ids by catalog, then naturally by id
// (iso29151:5.1.1 before iso29151:10.1.1).
func sortedControlIDs(m map[string][]string) []string {
	byCatalog := map[string][]string{}
	for q := range m {
		cat, id, _ := strings.Cut(q, ":")
		byCatalog[cat] = append(byCatalog[cat], id)
	}
	var out []string
	for _, cat := range sortedKeys(byCatalog) {
		ids := byCatalog[cat]
		catalog.SortIDs(ids)
		for _, id := range ids {
			out = append(out, cat+":"+id)
		}
	}
	return out
}

func folderName(f string) string {
	if f == "" {
		return "pack"
	}
	return f
}

func anchor(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", "-"))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func typeString(t cty.Type) string {
	if t == cty.NilType {
		return "any"
	}
	return typeexpr.TypeString(t)
}

func defaultString(v cty.Value) string {
	if v == cty.NilVal || v.IsNull() {
		return "(required)"
	}
	return "`" + strings.TrimSpace(string(hclwrite.TokensForValue(v).Bytes())) + "`"
}
