package country

import (
	"strings"
	"testing"
)

func TestPartialAdequacy(t *testing.T) {
	for _, tt := range []struct {
		code   string
		want   bool
		covers string
	}{
		{"US", true, "covers only recipients certified under the EU-US Data Privacy Framework"},
		{"CA", true, "covers only commercial organisations subject to PIPEDA"},
		{"JP", true, "covers only private-sector organisations subject to the APPI"},
		{"KR", true, "does not cover personal credit information"},
		{"CH", false, ""}, {"GB", false, ""}, {"DE", false, ""}, {"CN", false, ""},
	} {
		p, ok := PartialAdequacy(tt.code)
		if ok != tt.want || !strings.HasPrefix(p.Covers, tt.covers) || ok != (p.Confirm != "") {
			t.Errorf("PartialAdequacy(%q) = %+v, %v; want %v, %q", tt.code, p, ok, tt.want, tt.covers)
		}
		// Every partial decision is a decision, and has a note.
		if ok && (!AdequacyDecision(tt.code) || AdequacyNote(tt.code) == "") {
			t.Errorf("%s: a partial decision without a decision or a note", tt.code)
		}
	}
}
