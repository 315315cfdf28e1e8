package engine

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
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
	// Today is what core::today() returns, as YYYY-MM-DD; empty means the
	// current date in UTC, read once when the engine is made.
	Today string
}

// Engine evaluates one pack. It is safe to use from one goroutine at a
// time per Check call; Check itself evaluates the resources of a document
// on up to GOMAXPROCS goroutines.
type Engine struct {
	pack     *policy.Pack
	opt      Options
	inputs   cty.Value
	policies map[*policy.Policy]*results.Policy
	funcs    map[string]function.Function
	// localExprs are the locals in scope of each policy: its file's and
	// its own.
	localExprs map[*policy.Policy]map[string]*hcl.Attribute
	// localRefs are the locals each expression of the pack refers to, in
	// the order of its Variables: worked out once rather than at every
	// evaluation.
	localRefs map[hcl.Expression][]localRef
	// constant are the filters, conditions and locals whose value is the
	// same for every resource of a document (see constantIn): each
	// goroutine evaluates them once per document.
	constant map[hcl.Expression]bool
	// messageReads are the variables each error message refers to, by
	// root name, and its locals as "local.name".
	messageReads map[hcl.Expression]map[string]bool
}

// localRef is a reference to local.name at rng.
type localRef struct {
	name string
	rng  hcl.Range
}

