// Package policytest runs policy tests: *.policytest.hcl files that
// declare mock resources and the results named policies must give for
// them.
//
//	test "an unencrypted PII bucket fails" {
//	  variables = { assume_pii = false }          # pack inputs, optional
//
//	  resource "aws_s3_bucket" "orders" {
//	    attrs      = { bucket = "orders", tags = { pii = "true" }, arn = unknown }
//	    operation  = "create"                      # optional: create (default), update, delete, replace, no-op, read
//	    prior      = { ... }                       # optional: prior_attrs
//	    references = ["aws_kms_key.pii"]           # optional: what its configuration references, or by argument:
//	                                               #   { bucket = ["aws_s3_bucket.orders"] }
//	    meta       = { holds_pii = true }          # optional: overrides the computed meta.holds_pii
//	    provider_config = { region = "eu-west-1" } # optional: meta.provider_config
//	  }
//
//	  expect "pii_bucket_encrypted" {
//	    resource = "aws_s3_bucket.orders"          # optional: default, every resource the policy checks
//	    result   = "fail"                          # pass | fail | unknown | not_applicable | error
//	    message  = "not encrypted"                 # optional: a regular expression the messages must match
//	  }
//	}
//
// In attrs and prior, the variable unknown stands for a value known only
// after apply and sensitive(value) marks a value sensitive, as a plan
// would. Each test is turned into a plan document and checked by the
// engine exactly as a real plan is.
package policytest

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// sensitiveMark marks mock values sensitive until they are written into
// the plan document's after_sensitive.
type sensitiveMark struct{}

var mockContext = &hcl.EvalContext{
	Variables: map[string]cty.Value{"unknown": cty.DynamicVal},
	Functions: map[string]function.Function{
		"sensitive": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true}},
			Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				return args[0].Mark(sensitiveMark{}), nil
			},
		}),
	},
}

// Test is one test block.
type Test struct {
	Name      string
	File      string
	Line      int
	Variables map[string]cty.Value
	Resources []*Mock
	Expects   []*Expect
}

// Mock is a mock resource.
type Mock struct {
	Type, Name string
	Attrs      cty.Value
	Prior      cty.Value
	Operation  string
	References []string
	// ArgumentReferences are references by the argument that holds them,
	// as core::referrers(type, argument) reads them.
	ArgumentReferences map[string][]string
	HoldsPII           *bool
	// ProviderConfig is the mock's provider configuration (an object of
	// tfplan.ProviderArguments), cty.NilVal when it sets none.
	ProviderConfig cty.Value
}

// Expect is one expected result.
type Expect struct {
	Policy   string
	Resource string
	Result   results.Status
	Message  *regexp.Regexp
	Range    hcl.Range
}

var (
	fileSchema   = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "test", LabelNames: []string{"name"}}}}
	testSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "variables"}}, Blocks: []hcl.BlockHeaderSchema{{Type: "resource", LabelNames: []string{"type", "name"}}, {Type: "expect", LabelNames: []string{"policy"}}}}
	mockSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "attrs"}, {Name: "prior"}, {Name: "operation"}, {Name: "references"}, {Name: "meta"}, {Name: "provider_config"}}}
	expectSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "resource"}, {Name: "result", Required: true}, {Name: "message"}}}
	statuses     = []string{string(results.Pass), string(results.Fail), string(results.Unknown), string(results.NotApplicable), string(results.Error)}
)

// ParseFS reads every *.policytest.hcl under root.
func ParseFS(fsys fs.FS, root string) ([]*Test, hcl.Diagnostics) {
	var tests []*Test
	var diags hcl.Diagnostics
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, policy.TestSuffix) {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		t, more := Parse(p, b)
		tests = append(tests, t...)
		diags = append(diags, more...)
		return nil
	})
	if err != nil {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read policy tests", Detail: err.Error()})
	}
	return tests, diags
}

