package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// Options configure an Engine.
type Options struct {
	// Inputs are the values of the pack's inputs, by name; inputs not
	// given take their defaults.
	Inputs map[string]cty.Value
	// Classifications are the data_classification tag values that mark a
	// resource as holding PII (DefaultClassifications when empty).
	Classifications []string
	// Overrides name mandatory_overridable policies whose failures do not
	// block.
	Overrides []string
	// HoldsPIIOverride sets meta.holds_pii for resources by address,
	// whatever their tags say: policy tests use it to state a mock's
	// classification directly.
	HoldsPIIOverride map[string]bool
}

// Engine evaluates one pack. It is safe to use from one goroutine at a
// time per Check call; Check itself may run documents in parallel.
type Engine struct {
	pack     *policy.Pack
	opt      Options
	inputs   cty.Value
	policies map[*policy.Policy]*results.Policy
	funcs    map[string]function.Function
}

// New prepares an engine. It fails when an input has no value, or a value
// of the wrong type, or an override names no overridable policy.
func New(pack *policy.Pack, opt Options) (*Engine, error) {
	if len(opt.Classifications) == 0 {
		opt.Classifications = DefaultClassifications
	}
	inputs, err := resolveInputs(pack, opt.Inputs)
	if err != nil {
		return nil, err
	}
	e := &Engine{pack: pack, opt: opt, inputs: inputs, policies: map[*policy.Policy]*results.Policy{}, funcs: baseFunctions()}
	for _, p := range pack.Policies {
		e.policies[p] = &results.Policy{
			Name: p.Name, Description: p.Description, Controls: nonNil(p.Controls), Severity: p.Severity,
			EnforcementLevel: p.EnforcementLevel, File: p.DeclRange.Filename, Line: p.DeclRange.Start.Line, ResourceType: p.TypePattern,
		}
	}
	for _, name := range opt.Overrides {
		var found *policy.Policy
		for _, p := range pack.Policies {
			if p.Name == name {
				found = p
			}
		}
		if found == nil {
			return nil, fmt.Errorf("--override %s: there is no policy of that name", name)
		}
		if found.EnforcementLevel != results.MandatoryOverridable {
			return nil, fmt.Errorf("--override %s: the policy is %s; only mandatory_overridable policies can be overridden", name, found.EnforcementLevel)
		}
	}
	return e, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Check evaluates every policy against every resource of the documents.
func (e *Engine) Check(docs []*tfplan.Document) *results.Report {
	report := &results.Report{Overridden: e.opt.Overrides}
	for _, p := range e.pack.Policies {
		report.Policies = append(report.Policies, e.policies[p])
	}
	for _, doc := range docs {
		report.Documents = append(report.Documents, doc.Name)
		report.Results = append(report.Results, e.checkDocument(doc)...)
	}
	report.Sort()
	return report
}

// documentEval holds what evaluating one document needs: which resources
// hold PII, their attrs/meta objects for core::getresources, and the
// resource being checked, which the core:: functions close over.
type documentEval struct {
	e         *Engine
	doc       *tfplan.Document
	holds     map[*tfplan.Resource]bool
	meta      map[*tfplan.Resource]cty.Value
	resources map[*tfplan.Resource]*results.Resource
	current   *tfplan.Resource
	funcs     map[string]function.Function
}

func (e *Engine) checkDocument(doc *tfplan.Document) []results.Result {
	d := &documentEval{
		e: e, doc: doc, holds: holdersOf(doc, e.opt.Classifications),
		meta: map[*tfplan.Resource]cty.Value{}, resources: map[*tfplan.Resource]*results.Resource{},
	}
	for _, r := range doc.Resources {
		if v, ok := e.opt.HoldsPIIOverride[r.Address]; ok {
			d.holds[r] = v
		}
	}
	d.funcs = make(map[string]function.Function, len(e.funcs)+2)
	for k, v := range e.funcs {
		d.funcs[k] = v
	}
	d.funcs["core::getresources"] = d.getResourcesFunc()
	d.funcs["core::referrers"] = d.referrersFunc()

	// Policies by type pattern, so each resource meets only its own.
	var out []results.Result
	byType := map[string][]*policy.Policy{}
	for _, typ := range doc.Types() {
		for _, p := range e.pack.Policies {
			if p.Matches(typ) {
				byType[typ] = append(byType[typ], p)
			}
		}
	}
	for _, r := range doc.Resources {
		for _, p := range byType[r.Type] {
			out = append(out, d.evaluate(p, r))
		}
	}
	return out
}

func (d *documentEval) resultResource(r *tfplan.Resource) *results.Resource {
	if rr, ok := d.resources[r]; ok {
		return rr
	}
	rr := &results.Resource{Address: r.Address, Type: r.Type, Document: d.doc.Name, Actions: r.Actions, Operation: r.Operation, HoldsPII: d.holds[r]}
	d.resources[r] = rr
	return rr
}

func (d *documentEval) metaOf(r *tfplan.Resource) cty.Value {
	if m, ok := d.meta[r]; ok {
		return m
	}
	actions := make([]cty.Value, len(r.Actions))
	for i, a := range r.Actions {
		actions[i] = cty.StringVal(a)
	}
	actionList := cty.ListValEmpty(cty.String)
	if len(actions) > 0 {
		actionList = cty.ListVal(actions)
	}
	m := cty.ObjectVal(map[string]cty.Value{
		"address":     cty.StringVal(r.Address),
		"type":        cty.StringVal(r.Type),
		"name":        cty.StringVal(r.Name),
		"mode":        cty.StringVal(r.Mode),
		"module_path": cty.StringVal(r.ModuleAddress),
		"provider":    cty.StringVal(r.ProviderName),
		"actions":     actionList,
		"operation":   cty.StringVal(r.Operation),
		"holds_pii":   cty.BoolVal(d.holds[r]),
		"document":    cty.StringVal(d.doc.Name),
	})
	d.meta[r] = m
	return m
}

// evaluate decides one policy for one resource.
func (d *documentEval) evaluate(p *policy.Policy, r *tfplan.Resource) results.Result {
	res := results.Result{Policy: d.e.policies[p], Resource: d.resultResource(r)}
	if !p.Selects(r.Operation) {
		res.Status = results.NotApplicable
		return res
	}
	d.current = r
	s := newScope(d, p, r)

	if p.Filter != nil {
		v, diags := s.eval(p.Filter)
		if diags.HasErrors() {
			return errorResult(res, "filter", diags)
		}
		ok, known, err := boolOf(v)
		switch {
		case err != nil:
			return errorResult(res, "filter", exprDiag(p.Filter, err.Error()))
		case !known:
			res.Status = results.Unknown
			res.Messages = []string{"The filter depends on values known only after apply."}
			return res
		case !ok:
			res.Status = results.NotApplicable
			return res
		}
	}

	var failures, unknowns []string
	for _, enf := range p.Enforce {
		v, diags := s.eval(enf.Condition)
		if diags.HasErrors() {
			return errorResult(res, "condition", diags)
		}
		ok, known, err := boolOf(v)
		switch {
		case err != nil:
			return errorResult(res, "condition", exprDiag(enf.Condition, err.Error()))
		case !known:
			unknowns = append(unknowns, fmt.Sprintf("The condition at %s depends on values known only after apply.", location(enf.Condition.Range())))
		case !ok:
			failures = append(failures, s.message(enf))
		}
	}
	switch {
	case len(failures) > 0:
		res.Status, res.Messages = results.Fail, failures
	case len(unknowns) > 0:
		res.Status, res.Messages = results.Unknown, unknowns
	default:
		res.Status = results.Pass
	}
	return res
}

// boolOf reads a condition's value; sensitive marks are removed on purpose,
// since a decision reveals nothing printable.
func boolOf(v cty.Value) (value, known bool, err error) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		return false, false, nil
	}
	if v.IsNull() {
		return false, true, fmt.Errorf("the value is null; a condition must be true or false")
	}
	if v.Type() != cty.Bool {
		return false, true, fmt.Errorf("the value is a %s; a condition must be true or false", v.Type().FriendlyName())
	}
	return v.True(), true, nil
}

