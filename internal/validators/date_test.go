package validators

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDate(t *testing.T) {
	const help = ` is not a valid date: write YYYY-MM-DD, such as 2026-03-31.`
	runStringCases(t, Date(), path.Root("review").AtName("due"), []stringCase{
		{"date", types.StringValue("2026-03-31"), ""},
		{"leap day", types.StringValue("2024-02-29"), ""},
		{"null is left to Required", types.StringNull(), ""},
		{"unknown is checked later", types.StringUnknown(), ""},
		{"no month 13", types.StringValue("2024-13-01"), `"2024-13-01"` + help + ` Months go from 01 to 12.`},
		{"not a leap year", types.StringValue("2025-02-29"), `"2025-02-29"` + help + ` Days in February 2025 go from 01 to 28.`},
		{"day-month-year", types.StringValue("31/03/2026"), `"31/03/2026"` + help + ` Did you mean "2026-03-31"?`},
		{"month-day-year", types.StringValue("03/31/2026"), `"03/31/2026"` + help + ` Did you mean "2026-03-31"?`},
		{"day or month", types.StringValue("03/04/2026"), `"03/04/2026"` + help},
		{"words", types.StringValue("next year"), `"next year"` + help},
	})
}

func TestCapitalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{`"x" is wrong`, `"x" is wrong`},
		{"codes are upper case", "Codes are upper case"},
		{"été", "Été"},
	}
	for _, tt := range tests {
		if got := capitalise(tt.in); got != tt.want {
			t.Errorf("capitalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