// Parse reads one test file.
func Parse(filename string, src []byte) ([]*Test, hcl.Diagnostics) {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	content, diags := f.Body.Content(fileSchema)
	var tests []*Test
	names := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		t := &Test{Name: b.Labels[0], File: filename, Line: b.DefRange.Start.Line, Variables: map[string]cty.Value{}}
		if prev, dup := names[t.Name]; dup {
			diags = append(diags, errorAt(b.LabelRanges[0], "Duplicate test name", "A test named %q is already declared at line %d.", t.Name, prev.Start.Line))
		}
		names[t.Name] = b.DefRange
		tc, more := b.Body.Content(testSchema)
		diags = append(diags, more...)
		if a, ok := tc.Attributes["variables"]; ok {
			v, more := a.Expr.Value(nil)
			diags = append(diags, more...)
			if !more.HasErrors() && !v.IsNull() && (v.Type().IsObjectType() || v.Type().IsMapType()) {
				for it := v.ElementIterator(); it.Next(); {
					k, val := it.Element()
					t.Variables[k.AsString()] = val
				}
			}
		}
		for _, blk := range tc.Blocks {
			switch blk.Type {
			case "resource":
				m, more := parseMock(blk)
				diags = append(diags, more...)
				t.Resources = append(t.Resources, m)
			case "expect":
				e, more := parseExpect(blk)
				diags = append(diags, more...)
				t.Expects = append(t.Expects, e)
			}
		}
		if len(t.Expects) == 0 {
			diags = append(diags, errorAt(b.DefRange, "Test expects nothing", "Test %q has no expect block; a test that asserts nothing always passes.", t.Name))
		}
		tests = append(tests, t)
	}
	return tests, diags
}

func errorAt(rng hcl.Range, summary, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()}
}

func parseMock(b *hcl.Block) (*Mock, hcl.Diagnostics) {
	m := &Mock{Type: b.Labels[0], Name: b.Labels[1], Operation: "create", Attrs: cty.EmptyObjectVal, Prior: cty.NullVal(cty.DynamicPseudoType)}
	c, diags := b.Body.Content(mockSchema)
	defer func() {
		// A deleted resource has no planned values, as in a real plan.
		if _, set := c.Attributes["attrs"]; !set && m.Operation == "delete" {
			m.Attrs = cty.NullVal(cty.DynamicPseudoType)
		}
	}()
	if a, ok := c.Attributes["attrs"]; ok {
		v, more := a.Expr.Value(mockContext)
		diags = append(diags, more...)
		m.Attrs = v
	}
	if a, ok := c.Attributes["prior"]; ok {
		v, more := a.Expr.Value(mockContext)
		diags = append(diags, more...)
		m.Prior = v
	}
	if a, ok := c.Attributes["operation"]; ok {
		v, more := a.Expr.Value(nil)
		diags = append(diags, more...)
		if !more.HasErrors() && v.Type() == cty.String && !v.IsNull() {
			m.Operation = v.AsString()
			if !slices.Contains(policy.Operations, m.Operation) {
				diags = append(diags, errorAt(a.Expr.Range(), "Invalid operation", "%q is not an operation; use %s.%s", m.Operation, strings.Join(policy.Operations, ", "), suggest.Phrase(suggest.Closest(m.Operation, policy.Operations, 1))))
			}
		}
	}
	if a, ok := c.Attributes["references"]; ok {
		v, more := a.Expr.Value(nil)
		diags = append(diags, more...)
		addressList := func(v cty.Value) []string {
			var out []string
			if v.CanIterateElements() {
				for it := v.ElementIterator(); it.Next(); {
					if _, r := it.Element(); r.Type() == cty.String && !r.IsNull() {
						out = append(out, r.AsString())
					}
				}
			}
			return out
		}
		switch {
		case more.HasErrors():
		case v.Type().IsObjectType() || v.Type().IsMapType():
			// By argument: { bucket = ["aws_s3_bucket.orders"] }.
			m.ArgumentReferences = map[string][]string{}
			for it := v.ElementIterator(); it.Next(); {
				k, refs := it.Element()
				m.ArgumentReferences[k.AsString()] = addressList(refs)
			}
		default:
			m.References = addressList(v)
		}
	}
	if a, ok := c.Attributes["meta"]; ok {
		v, more := a.Expr.Value(nil)
		diags = append(diags, more...)
		if !more.HasErrors() && v.Type().IsObjectType() {
			for name := range v.Type().AttributeTypes() {
				if name != "holds_pii" {
					diags = append(diags, errorAt(a.Expr.Range(), "Unsupported meta", "meta can set holds_pii only; the rest of meta follows from the resource's type, name and operation (got %q).", name))
					continue
				}
				h := v.GetAttr(name)
				if h.Type() != cty.Bool || h.IsNull() {
					diags = append(diags, errorAt(a.Expr.Range(), "Invalid meta", "meta.holds_pii must be true or false."))
					continue
				}
				b := h.True()
				m.HoldsPII = &b
			}
		}
	}
	if a, ok := c.Attributes["provider_config"]; ok {
		v, more := parseProviderConfig(a)
		diags = append(diags, more...)
		m.ProviderConfig = v
	}
	return m, diags
}