func location(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d", rng.Filename, rng.Start.Line)
}

func exprDiag(expr hcl.Expression, detail string) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid value", Detail: detail, Subject: expr.Range().Ptr()}}
}

// errorResult reports an evaluation failure with the policy's file:line.
func errorResult(res results.Result, what string, diags hcl.Diagnostics) results.Result {
	res.Status = results.Error
	for _, d := range diags.Errs() {
		var hd *hcl.Diagnostic
		if x, ok := d.(*hcl.Diagnostic); ok {
			hd = x
		}
		msg := d.Error()
		if hd != nil {
			loc := ""
			if hd.Subject != nil {
				loc = location(*hd.Subject) + ": "
			}
			msg = fmt.Sprintf("%s%s: %s: %s", loc, what, hd.Summary, strings.TrimSpace(hd.Detail))
		}
		res.Messages = append(res.Messages, msg)
	}
	return res
}

// scope evaluates a policy's expressions for one resource, with locals
// evaluated on first use.
type scope struct {
	d          *documentEval
	p          *policy.Policy
	vars       map[string]cty.Value
	localExpr  map[string]*hcl.Attribute
	locals     map[string]cty.Value
	localDiags map[string]hcl.Diagnostics
	evaluating map[string]bool
}

func newScope(d *documentEval, p *policy.Policy, r *tfplan.Resource) *scope {
	prior := r.Before
	if prior == cty.NilVal {
		prior = cty.NullVal(cty.DynamicPseudoType)
	}
	attrs := r.After
	if attrs == cty.NilVal {
		attrs = cty.NullVal(cty.DynamicPseudoType)
	}
	exprs := make(map[string]*hcl.Attribute, len(p.File.Locals)+len(p.Locals))
	for k, v := range p.File.Locals {
		exprs[k] = v
	}
	for k, v := range p.Locals {
		exprs[k] = v
	}
	return &scope{
		d: d, p: p,
		vars: map[string]cty.Value{
			"attrs": attrs, "prior_attrs": prior, "meta": d.metaOf(r), "input": d.e.inputs,
		},
		localExpr: exprs, locals: map[string]cty.Value{}, localDiags: map[string]hcl.Diagnostics{}, evaluating: map[string]bool{},
	}
}

