package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/privacycode/terraform-provider-pii/internal/finding"
)

// The conversions between framework values and the plain Go values of the
// core. Each reports whether the value is known: the core is told which
// inputs are unknown instead of receiving guesses.

// stringValue returns a string attribute's value ("" when null) and
// whether it is known.
func stringValue(v types.String) (string, bool) {
	if v.IsUnknown() {
		return "", false
	}
	return v.ValueString(), true
}

func boolValue(v types.Bool) (bool, bool) {
	if v.IsUnknown() {
		return false, false
	}
	return v.ValueBool(), true
}

// stringElements returns the strings of a list or set; null gives nil. It
// is not known when the collection or any element is unknown.
func stringElements(v interface {
	IsNull() bool
	IsUnknown() bool
	Elements() []attr.Value
}) ([]string, bool) {
	if v.IsUnknown() {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	out := make([]string, 0, len(v.Elements()))
	for _, e := range v.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			return nil, false
		}
		if !s.IsNull() {
			out = append(out, s.ValueString())
		}
	}
	return out, true
}

// objectAttr returns an attribute of an object value, or nil when the
// object has no such attribute.
func objectAttr(o basetypes.ObjectValue, name string) attr.Value {
	return o.Attributes()[name]
}

func objectString(o basetypes.ObjectValue, name string) (string, bool) {
	v, ok := objectAttr(o, name).(types.String)
	if !ok {
		return "", true
	}
	return stringValue(v)
}

func objectStrings(o basetypes.ObjectValue, name string) ([]string, bool) {
	switch v := objectAttr(o, name).(type) {
	case types.List:
		return stringElements(v)
	case types.Set:
		return stringElements(v)
	}
	return nil, true
}

func objectBool(o basetypes.ObjectValue, name string) (bool, bool) {
	v, ok := objectAttr(o, name).(types.Bool)
	if !ok {
		return false, true
	}
	return boolValue(v)
}

// stringList builds a known list of strings.
func stringList(items []string) types.List {
	elems := make([]attr.Value, len(items))
	for i, s := range items {
		elems[i] = types.StringValue(s)
	}
	return types.ListValueMust(types.StringType, elems)
}

// knownString returns the value when known, and an unknown otherwise.
func knownString(known bool, s string) types.String {
	if !known {
		return types.StringUnknown()
	}
	return types.StringValue(s)
}

func knownBool(known bool, b bool) types.Bool {
	if !known {
		return types.BoolUnknown()
	}
	return types.BoolValue(b)
}

func knownList(known bool, items []string) types.List {
	if !known {
		return types.ListUnknown(types.StringType)
	}
	return stringList(items)
}

// frameworkPath converts a core finding path to a framework path.
func frameworkPath(p finding.Path) path.Path {
	var out path.Path
	for i, s := range p {
		switch {
		case i == 0:
			out = path.Root(s.Name)
		case s.IsIndex:
			out = out.AtListIndex(s.Index)
		case s.IsSetValue:
			out = out.AtSetValue(types.StringValue(s.Value))
		default:
			out = out.AtName(s.Name)
		}
	}
	return out
}

// addFindings reports core findings as diagnostics at their paths.
func addFindings(diags *diag.Diagnostics, fs finding.Findings) {
	for _, f := range fs {
		if len(f.Path) == 0 {
			if f.Severity == finding.Error {
				diags.AddError(f.Summary, f.Detail)
			} else {
				diags.AddWarning(f.Summary, f.Detail)
			}
			continue
		}
		p := frameworkPath(f.Path)
		if f.Severity == finding.Error {
			diags.AddAttributeError(p, f.Summary, f.Detail)
		} else {
			diags.AddAttributeWarning(p, f.Summary, f.Detail)
		}
	}
}

// objectsOf returns the elements of a list of objects; each may be unknown.
func objectsOf(ctx context.Context, l types.List, diags *diag.Diagnostics) ([]types.Object, bool) {
	if l.IsUnknown() {
		return nil, false
	}
	if l.IsNull() {
		return nil, true
	}
	var out []types.Object
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out, true
}

// objectAsOptions lets nested objects convert while their optional
// attributes are null or unknown.
var objectAsOptions = basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true}
