package tfplan

import (
	"sort"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// marks is the type of this package's cty marks. It is unexported so that a
// mark from another package never compares equal to Sensitive.
type marks string

// Sensitive is the cty mark on values the document marks sensitive.
const Sensitive = marks("sensitive")

// Kind says whether a document is a plan or a state.
type Kind string

const (
	Plan  Kind = "plan"
	State Kind = "state"
)

// Operations a Resource may have. An action this package does not know (one
// a later Terraform adds) is passed through as the Operation unchanged.
const (
	OpCreate  = "create"
	OpUpdate  = "update"
	OpDelete  = "delete"
	OpReplace = "replace"
	OpNoOp    = "no-op"
	OpRead    = "read"
	OpForget  = "forget"
)

// Document is one plan or state.
type Document struct {
	// Name is the name given to Read: a file name, or "-" for stdin.
	Name string
	// Label names the document in qualified addresses: shop in
	// "shop:aws_s3_bucket.orders". Read sets DefaultLabel(Name); a user
	// who gives shop=plans/prod.json sets it.
	Label            string
	Kind             Kind
	FormatVersion    string
	TerraformVersion string
	// Timestamp is the document's top-level timestamp as Terraform writes
	// it (RFC 3339, UTC): when the plan was made. Terraform 1.5 and later
	// write it in plans; states and older plans have none (""). It is
	// kept as it is, unchecked.
	Timestamp string
	// Resources are the managed and data resource instances of every
	// module, in document order. They must not be modified once an index
	// (ByType, Types, Lookup, ReferencedBy) has been used.
	Resources []*Resource

	once         sync.Once
	byType       map[string][]*Resource
	types        []string
	byAddress    map[string]*Resource
	referencedBy map[string][]*Resource
	// referencedByArg is referencedBy by argument and address, built on
	// the first ReferencedByArgument: most runs never ask.
	argOnce         sync.Once
	referencedByArg map[ArgumentReference][]*Resource
	// byConfig is the resources by configuration address, built with
	// referencedByArg.
	byConfig map[string][]*Resource
}

// Resource is one resource instance (or, rarely, one deposed object of it).
type Resource struct {
	// Address is the instance address: module.a.aws_s3_bucket.b["x"].
	Address string
	// ConfigAddress is the address without instance keys, the address of the
	// resource block: module.a.aws_s3_bucket.b.
	ConfigAddress string
	// Mode is "managed" or "data".
	Mode string
	Type string
	Name string
	// ModuleAddress is "" for the root module, else the module instance's
	// address as Terraform writes it: "module.a", "module.a[0].module.b".
	ModuleAddress string
	ProviderName  string
	// Index is the instance key: nil (no count or for_each), a string
	// (for_each) or an int (count).
	Index any
	// Deposed is the deposed object's key for an object that a
	// create_before_destroy replacement left behind, "" otherwise.
	Deposed string
	// Actions are the change's actions as the plan lists them: ["create"],
	// ["no-op"], ["delete","create"], ["read"]... In a state: ["no-op"].
	Actions []string
	// Operation summarises Actions: create, update, delete, replace (delete
	// and create in either order, or create and forget), no-op, read or
	// forget.
	Operation string
	// After holds the planned values (plan) or the current values (state),
	// with unknown values and Sensitive marks overlaid. It is null when the
	// resource is deleted.
	After cty.Value
	// Before holds the values before the change, with Sensitive marks. It
	// is null on create and in states.
	Before cty.Value
	// References are the ConfigAddresses of the resources that this
	// resource's configuration refers to: sorted, distinct, data sources
	// with their "data." prefix. Empty in states. The instances of a block
	// share the slice: do not modify it.
	References []string
	// ArgumentReferences are References with the top-level argument (or
	// nested block type) of the configuration whose expression holds them,
	// followed through module variables, sorted by argument, then address: an aws_s3_bucket_logging refers to
	// its bucket by "bucket" and to the log bucket by "target_bucket". Nil
	// in states and when nothing is referenced. Shared by the instances of
	// a block: do not modify it.
	ArgumentReferences []ArgumentReference
	// ProviderConfig is an object of the arguments of the resource's
	// provider configuration, among ProviderArguments, that the plan can
	// resolve: a constant's value, the value of the root variable an
	// argument is, or else unknown (cty.DynamicVal). Arguments the
	// configuration does not set are absent. The empty object when there
	// is no configuration (states). Resources of one configuration share
	// the value.
	ProviderConfig cty.Value
}

// ArgumentReference is a reference of a resource's configuration: the
// configuration address it refers to, and the top-level argument (or
// nested block type) whose expression holds it.
type ArgumentReference struct {
	Argument, Address string
}

func compareArgumentReferences(a, b ArgumentReference) int {
	if c := strings.Compare(a.Argument, b.Argument); c != 0 {
		return c
	}
	return strings.Compare(a.Address, b.Address)
}

// DefaultLabel is the label of a document read from the file name: its
// base name without ".json" ("plans/shop.json" is shop), and "stdin" for
// "-".
func DefaultLabel(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if trimmed := strings.TrimSuffix(base, ".json"); trimmed != "" {
		return trimmed
	}
	return base
}

// buildIndexes builds every index of d, once.
func (d *Document) buildIndexes() {
	d.once.Do(func() {
		d.byType = make(map[string][]*Resource)
		d.byAddress = make(map[string]*Resource, len(d.Resources))
		d.referencedBy = make(map[string][]*Resource)
		for _, r := range d.Resources {
			if r == nil {
				continue
			}
			if len(d.byType[r.Type]) == 0 {
				d.types = append(d.types, r.Type)
			}
			d.byType[r.Type] = append(d.byType[r.Type], r)
			// The current object wins over deposed ones at the same
			// address; otherwise the first one does.
			if prev, ok := d.byAddress[r.Address]; !ok || (prev.Deposed != "" && r.Deposed == "") {
				d.byAddress[r.Address] = r
			}
			for _, ref := range r.References {
				d.referencedBy[ref] = append(d.referencedBy[ref], r)
			}

		}
		sort.Strings(d.types)
	})
}

// ReferencedByArgument returns the resources whose configuration refers to
// r's configuration address in the given top-level argument (or nested
// block type), in document order. A state has no configuration, and the
// dependencies it records do not say which argument made them: there it is
// ReferencedBy. The slice is shared: do not modify it.
func (d *Document) ReferencedByArgument(r *Resource, argument string) []*Resource {
	if r == nil {
		return nil
	}
	if d.Kind == State {
		return d.ReferencedBy(r)
	}
	d.buildArgumentIndexes()
	rs := d.referencedByArg[ArgumentReference{Argument: argument, Address: r.ConfigAddress}]
	return rs[:len(rs):len(rs)]
}

// ReferencesOfArgument returns the resources of the document that r's
// configuration refers to in the given top-level argument (or nested block
// type), every instance of each, in document order of the references.
// References through module variables are followed to the resource the
// callers pass (not through module outputs). Nil in a state, which does
// not say which argument refers.
func (d *Document) ReferencesOfArgument(r *Resource, argument string) []*Resource {
	if r == nil || d.Kind == State {
		return nil
	}
	d.buildArgumentIndexes()
	var out []*Resource
	for _, ar := range r.ArgumentReferences {
		if ar.Argument == argument {
			out = append(out, d.byConfig[ar.Address]...)
		}
	}
	return out
}

// buildArgumentIndexes builds the indexes of ReferencedByArgument and
// ReferencesOfArgument, once, on first use: most runs never ask.
func (d *Document) buildArgumentIndexes() {
	d.argOnce.Do(func() {
		d.referencedByArg = map[ArgumentReference][]*Resource{}
		d.byConfig = map[string][]*Resource{}
		for _, r := range d.Resources {
			if r == nil {
				continue
			}
			d.byConfig[r.ConfigAddress] = append(d.byConfig[r.ConfigAddress], r)
			for _, ar := range r.ArgumentReferences {
				d.referencedByArg[ar] = append(d.referencedByArg[ar], r)
			}
		}
	})
}

// ByType returns the resources of the given type, managed and data, in
// document order. The slice is shared: do not modify it.
func (d *Document) ByType(typ string) []*Resource {
	d.buildIndexes()
	rs := d.byType[typ]
	return rs[:len(rs):len(rs)]
}

// Types returns the distinct resource types of the document, sorted. The
// slice is shared: do not modify it.
func (d *Document) Types() []string {
	d.buildIndexes()
	return d.types[:len(d.types):len(d.types)]
}

// Lookup returns the resource at the given instance address, or nil. When a
// deposed object shares the address, Lookup returns the current object.
func (d *Document) Lookup(address string) *Resource {
	d.buildIndexes()
	return d.byAddress[address]
}

// ReferencedBy returns the resources whose configuration refers to r's
// configuration address (one hop), in document order. Every instance of a
// referring resource block is returned. The slice is shared: do not modify
// it.
func (d *Document) ReferencedBy(r *Resource) []*Resource {
	if r == nil {
		return nil
	}
	d.buildIndexes()
	rs := d.referencedBy[r.ConfigAddress]
	return rs[:len(rs):len(rs)]
}