// providerConfigContext is where a mock's provider_config is evaluated:
// literal values and unknown. A plan does not mark provider arguments
// sensitive, so sensitive() says so.
var providerConfigContext = &hcl.EvalContext{
	Variables: map[string]cty.Value{"unknown": cty.DynamicVal},
	Functions: map[string]function.Function{
		"sensitive": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true}},
			Type:   function.StaticReturnType(cty.DynamicPseudoType),
			Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
				return cty.NilVal, fmt.Errorf("provider_config values cannot be sensitive: plans do not mark provider arguments sensitive, and meta.provider_config holds no secrets")
			},
		}),
	},
}

// parseProviderConfig reads a mock's provider_config: an object whose
// attributes are among tfplan.ProviderArguments.
func parseProviderConfig(a *hcl.Attribute) (cty.Value, hcl.Diagnostics) {
	accepted := strings.Join(tfplan.ProviderArguments, ", ")
	v, diags := a.Expr.Value(providerConfigContext)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	if v.IsNull() || !v.IsKnown() || (!v.Type().IsObjectType() && !v.Type().IsMapType()) {
		what := "null"
		if !v.IsKnown() {
			what = "unknown"
		} else if !v.IsNull() {
			what = "a " + v.Type().FriendlyName()
		}
		return cty.NilVal, append(diags, errorAt(a.Expr.Range(), "Invalid provider_config",
			"provider_config must be an object of provider arguments, such as { region = \"eu-west-1\" }, not %s. Accepted arguments: %s.", what, accepted))
	}
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		name := k.AsString()
		switch {
		case !slices.Contains(tfplan.ProviderArguments, name):
			diags = append(diags, errorAt(a.Expr.Range(), "Unsupported provider argument",
				"meta.provider_config holds only %s, not %q.%s", accepted, name, suggest.Phrase(suggest.Closest(name, tfplan.ProviderArguments, 1))))
		case name == "alias" && (!val.IsKnown() || val.IsNull() || val.Type() != cty.String):
			diags = append(diags, errorAt(a.Expr.Range(), "Invalid provider_config",
				"provider_config.alias must be a string: the configuration's alias, as in provider \"aws\" { alias = \"eu\" }."))
		}
	}
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v, diags
}

