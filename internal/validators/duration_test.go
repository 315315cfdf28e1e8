package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stringCase is one value given to a string validator and the detail of
// the single error it must report, or "" for none.
type stringCase struct {
	name    string
	value   types.String
	wantErr string
}

func runStringCases(t *testing.T, v validator.String, at path.Path, tests []stringCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := validator.StringRequest{Path: at, ConfigValue: tt.value}
			resp := &validator.StringResponse{}
			v.ValidateString(context.Background(), req, resp)
			if tt.wantErr == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected error: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.ErrorsCount() != 1 {
				t.Fatalf("want one error, got %v", resp.Diagnostics)
			}
			d := resp.Diagnostics.Errors()[0]
			if d.Summary() != "Invalid value" {
				t.Errorf("summary = %q, want %q", d.Summary(), "Invalid value")
			}
			if got := d.Detail(); got != tt.wantErr {
				t.Errorf("detail = %q, want %q", got, tt.wantErr)
			}
			withPath, ok := d.(interface{ Path() path.Path })
			if !ok || !withPath.Path().Equal(at) {
				t.Errorf("error is not reported at %s: %v", at, d)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	const help = ` is not an ISO 8601 duration: write P followed by amounts and units, such as P30D (30 days), P6M (6 months), P7Y (7 years) or PT12H (12 hours).`
	runStringCases(t, Duration(), path.Root("retention").AtName("period"), []stringCase{
		{"days", types.StringValue("P30D"), ""},
		{"years and months", types.StringValue("P1Y6M"), ""},
		{"hours", types.StringValue("PT12H"), ""},
		{"null is left to Required", types.StringNull(), ""},
		{"unknown is checked later", types.StringUnknown(), ""},
		{"words", types.StringValue("30 days"), `"30 days"` + help},
		{"missing P", types.StringValue("30D"), `"30D"` + help + ` Did you mean "P30D"?`},
		{"lower case", types.StringValue("p30d"), `"p30d"` + help + ` Letters must be upper case. Did you mean "P30D"?`},
		{"hours without T", types.StringValue("P5H"), `"P5H"` + help + ` Hours, minutes and seconds go after a T, as in PT5H; an M before the T means months. Did you mean "PT5H"?`},
		{"fraction", types.StringValue("P1.5D"), `"P1.5D"` + help + ` Amounts must be whole numbers; use a smaller unit instead of a fraction, such as PT36H for a day and a half.`},
		{"empty", types.StringValue(""), `""` + help},
	})
}
