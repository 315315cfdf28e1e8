package plangen

import (
	"sort"
	"strconv"
)

const (
	terraformVersion = "1.9.8"
	awsProvider      = "registry.terraform.io/hashicorp/aws"
	piiProvider      = "registry.terraform.io/privacycode/pii"
)

func (b *block) provider() string {
	if b.kind.pii() {
		return piiProvider
	}
	return awsProvider
}

func (b *block) providerKey() string {
	if b.kind.pii() {
		return "pii"
	}
	return "aws"
}

func actionsOf(op string) string {
	switch op {
	case opReplace:
		return `["delete","create"]`
	default:
		return `["` + op + `"]`
	}
}

// write writes the whole document.
func (p *planner) write(w *writer) {
	insts := p.instanceList()
	w.text(`{"format_version":"1.2","terraform_version":"` + terraformVersion + `",`)
	w.text(`"variables":{"db_password":{"value":"not-a-real-password-0123"},"environment":{"value":"prod"},"region":{"value":"eu-west-1"}},`)
	w.text(`"planned_values":{"root_module":`)
	p.writeModuleValues(w, insts, false)
	w.text(`},"resource_changes":[`)
	for i, in := range insts {
		if i > 0 {
			w.char(',')
		}
		p.writeChange(w, in)
	}
	w.text(`],"prior_state":{"format_version":"1.0","terraform_version":"` + terraformVersion + `","values":{"root_module":`)
	p.writeModuleValues(w, insts, true)
	w.text(`}},"configuration":{"provider_config":{`)
	w.text(`"aws":{"name":"aws","full_name":"` + awsProvider + `","expressions":{"region":{"references":["var.region"]}}},`)
	w.text(`"pii":{"name":"pii","full_name":"` + piiProvider + `","expressions":{"risk_appetite":{"constant_value":"medium"}}}},"root_module":`)
	p.writeConfig(w)
	w.text(`},"timestamp":"2025-01-01T00:00:00Z","applyable":true,"complete":true,"errored":false}`)
}

// writeModuleValues writes a root_module of planned_values (the planned
// values) or of prior_state (the values before), leaving out resources
// that have none.
func (p *planner) writeModuleValues(w *writer, insts []instance, before bool) {
	byModule := map[string][]instance{}
	var modules []string
	for _, in := range insts {
		mod := in.b.moduleAddress()
		if _, ok := byModule[mod]; !ok && mod != "" {
			modules = append(modules, mod)
		}
		byModule[mod] = append(byModule[mod], in)
	}
	sort.Strings(modules)
	writeResources := func(list []instance) {
		w.text(`"resources":[`)
		first := true
		for _, in := range list {
			v := p.values(in.b, in.index, before)
			if v == nil {
				continue
			}
			if !first {
				w.char(',')
			}
			first = false
			w.text(`{"address":`)
			w.str(in.address)
			p.writeIdentity(w, in, false)
			w.text(`,"schema_version":0,"values":`)
			w.value(v, 0)
			w.text(`,"sensitive_values":`)
			w.topOverlay(v, sensitiveOverlay)
			w.char('}')
		}
		w.char(']')
	}
	w.char('{')
	writeResources(byModule[""])
	if len(modules) > 0 {
		w.text(`,"child_modules":[`)
		for i, mod := range modules {
			if i > 0 {
				w.char(',')
			}
			w.text(`{"address":`)
			w.str(mod)
			w.char(',')
			writeResources(byModule[mod])
			w.char('}')
		}
		w.char(']')
	}
	w.char('}')
}

// writeIdentity writes mode, type, name, index and provider_name (and
// module_address, in a resource change).
func (p *planner) writeIdentity(w *writer, in instance, change bool) {
	if mod := in.b.moduleAddress(); change && mod != "" {
		w.text(`,"module_address":`)
		w.str(mod)
	}
	w.text(`,"mode":"managed","type":"` + in.b.typ() + `","name":`)
	w.str(in.b.name)
	if in.b.count > 0 {
		w.text(`,"index":` + strconv.Itoa(in.index))
	}
	w.text(`,"provider_name":"` + in.b.provider() + `"`)
}

func (p *planner) writeChange(w *writer, in instance) {
	b := in.b
	before := p.values(b, in.index, true)
	after := p.values(b, in.index, false)
	w.text(`{"address":`)
	w.str(in.address)
	p.writeIdentity(w, in, true)
	w.text(`,"change":{"actions":` + actionsOf(b.op) + `,"before":`)
	w.value(before, 0)
	w.text(`,"after":`)
	w.value(after, 0)
	w.text(`,"after_unknown":`)
	w.topOverlay(after, unknownOverlay)
	w.text(`,"before_sensitive":`)
	w.topOverlay(before, sensitiveOverlay)
	w.text(`,"after_sensitive":`)
	w.topOverlay(after, sensitiveOverlay)
	if b.op == opReplace {
		w.text(`,"replace_paths":[["tags"]]}`)
		w.text(`,"action_reason":"replace_because_cannot_update"}`)
		return
	}
	w.text(`}}`)
}