// New prepares an engine. It fails when an input has no value, or a value
// of the wrong type, or an override names no overridable policy.
func New(pack *policy.Pack, opt Options) (*Engine, error) {
	if len(opt.Classifications) == 0 {
		opt.Classifications = DefaultClassifications
	}
	if opt.Today == "" {
		opt.Today = time.Now().UTC().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, opt.Today); err != nil {
		return nil, fmt.Errorf("the date of the check must be YYYY-MM-DD, not %q", opt.Today)
	}
	inputs, err := resolveInputs(pack, opt.Inputs)
	if err != nil {
		return nil, err
	}
	e := &Engine{pack: pack, opt: opt, inputs: inputs, policies: map[*policy.Policy]*results.Policy{}, funcs: baseFunctions(),
		localExprs: map[*policy.Policy]map[string]*hcl.Attribute{}, localRefs: map[hcl.Expression][]localRef{},
		constant: map[hcl.Expression]bool{}, messageReads: map[hcl.Expression]map[string]bool{}}
	e.funcs["core::today"] = todayFunc(opt.Today)
	for _, p := range pack.Policies {
		e.policies[p] = &results.Policy{
			Name: p.Name, Description: p.Description, Controls: nonNil(p.Controls), Severity: p.Severity,
			EnforcementLevel: p.EnforcementLevel, File: p.DeclRange.Filename, Line: p.DeclRange.Start.Line, ResourceType: p.TypePattern,
		}
		exprs := make(map[string]*hcl.Attribute, len(p.File.Locals)+len(p.Locals))
		for k, v := range p.File.Locals {
			exprs[k] = v
		}
		for k, v := range p.Locals {
			exprs[k] = v
		}
		e.localExprs[p] = exprs
		constant := constantIn(exprs)
		for _, a := range exprs {
			e.addLocalRefs(a.Expr)
			e.constant[a.Expr] = constant(a.Expr)
		}
		if p.Filter != nil {
			e.addLocalRefs(p.Filter)
			e.constant[p.Filter] = constant(p.Filter)
		}
		for _, enf := range p.Enforce {
			e.addLocalRefs(enf.Condition)
			e.addLocalRefs(enf.ErrorMessage)
			e.constant[enf.Condition] = constant(enf.Condition)
			e.messageReads[enf.ErrorMessage] = readsOf(enf.ErrorMessage)
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

// addLocalRefs records the locals expr refers to.
func (e *Engine) addLocalRefs(expr hcl.Expression) {
	if _, done := e.localRefs[expr]; !done {
		e.localRefs[expr] = localRefsOf(expr)
	}
	// eval evaluates the operands of && and || on their own.
	if lhs, rhs, _, ok := logicalOperands(expr); ok {
		e.addLocalRefs(lhs)
		e.addLocalRefs(rhs)
	}
}

func localRefsOf(expr hcl.Expression) []localRef {
	var refs []localRef
	for _, tr := range expr.Variables() {
		if tr.RootName() != "local" || len(tr) < 2 {
			continue
		}
		attr, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		refs = append(refs, localRef{name: attr.Name, rng: tr.SourceRange()})
	}
	return refs
}

// readsOf returns the root names of the variables expr refers to, and
// its locals as "local.name".
func readsOf(expr hcl.Expression) map[string]bool {
	reads := map[string]bool{}
	for _, tr := range expr.Variables() {
		reads[tr.RootName()] = true
	}
	for _, ref := range localRefsOf(expr) {
		reads["local."+ref.name] = true
	}
	return reads
}

// constantIn returns a function that reports whether an expression of a
// policy has the same value for every resource of a document: it refers
// to no variable but input, and to locals (of the policy's scope, locals)
// that are constant themselves, and calls no function that depends on
// the resource being checked. Every function but core::referrers and
// core::referenced is a
// function of its arguments (core::getresources also of the document,
// which is the same for all its resources). A constant local, such as a
// list of the document's data stores, is then computed once per document
// rather than for each resource.
func constantIn(locals map[string]*hcl.Attribute) func(hcl.Expression) bool {
	const (
		visiting = iota + 1
		yes
		no
	)
	state := map[string]int{}
	var constant func(expr hcl.Expression) bool
	localConstant := func(name string) bool {
		switch state[name] {
		case visiting, no: // a cycle is reported when evaluated
			return false
		case yes:
			return true
		}
		a, ok := locals[name]
		if !ok {
			return false
		}
		state[name] = visiting
		c := constant(a.Expr)
		state[name] = no
		if c {
			state[name] = yes
		}
		return c
	}
	constant = func(expr hcl.Expression) bool {
		if !referencesOnlyConstants(expr) {
			return false
		}
		for _, ref := range localRefsOf(expr) {
			if !localConstant(ref.name) {
				return false
			}
		}
		return true
	}
	return constant
}

// referencesOnlyConstants reports whether expr refers to no variable but
// input and local, and calls no function of the resource being checked.
func referencesOnlyConstants(expr hcl.Expression) bool {
	syn, ok := expr.(hclsyntax.Expression)
	if !ok {
		return false
	}
	for _, tr := range expr.Variables() {
		if root := tr.RootName(); root != "input" && root != "local" {
			return false
		}
	}
	constant := true
	_ = hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok && (call.Name == "core::referrers" || call.Name == "core::referenced") {
			constant = false
		}
		return nil
	})
	return constant
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Check evaluates every policy against every resource of the documents,
// which form one view: a system an activity of one document names may be
// a resource of another (see package systems).
func (e *Engine) Check(docs []*tfplan.Document) *results.Report {
	return e.CheckResolved(docs, systems.Resolve(docs))
}

// CheckResolved is Check with the activities' systems already resolved
// over the same documents.
func (e *Engine) CheckResolved(docs []*tfplan.Document, named *systems.Resolution) *results.Report {
	report := &results.Report{Overridden: e.opt.Overrides}
	for _, p := range e.pack.Policies {
		report.Policies = append(report.Policies, e.policies[p])
	}
	for _, doc := range docs {
		report.Documents = append(report.Documents, doc.Name)
		report.Results = append(report.Results, e.checkDocument(doc, named)...)
	}
	report.Sort()
	return report
}

// documentShared is what the goroutines evaluating one document share,
// read-only once they start (the attribute index has its own lock): which
// resources hold PII, and the policies of each type.
type documentShared struct {
	e      *Engine
	doc    *tfplan.Document
	holds  map[*tfplan.Resource]bool
	named  *systems.Resolution
	byType map[string][]*policy.Policy
	index  *attrIndex

	// Constant expressions are evaluated once per document, by whichever
	// goroutine needs one first; the others wait for its value.
	constMu   sync.Mutex
	constants map[hcl.Expression]*constantValue
}

// documentEval is one goroutine's evaluation of a document: the
// resource being checked, which the core:: functions close over, and
// caches of values built for the resources (meta, {attrs, meta} objects,
// core::getresources results).
type documentEval struct {
	*documentShared
	meta      map[*tfplan.Resource]cty.Value
	objects   map[*tfplan.Resource]cty.Value
	found     map[string]cty.Value // core::getresources results by type and filter
	resources map[*tfplan.Resource]*results.Resource
	rv        *resourceVars // of the latest resource
	current   *tfplan.Resource
	funcs     map[string]function.Function
}

// constantValue is the value of a constant expression in a document.
type constantValue struct {
	once  sync.Once
	v     cty.Value
	diags hcl.Diagnostics
}

// value evaluates expr in ctx, once per document when it is constant.
// The locals expr refers to are evaluated before (scope.eval), so the
// evaluation of one constant never waits for another's.
func (d *documentEval) value(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if !d.e.constant[expr] {
		return expr.Value(ctx)
	}
	d.constMu.Lock()
	c, ok := d.constants[expr]
	if !ok {
		c = &constantValue{}
		d.constants[expr] = c
	}
	d.constMu.Unlock()
	c.once.Do(func() { c.v, c.diags = expr.Value(ctx) })
	return c.v, c.diags
}

func (sh *documentShared) newEval() *documentEval {
	d := &documentEval{
		documentShared: sh,
		meta:           map[*tfplan.Resource]cty.Value{}, objects: map[*tfplan.Resource]cty.Value{},
		found: map[string]cty.Value{}, resources: map[*tfplan.Resource]*results.Resource{},
	}
	d.funcs = make(map[string]function.Function, len(sh.e.funcs)+3)
	for k, v := range sh.e.funcs {
		d.funcs[k] = v
	}
	d.funcs["core::getresources"] = d.getResourcesFunc()
	d.funcs["core::referrers"] = d.referrersFunc()
	d.funcs["core::referenced"] = d.referencedFunc()
	return d
}

// batchSize is how many resources a goroutine takes at a time.
const batchSize = 128

func (e *Engine) checkDocument(doc *tfplan.Document, named *systems.Resolution) []results.Result {
	sh := &documentShared{e: e, doc: doc, holds: holdersOf(doc, e.opt.Classifications, named), named: named, byType: map[string][]*policy.Policy{}, index: newAttrIndex(doc),
		constants: map[hcl.Expression]*constantValue{}}
	for _, r := range doc.Resources {
		if v, ok := e.opt.HoldsPIIOverride[r.Address]; ok {
			sh.holds[r] = v
		}
	}
	// Policies by type pattern, so each resource meets only its own.
	for _, typ := range doc.Types() {
		for _, p := range e.pack.Policies {
			if p.Matches(typ) {
				sh.byType[typ] = append(sh.byType[typ], p)
			}
		}
	}

	// Resources are independent: batches of them go to goroutines, each
	// with its own evaluation state, and the results are put back in
	// document order, as if evaluated one after the other.
	batches := (len(doc.Resources) + batchSize - 1) / batchSize
	out := make([][]results.Result, batches)
	var next atomic.Int64
	work := func() {
		d := sh.newEval()
		for {
			b := int(next.Add(1)) - 1
			if b >= batches {
				return
			}
			var res []results.Result
			for _, r := range doc.Resources[b*batchSize : min((b+1)*batchSize, len(doc.Resources))] {
				for _, p := range sh.byType[r.Type] {
					res = append(res, d.evaluate(p, r))
				}
			}
			out[b] = res
		}
	}
	workers := min(runtime.GOMAXPROCS(0), batches)
	if workers <= 1 {
		work()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}
	n := 0
	for _, res := range out {
		n += len(res)
	}
	all := make([]results.Result, 0, n)
	for _, res := range out {
		all = append(all, res...)
	}
	return all
}

func (d *documentEval) resultResource(r *tfplan.Resource) *results.Resource {
	if rr, ok := d.resources[r]; ok {
		return rr
	}
	rr := &results.Resource{Address: r.Address, Type: r.Type, Document: d.doc.Name, Label: d.doc.Label, Actions: r.Actions, Operation: r.Operation,
		HoldsPII: d.holds[r], Activities: d.named.Activities(r)}
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
	providerConfig := r.ProviderConfig
	if providerConfig == cty.NilVal {
		providerConfig = cty.EmptyObjectVal
	}
	m := cty.ObjectVal(map[string]cty.Value{
		"address":         cty.StringVal(r.Address),
		"type":            cty.StringVal(r.Type),
		"name":            cty.StringVal(r.Name),
		"mode":            cty.StringVal(r.Mode),
		"module_path":     cty.StringVal(r.ModuleAddress),
		"provider":        cty.StringVal(r.ProviderName),
		"provider_config": providerConfig,
		"actions":         actionList,
		"operation":       cty.StringVal(r.Operation),
		"holds_pii":       cty.BoolVal(d.holds[r]),
		"document":        cty.StringVal(d.doc.Name),
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
			res.Messages = []string{unknownMessage("The filter", v)}
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
			unknowns = append(unknowns, unknownMessage("The condition at "+location(enf.Condition.Range()), v))
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

// unknownMessage says why what (a filter, a condition) is unknown: the
// reasons of the core::unknown calls it depends on, or else values known
// only after apply.
func unknownMessage(what string, v cty.Value) string {
	_, marks := v.UnmarkDeep()
	var reasons []string
	for m := range marks {
		if r, ok := m.(unknownReason); ok {
			reasons = append(reasons, string(r))
		}
	}
	if len(reasons) == 0 {
		return what + " depends on values known only after apply."
	}
	sort.Strings(reasons)
	return what + " is unknown: " + strings.Join(reasons, "; ") + "."
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
	// base is the resource's context without locals; ctx has vars and
	// the locals evaluated so far, and localsChanged says that its local
	// object is behind.
	base          *hcl.EvalContext
	ctx           *hcl.EvalContext
	localsChanged bool
}

func newScope(d *documentEval, p *policy.Policy, r *tfplan.Resource) *scope {
	rv := d.varsOf(r)
	return &scope{d: d, p: p, vars: rv.vars, base: rv.base, localExpr: d.e.localExprs[p]}
}

// resourceVars are the variables of every scope of one resource, and the
// context of the scopes that have no locals yet (local = {}). Scopes only
// read them.
type resourceVars struct {
	r    *tfplan.Resource
	vars map[string]cty.Value
	base *hcl.EvalContext
}

// varsOf returns the variables of r, built once for all its policies.
func (d *documentEval) varsOf(r *tfplan.Resource) *resourceVars {
	if d.rv != nil && d.rv.r == r {
		return d.rv
	}
	prior := r.Before
	if prior == cty.NilVal {
		prior = cty.NullVal(cty.DynamicPseudoType)
	}
	attrs := r.After
	if attrs == cty.NilVal {
		attrs = cty.NullVal(cty.DynamicPseudoType)
	}
	rv := &resourceVars{r: r, vars: map[string]cty.Value{
		"attrs": attrs, "prior_attrs": prior, "meta": d.metaOf(r), "input": d.e.inputs,
	}}
	base := make(map[string]cty.Value, len(rv.vars)+1)
	for k, v := range rv.vars {
		base[k] = v
	}
	base["local"] = cty.EmptyObjectVal
	rv.base = &hcl.EvalContext{Variables: base, Functions: d.funcs}
	d.rv = rv
	return rv
}

func (s *scope) context(vars map[string]cty.Value, locals map[string]cty.Value) *hcl.EvalContext {
	all := make(map[string]cty.Value, len(vars)+1)
	for k, v := range vars {
		all[k] = v
	}
	all["local"] = cty.ObjectVal(locals)
	return &hcl.EvalContext{Variables: all, Functions: s.d.funcs}
}

// evalContext is the context of the scope's own expressions: vars and the
// locals evaluated so far. It is the resource's shared context until the
// scope has locals, then its own, built once and brought up to date when
// a local has been evaluated since.
func (s *scope) evalContext() *hcl.EvalContext {
	switch {
	case len(s.locals) == 0:
		return s.base
	case s.ctx == nil:
		s.ctx = s.context(s.vars, s.locals)
	case s.localsChanged:
		s.ctx.Variables["local"] = cty.ObjectVal(s.locals)
	}
	s.localsChanged = false
	return s.ctx
}

// eval evaluates an expression after the locals it refers to. The
// operands of && and || are evaluated left to right, and the right one
// only when the left one does not decide the result (false for &&, true
// for ||), nor are the locals only it needs: a cheap test written first
// spares the evaluation of an expensive one, resource after resource.
// The value is the one HCL gives (HCL also drops the right operand's value
// and errors when the left one decides; it only evaluates both).
func (s *scope) eval(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	if lhs, rhs, op, ok := logicalOperands(expr); ok {
		if v, diags, done := s.evalLogical(lhs, rhs, op); done {
			return v, diags
		}
	}
	if diags := s.need(expr); diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return s.d.value(expr, s.evalContext())
}

// evalLogical evaluates lhs op rhs operand by operand. It gives up (done
// false) where HCL's own evaluation could differ: an operand that fails or
// is not a bool, which HCL converts or reports in its own way.
func (s *scope) evalLogical(lhs, rhs hcl.Expression, op *hclsyntax.Operation) (v cty.Value, diags hcl.Diagnostics, done bool) {
	and := op == hclsyntax.OpLogicalAnd
	l, diags := s.eval(lhs)
	if diags.HasErrors() {
		return cty.NilVal, nil, false
	}
	if decides(l, and) {
		return l, diags, true
	}
	r, rdiags := s.eval(rhs)
	if rdiags.HasErrors() {
		return cty.NilVal, nil, false
	}
	lu, lm := l.Unmark()
	ru, rm := r.Unmark()
	if lu.Type() != cty.Bool || ru.Type() != cty.Bool || lu.IsNull() || ru.IsNull() {
		return cty.NilVal, nil, false
	}
	diags = append(diags, rdiags...)
	if sc, _ := op.ShortCircuit(lu, ru, nil, nil); sc != cty.NilVal {
		return sc.WithMarks(lm, rm), diags, true
	}
	out, err := op.Impl.Call([]cty.Value{lu, ru})
	if err != nil { // not for two bools; HCL's own evaluation reports it
		return cty.NilVal, nil, false //nolint:nilerr // the caller evaluates the whole expression instead
	}
	return out.WithMarks(lm, rm), diags, true
}

// logicalOperands returns the operands of an && or || expression, looking
// through parentheses.
func logicalOperands(expr hcl.Expression) (lhs, rhs hcl.Expression, op *hclsyntax.Operation, ok bool) {
	for {
		p, isParen := expr.(*hclsyntax.ParenthesesExpr)
		if !isParen {
			break
		}
		expr = p.Expression
	}
	bin, isBin := expr.(*hclsyntax.BinaryOpExpr)
	if !isBin || (bin.Op != hclsyntax.OpLogicalAnd && bin.Op != hclsyntax.OpLogicalOr) {
		return nil, nil, nil, false
	}
	return bin.LHS, bin.RHS, bin.Op, true
}

// decides reports whether the left operand v settles an && (false) or an
// || (true) on its own.
func decides(v cty.Value, and bool) bool {
	u, _ := v.Unmark()
	if !u.IsKnown() || u.IsNull() || u.Type() != cty.Bool {
		return false
	}
	return u.True() != and
}

func (s *scope) need(expr hcl.Expression) hcl.Diagnostics {
	refs, ok := s.d.e.localRefs[expr]
	if !ok {
		refs = localRefsOf(expr)
	}
	var diags hcl.Diagnostics
	for _, ref := range refs {
		diags = append(diags, s.local(ref.name, ref.rng)...)
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
	if s.evaluating == nil {
		s.evaluating = map[string]bool{}
	}
	s.evaluating[name] = true
	defer delete(s.evaluating, name)
	v, diags := s.eval(a.Expr)
	if !diags.HasErrors() {
		if s.locals == nil {
			s.locals = map[string]cty.Value{}
		}
		s.locals[name] = v
		s.localsChanged = true
		return nil
	}
	if s.localDiags == nil {
		s.localDiags = map[string]hcl.Diagnostics{}
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
	// Only what the message refers to is read: the rest need not be
	// redacted (redacting walks a resource's whole value).
	reads := s.d.e.messageReads[enf.ErrorMessage]
	vars := make(map[string]cty.Value, len(s.vars))
	for k, v := range s.vars {
		if reads == nil || reads[k] {
			v = redact(v)
		}
		vars[k] = v
	}
	locals := make(map[string]cty.Value, len(s.locals))
	for k, v := range s.locals {
		if reads == nil || reads["local."+k] {
			v = redact(v)
		}
		locals[k] = v
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
