package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestOneOf(t *testing.T) {
	v := OneOf("low", "medium", "high")
	tests := []struct {
		name    string
		value   types.String
		wantErr string
	}{
		{"accepted", types.StringValue("medium"), ""},
		{"null is left to Required", types.StringNull(), ""},
		{"unknown is checked later", types.StringUnknown(), ""},
		{"typo gets a suggestion", types.StringValue("hihg"), `"hihg" is not accepted here; use one of "low", "medium", "high". Did you mean "high"?`},
		{"far off gets the list only", types.StringValue("extreme"), `"extreme" is not accepted here; use one of "low", "medium", "high".`},
		{"case matters", types.StringValue("Low"), `"Low" is not accepted here; use one of "low", "medium", "high". Did you mean "low"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := validator.StringRequest{Path: path.Root("risk_appetite"), ConfigValue: tt.value}
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
			if got := resp.Diagnostics.Errors()[0].Detail(); got != tt.wantErr {
				t.Errorf("detail = %q, want %q", got, tt.wantErr)
			}
		})
	}
}
