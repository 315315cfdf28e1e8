// Package planmodifiers holds the plan modifiers shared by the provider's
// resources.
package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// RequiresReplaceOnChange replaces the resource when the value changes from
// one known value to another. Unlike stringplanmodifier.RequiresReplace it
// does not replace a resource that was just imported, whose state holds only
// its id: the first plan after an import fills the value in place.
func RequiresReplaceOnChange() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull()
		},
		"Changing the value replaces the resource (a value first set after an import does not).",
		"Changing the value replaces the resource (a value first set after an import does not).",
	)
}