func parseExpect(b *hcl.Block) (*Expect, hcl.Diagnostics) {
	e := &Expect{Policy: b.Labels[0], Range: b.DefRange}
	c, diags := b.Body.Content(expectSchema)
	if diags.HasErrors() {
		return e, diags
	}
	str := func(name string) (string, hcl.Range, bool) {
		a, ok := c.Attributes[name]
		if !ok {
			return "", hcl.Range{}, false
		}
		v, more := a.Expr.Value(nil)
		diags = append(diags, more...)
		if more.HasErrors() || v.IsNull() || v.Type() != cty.String {
			diags = append(diags, errorAt(a.Expr.Range(), "Invalid "+name, "%s must be a string.", name))
			return "", a.Expr.Range(), false
		}
		return v.AsString(), a.Expr.Range(), true
	}
	if s, _, ok := str("resource"); ok {
		e.Resource = s
	}
	if s, rng, ok := str("result"); ok {
		if !slices.Contains(statuses, s) {
			diags = append(diags, errorAt(rng, "Invalid result", "%q is not a result; use %s.%s", s, strings.Join(statuses, ", "), suggest.Phrase(suggest.Closest(s, statuses, 1))))
		}
		e.Result = results.Status(s)
	}
	if s, rng, ok := str("message"); ok {
		re, err := regexp.Compile(s)
		if err != nil {
			diags = append(diags, errorAt(rng, "Invalid message pattern", "%s", err))
		} else {
			e.Message = re
		}
	}
	return e, diags
}

// Outcome is the result of one test.
type Outcome struct {
	Test     *Test
	Failures []string
}

// OK reports whether every expectation held.
func (o Outcome) OK() bool { return len(o.Failures) == 0 }

// Run runs every test against the pack. core::today() is the date Run
// starts, the same for every test.
func Run(pack *policy.Pack, tests []*Test) []Outcome {
	today := time.Now().UTC().Format(time.DateOnly)
	out := make([]Outcome, 0, len(tests))
	for _, t := range tests {
		out = append(out, run(pack, t, today))
	}
	return out
}

func run(pack *policy.Pack, t *Test, today string) Outcome {
	o := Outcome{Test: t}
	for _, e := range t.Expects {
		if !policyExists(pack, e.Policy) {
			names := make([]string, len(pack.Policies))
			for i, p := range pack.Policies {
				names[i] = p.Name
			}
			o.Failures = append(o.Failures, fmt.Sprintf("line %d: there is no policy %q.%s", e.Range.Start.Line, e.Policy, suggest.Phrase(suggest.Closest(e.Policy, names, 3))))
		}
	}
	if len(o.Failures) > 0 {
		return o
	}
	doc, err := document(t)
	if err != nil {
		o.Failures = append(o.Failures, err.Error())
		return o
	}
	overrides := map[string]bool{}
	for _, m := range t.Resources {
		if m.HoldsPII != nil {
			overrides[addressOf(m.mode(), m.Type, m.Name)] = *m.HoldsPII
		}
	}
	eng, err := engine.New(pack, engine.Options{Inputs: t.Variables, HoldsPIIOverride: overrides, Today: today})
	if err != nil {
		o.Failures = append(o.Failures, err.Error())
		return o
	}
	report := eng.Check([]*tfplan.Document{doc})
	for _, e := range t.Expects {
		var seen []results.Result
		for _, r := range report.Results {
			if r.Policy.Name == e.Policy && (e.Resource == "" || r.Resource.Address == e.Resource) {
				seen = append(seen, r)
			}
		}
		if len(seen) == 0 {
			target := "any mock resource"
			if e.Resource != "" {
				target = e.Resource
			}
			o.Failures = append(o.Failures, fmt.Sprintf("line %d: policy %s checked no resource matching %s (its type pattern is %q)", e.Range.Start.Line, e.Policy, target, typePattern(pack, e.Policy)))
			continue
		}
		for _, r := range seen {
			msgs := strings.Join(r.Messages, "; ")
			if r.Status != e.Result {
				detail := ""
				if msgs != "" {
					detail = ": " + msgs
				}
				o.Failures = append(o.Failures, fmt.Sprintf("line %d: %s on %s: got %s, want %s%s", e.Range.Start.Line, e.Policy, r.Resource.Address, r.Status, e.Result, detail))
				continue
			}
			if e.Message != nil && !e.Message.MatchString(msgs) {
				o.Failures = append(o.Failures, fmt.Sprintf("line %d: %s on %s: messages %q do not match %q", e.Range.Start.Line, e.Policy, r.Resource.Address, msgs, e.Message))
			}
		}
	}
	return o
}

