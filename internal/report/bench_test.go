package report

import (
	"bytes"
	"testing"
)

// The figures of issue 6: the HTML report of 500 activities and 3,000
// risks renders in well under 2 s and stays under 5 MB.
const (
	benchActivities = 500
	benchRisks      = 6
	maxHTMLBytes    = 5 << 20
)

func BenchmarkHTMLReport500Activities(b *testing.B) {
	p := syntheticPosture(b, benchActivities, benchRisks)
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, "html", p, Options{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/report")
}

// TestHTMLReportSize500Activities bounds the size of the large report
// (a size, not a time: timing is the benchmark's job).
func TestHTMLReportSize500Activities(t *testing.T) {
	p := syntheticPosture(t, benchActivities, benchRisks)
	if p.Summary.Activities != benchActivities || p.Summary.Risks != benchActivities*benchRisks {
		t.Fatalf("synthetic posture: %d activities, %d risks", p.Summary.Activities, p.Summary.Risks)
	}
	var buf bytes.Buffer
	if err := Write(&buf, "html", p, Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	t.Logf("HTML report of %d activities and %d risks: %d bytes", benchActivities, p.Summary.Risks, buf.Len())
	if buf.Len() > maxHTMLBytes {
		t.Errorf("the HTML report is %d bytes, over %d", buf.Len(), maxHTMLBytes)
	}
	// The Markdown of the same posture fits a pull-request comment.
	buf.Reset()
	if err := Write(&buf, "markdown", p, Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > MarkdownLimit {
		t.Errorf("the Markdown report is %d bytes, over %d", buf.Len(), MarkdownLimit)
	}
}