func (s *scope) context(vars map[string]cty.Value, locals map[string]cty.Value) *hcl.EvalContext {
	all := make(map[string]cty.Value, len(vars)+1)
	for k, v := range vars {
		all[k] = v
	}
	all["local"] = cty.ObjectVal(locals)
	return &hcl.EvalContext{Variables: all, Functions: s.d.funcs}
}

// eval evaluates an expression after the locals it refers to.
func (s *scope) eval(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	if diags := s.need(expr); diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return expr.Value(s.context(s.vars, s.locals))
}

func (s *scope) need(expr hcl.Expression) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, tr := range expr.Variables() {
		if tr.RootName() != "local" || len(tr) < 2 {
			continue
		}
		attr, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		diags = append(diags, s.local(attr.Name, tr.SourceRange())...)
	}
	return diags
}

func (s *scope) local(name string, from hcl.Range) hcl.Diagnostics {
	if _, done := s.locals[name]; done {
		return nil
	}
	if d, failed := s.localDiags[name]; failed {
		return d
	}
	a, ok := s.localExpr[name]
	if !ok {
		return nil // reported at parse time
	}
	if s.evaluating[name] {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cycle in locals",
			Detail: fmt.Sprintf("local.%s refers back to itself through other locals.", name), Subject: from.Ptr()}}
	}
	s.evaluating[name] = true
	defer delete(s.evaluating, name)
	diags := s.need(a.Expr)
	if !diags.HasErrors() {
		var v cty.Value
		v, diags = a.Expr.Value(s.context(s.vars, s.locals))
		if !diags.HasErrors() {
			s.locals[name] = v
			return nil
		}
	}
	s.localDiags[name] = diags
	return diags
}

// message renders an enforce block's error_message from redacted values,
// so that nothing Terraform marks sensitive is printed.
func (s *scope) message(enf *policy.Enforce) string {
	if diags := s.need(enf.ErrorMessage); diags.HasErrors() {
		return s.fallbackMessage(diags)
	}
	vars := make(map[string]cty.Value, len(s.vars))
	for k, v := range s.vars {
		vars[k] = redact(v)
	}
	locals := make(map[string]cty.Value, len(s.locals))
	for k, v := range s.locals {
		locals[k] = redact(v)
	}
	v, diags := enf.ErrorMessage.Value(s.context(vars, locals))
	if diags.HasErrors() {
		return s.fallbackMessage(diags)
	}
	v, m := v.UnmarkDeep()
	switch {
	case len(m) > 0:
		return "(sensitive)"
	case !v.IsKnown():
		return s.p.Description + " (the message depends on values known only after apply)"
	case v.IsNull():
		return s.p.Description
	}
	str, err := stringValue(v)
	if err != nil {
		return s.p.Description
	}
	return str
}

func (s *scope) fallbackMessage(diags hcl.Diagnostics) string {
	desc := s.p.Description
	if desc == "" {
		desc = "Policy " + s.p.Name + " failed"
	}
	return fmt.Sprintf("%s (error_message could not be rendered: %s)", desc, diags.Errs()[0].Error())
}

func stringValue(v cty.Value) (string, error) {
	if v.Type() == cty.String {
		return v.AsString(), nil
	}
	switch v.Type() {
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), nil
	case cty.Bool:
		return fmt.Sprint(v.True()), nil
	}
	return "", fmt.Errorf("not a string")
}

// redact replaces every value marked sensitive with "(sensitive)".
func redact(v cty.Value) cty.Value {
	if !v.ContainsMarked() {
		return v
	}
	out, _ := cty.Transform(v, func(_ cty.Path, v cty.Value) (cty.Value, error) {
		if v.IsMarked() {
			return cty.StringVal("(sensitive)"), nil
		}
		return v, nil
	})
	return out
}

// sortedNames is used for deterministic error listings.
func sortedNames(m map[string]*policy.Input) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