func policyExists(pack *policy.Pack, name string) bool {
	return typePattern(pack, name) != ""
}

func typePattern(pack *policy.Pack, name string) string {
	for _, p := range pack.Policies {
		if p.Name == name {
			return p.TypePattern
		}
	}
	return ""
}

// document turns a test's mocks into a plan document (format 1.2) and reads
// it back, so that mocks take exactly the path real plans take.
func document(t *Test) (*tfplan.Document, error) {
	type change struct {
		Actions         []string        `json:"actions"`
		Before          json.RawMessage `json:"before"`
		After           json.RawMessage `json:"after"`
		AfterUnknown    json.RawMessage `json:"after_unknown"`
		BeforeSensitive json.RawMessage `json:"before_sensitive"`
		AfterSensitive  json.RawMessage `json:"after_sensitive"`
	}
	type rc struct {
		Address      string `json:"address"`
		Mode         string `json:"mode"`
		Type         string `json:"type"`
		Name         string `json:"name"`
		ProviderName string `json:"provider_name"`
		Change       change `json:"change"`
	}
	type expression struct {
		References []string `json:"references"`
	}
	type configResource struct {
		Address           string                `json:"address"`
		Mode              string                `json:"mode"`
		Type              string                `json:"type"`
		Name              string                `json:"name"`
		ProviderConfigKey string                `json:"provider_config_key"`
		Expressions       map[string]expression `json:"expressions"`
	}
	var changes []rc
	var config []configResource
	providers := mockProviders{}
	for _, m := range t.Resources {
		after, afterUnknown, afterSensitive, err := encode(m.Attrs)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: resource %s.%s attrs: %w", t.File, t.Line, m.Type, m.Name, err)
		}
		before, _, beforeSensitive, err := encode(m.Prior)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: resource %s.%s prior: %w", t.File, t.Line, m.Type, m.Name, err)
		}
		mode := m.mode()
		changes = append(changes, rc{
			Address: addressOf(mode, m.Type, m.Name), Mode: mode, Type: m.Type, Name: m.Name, ProviderName: "registry.terraform.io/mock/" + providerOf(m.Type),
			Change: change{Actions: actionsOf(m.Operation), Before: before, After: after, AfterUnknown: afterUnknown, BeforeSensitive: beforeSensitive, AfterSensitive: afterSensitive},
		})
		// A reference as terraform writes it: the attribute, then the
		// resource.
		refsOf := func(addresses []string) []string {
			refs := make([]string, 0, len(addresses)*2)
			for _, r := range addresses {
				refs = append(refs, r+".id", r)
			}
			return refs
		}
		expressions := map[string]expression{"mock_reference": {References: refsOf(m.References)}}
		for arg, addresses := range m.ArgumentReferences {
			expressions[arg] = expression{References: refsOf(addresses)}
		}
		key, err := providers.key(providerOf(m.Type), m.ProviderConfig)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: resource %s.%s provider_config: %w", t.File, t.Line, m.Type, m.Name, err)
		}
		config = append(config, configResource{Address: addressOf(mode, m.Type, m.Name), Mode: mode, Type: m.Type, Name: m.Name,
			ProviderConfigKey: key, Expressions: expressions})
	}
	plan := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.11.4",
		"resource_changes":  changes,
		"configuration":     map[string]any{"provider_config": providers, "root_module": map[string]any{"resources": config}},
	}
	b, err := json.Marshal(plan)
	if err != nil {
		return nil, err
	}
	return tfplan.Read(t.File+": "+t.Name, b)
}

// mockProviders are the provider configurations of a test's plan
// document, by key: for each provider, "NAME" for the mocks that set no
// provider_config (an empty configuration), and "NAME.mockN" for each
// distinct provider_config.
type mockProviders map[string]mockProvider

type mockProvider struct {
	Name        string                     `json:"name"`
	FullName    string                     `json:"full_name"`
	Alias       string                     `json:"alias,omitempty"`
	Expressions map[string]json.RawMessage `json:"expressions,omitempty"`
}