// writeConfig writes the configuration's root module and its module calls.
func (p *planner) writeConfig(w *writer) {
	byModule := map[string][]*block{}
	for _, b := range p.blocks {
		byModule[b.module] = append(byModule[b.module], b)
	}
	resources := func(list []*block) {
		sort.Slice(list, func(i, j int) bool { return list[i].localAddress() < list[j].localAddress() })
		w.text(`"resources":[`)
		for i, b := range list {
			if i > 0 {
				w.char(',')
			}
			w.text(`{"address":`)
			w.str(b.localAddress())
			w.text(`,"mode":"managed","type":"` + b.typ() + `","name":`)
			w.str(b.name)
			w.text(`,"provider_config_key":"` + b.providerKey() + `","expressions":`)
			w.value(b.expressions(), 0)
			w.text(`,"schema_version":0`)
			if b.count > 0 {
				w.text(`,"count_expression":{"constant_value":` + strconv.Itoa(b.count) + `}`)
			}
			w.char('}')
		}
		w.char(']')
	}
	w.char('{')
	resources(byModule[""])
	if len(p.modules) > 0 {
		w.text(`,"module_calls":{`)
		mods := append([]string(nil), p.modules...)
		sort.Strings(mods)
		for i, mod := range mods {
			if i > 0 {
				w.char(',')
			}
			w.str(mod)
			w.text(`:{"source":"./modules/team","expressions":{"team":{"constant_value":`)
			w.str(mod)
			w.text(`}},"module":{`)
			resources(byModule[mod])
			w.text(`,"variables":{"team":{"description":"The owning team"}}}}`)
		}
		w.char('}')
	}
	w.text(`,"variables":{"db_password":{"sensitive":true},"environment":{"default":"prod"},"region":{"default":"eu-west-1"}}}`)
}

// Expressions of the configuration.

func constant(v any) any { return map[string]any{"constant_value": v} }

func references(refs ...string) any {
	list := make([]any, len(refs))
	for i, r := range refs {
		list[i] = r
	}
	return map[string]any{"references": list}
}

// refTo is the expression of an attribute that refers to t's attr.
func refTo(t *block, attr string) any {
	a := t.localAddress()
	return references(a+"."+attr, a)
}

func (b *block) expressions() map[string]any {
	e := map[string]any{}
	if !b.kind.pii() && b.kind != kSSE && b.kind != kVersioning && b.kind != kPublicAccessBlock && b.kind != kLifecycle {
		e["tags"] = references("local.common_tags", "var.environment")
	}
	if b.key != nil {
		e["kms_key_id"] = refTo(b.key, "arn")
	}
	switch b.kind {
	case kBucket:
		e["bucket"] = references("local.name_prefix", "var.environment")
		e["force_destroy"] = constant(false)
	case kSSE:
		key := constant("")
		if b.key != nil {
			key = refTo(b.key, "arn")
		}
		delete(e, "kms_key_id")
		e["bucket"] = refTo(b.bucket, "id")
		e["rule"] = []any{map[string]any{
			"apply_server_side_encryption_by_default": []any{map[string]any{"kms_master_key_id": key, "sse_algorithm": constant("aws:kms")}},
		}}
	case kVersioning:
		e["bucket"] = refTo(b.bucket, "id")
		e["versioning_configuration"] = []any{map[string]any{"status": constant("Enabled")}}
	case kPublicAccessBlock:
		e["bucket"] = refTo(b.bucket, "id")
		for _, a := range []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"} {
			e[a] = constant(true)
		}
	case kLifecycle:
		e["bucket"] = refTo(b.bucket, "id")
		e["rule"] = []any{map[string]any{
			"id": constant("expire-objects"), "status": constant("Enabled"),
			"expiration": []any{map[string]any{"days": references("var.retention_days")}},
		}}
	case kDBInstance, kRDSCluster:
		e["engine"] = constant("postgres")
		e["password"] = references("var.db_password")
		e["storage_encrypted"] = constant(true)
		if b.role != nil {
			e["monitoring_role_arn"] = refTo(b.role, "arn")
		}
	case kSQS, kSNS:
		if b.key != nil {
			e["kms_master_key_id"] = e["kms_key_id"]
			delete(e, "kms_key_id")
		}
		e["name"] = references("local.name_prefix")
	case kInstance:
		e["ami"] = references("data.aws_ami.al2023.id", "data.aws_ami.al2023")
		e["instance_type"] = constant("t3.medium")
		if b.role != nil {
			e["iam_instance_profile"] = refTo(b.role, "name")
		}
		e["metadata_options"] = []any{map[string]any{"http_tokens": constant("required")}}
	case kCloudTrail:
		if b.bucket != nil {
			e["s3_bucket_name"] = refTo(b.bucket, "id")
		}
		if b.logGroup != nil {
			e["cloud_watch_logs_group_arn"] = references("aws_cloudwatch_log_group."+b.logGroup.name+".arn", "aws_cloudwatch_log_group."+b.logGroup.name)
		}
		if b.role != nil {
			e["cloud_watch_logs_role_arn"] = refTo(b.role, "arn")
		}
	case kActivity:
		systems := make([]any, len(b.systems))
		for i, s := range b.systems {
			systems[i] = s
		}
		e["name"] = constant("Activity " + b.name)
		e["storage"] = []any{map[string]any{"systems": constant(systems), "countries": constant([]any{"IE"})}}
	case kControl:
		e["control_id"] = constant(controlIDs[b.pick(160, len(controlIDs))])
		if b.activity != nil {
			e["activities"] = refTo(b.activity, "id")
		}
	case kAssessment:
		e["activity"] = references(b.activity.localAddress())
		var refs []string
		for _, c := range b.controls {
			refs = append(refs, c.localAddress())
		}
		e["risks"] = references(refs...)
	}
	return e
}
