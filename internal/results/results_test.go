package results

import (
	"regexp"
	"testing"
)

func TestExitCodeAndCounts(t *testing.T) {
	mandatory := &Policy{Name: "kms", EnforcementLevel: Mandatory}
	advisory := &Policy{Name: "tags", EnforcementLevel: Advisory}
	overridable := &Policy{Name: "region", EnforcementLevel: MandatoryOverridable}
	res := &Resource{Address: "aws_s3_bucket.orders"}
	tests := []struct {
		name       string
		results    []Result
		overridden []string
		strict     bool
		want       int
		wantLine   string
	}{
		{"all pass", []Result{{mandatory, res, Pass, nil}}, nil, false, 0, "results: 1 pass, 0 fail"},
		{"mandatory fail blocks", []Result{{mandatory, res, Fail, nil}, {advisory, res, Pass, nil}}, nil, false, 1, "results: 1 pass, 1 fail"},
		{"advisory fail does not block", []Result{{advisory, res, Fail, nil}}, nil, false, 0, "results: 0 pass, 1 fail"},
		{"error fails closed", []Result{{mandatory, res, Error, nil}}, nil, false, 1, "results: 0 pass, 0 fail, 1 error"},
		{"unknown passes unless strict", []Result{{mandatory, res, Unknown, nil}}, nil, false, 0, "results: 0 pass, 0 fail, 1 unknown"},
		{"unknown blocks when strict", []Result{{mandatory, res, Unknown, nil}}, nil, true, 1, "results: 0 pass, 0 fail, 1 unknown"},
		{"overridden overridable fail", []Result{{overridable, res, Fail, nil}}, []string{"region"}, false, 0, "results: 0 pass, 1 fail"},
		{"overridable fail blocks unless overridden", []Result{{overridable, res, Fail, nil}}, nil, false, 1, "results: 0 pass, 1 fail"},
		{"not applicable", []Result{{mandatory, res, NotApplicable, nil}}, nil, true, 0, "results: 0 pass, 0 fail, 1 not_applicable"},
	}
	// A count line must never look like a test runner's summary.
	testSummary := regexp.MustCompile(`(?m)^\w*:? ?\d+ passed, \d+ failed`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Results: tt.results, Overridden: tt.overridden}
			if got := r.ExitCode(tt.strict); got != tt.want {
				t.Errorf("exit %d, want %d", got, tt.want)
			}
			if got := r.CountLine(); got != tt.wantLine || testSummary.MatchString(got) {
				t.Errorf("count line %q, want %q", got, tt.wantLine)
			}
		})
	}
}