// key returns the provider_config_key of a mock of the provider whose
// provider_config is v (cty.NilVal for none), adding its configuration.
func (ps mockProviders) key(name string, v cty.Value) (string, error) {
	p := mockProvider{Name: name, FullName: "registry.terraform.io/mock/" + name}
	if v == cty.NilVal {
		ps[name] = p
		return name, nil
	}
	p.Expressions = map[string]json.RawMessage{}
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		if k.AsString() == "alias" {
			p.Alias = val.AsString()
			continue
		}
		// An argument known only after apply is one the plan cannot
		// resolve, such as a reference to a local.
		expr := json.RawMessage(`{"references":["local.mock_unknown"]}`)
		if val.IsWhollyKnown() {
			b, err := ctyjson.SimpleJSONValue{Value: val}.MarshalJSON()
			if err != nil {
				return "", err
			}
			expr = append(append(json.RawMessage(`{"constant_value":`), b...), '}')
		}
		p.Expressions[k.AsString()] = expr
	}
	want, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	for n := 1; ; n++ {
		key := fmt.Sprintf("%s.mock%d", name, n)
		prev, taken := ps[key]
		if !taken {
			ps[key] = p
			return key, nil
		}
		if got, _ := json.Marshal(prev); string(got) == string(want) {
			return key, nil
		}
	}
}

// mode is "data" for a mock that is read, as data sources are.
func (m *Mock) mode() string {
	if m.Operation == "read" {
		return "data"
	}
	return "managed"
}

func addressOf(mode, typ, name string) string {
	if mode == "data" {
		return "data." + typ + "." + name
	}
	return typ + "." + name
}

func providerOf(typ string) string {
	p, _, _ := strings.Cut(typ, "_")
	return p
}

func actionsOf(op string) []string {
	switch op {
	case "replace":
		return []string{"delete", "create"}
	case "":
		return []string{"create"}
	}
	return []string{op}
}

// encode writes a mock value as plan JSON: the known value, the
// after_unknown mirror and the after_sensitive mirror.
func encode(v cty.Value) (value, unknown, sensitive json.RawMessage, err error) {
	if v == cty.NilVal || v.IsNull() {
		return json.RawMessage("null"), json.RawMessage("false"), json.RawMessage("false"), nil
	}
	plain, uk, sens := split(v)
	value, err = ctyjson.SimpleJSONValue{Value: plain}.MarshalJSON()
	if err != nil {
		return nil, nil, nil, err
	}
	unknown, _ = json.Marshal(uk)
	sensitive, _ = json.Marshal(sens)
	return value, unknown, sensitive, nil
}

// split separates a mock value into its known part (unknowns as null),
// a mirror of unknown leaves and a mirror of sensitive subtrees.
func split(v cty.Value) (cty.Value, any, any) {
	v, marks := v.Unmark()
	_, isSensitive := marks[sensitiveMark{}]
	if !v.IsKnown() {
		return cty.NullVal(cty.DynamicPseudoType), true, isSensitive
	}
	if v.IsNull() {
		return v, false, isSensitive
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		vals := map[string]cty.Value{}
		uk := map[string]any{}
		sens := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			pv, u, s := split(e)
			vals[k.AsString()] = pv
			if u != false {
				uk[k.AsString()] = u
			}
			if s != false {
				sens[k.AsString()] = s
			}
		}
		var sensOut any = sens
		if isSensitive {
			sensOut = true
		}
		return cty.ObjectVal(vals), uk, sensOut
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		var vals []cty.Value
		uk := []any{}
		sens := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			pv, u, s := split(e)
			vals = append(vals, pv)
			uk = append(uk, u)
			sens = append(sens, s)
		}
		var sensOut any = sens
		if isSensitive {
			sensOut = true
		}
		if len(vals) == 0 {
			return cty.EmptyTupleVal, uk, sensOut
		}
		return cty.TupleVal(vals), uk, sensOut
	}
	return v, false, isSensitive
}
