package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
)

// The browser test opens the HTML report in headless Chromium and checks
// the page as the browser lays it out, which the string tests of the HTML
// cannot: every section is there and visible, the heat maps are drawn with
// their markers inside them, the tables have rows, nothing is logged to
// the console and nothing is requested but the file itself, a phone-width
// window does not scroll sideways, and the print layout renders. It writes
// a full-page screenshot, 1280 px wide, for people to look at.
//
// The environment tunes it:
//
//	PII_BROWSER_TEST=1             fail, rather than skip, when no Chromium is on PATH (CI sets it)
//	PII_REPORT_SCREENSHOT_DIR=DIR  write report.png into DIR rather than a temporary directory
//	PII_REPORT_HTML=FILE           check FILE (a report the CLI wrote) rather than the report of
//	                               testdata/complete-plan.json; make report uses it
//
// A relative DIR or FILE is relative to the repository's root, not to the
// package's directory where go test runs the test.
const (
	browserTestEnv    = "PII_BROWSER_TEST"
	screenshotDirEnv  = "PII_REPORT_SCREENSHOT_DIR"
	reportHTMLEnv     = "PII_REPORT_HTML"
	screenshotName    = "report.png"
	screenshotWidth   = 1280
	phoneWidth        = 390
	browserTestBudget = 45 * time.Second
)

// chromiumNames are the names the browser has on PATH, the Debian
// package's first.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// findChromium returns the browser on PATH. Without one the test fails when
// PII_BROWSER_TEST=1 and is skipped, saying how to run it, otherwise.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	looked := strings.Join(chromiumNames, ", ")
	if os.Getenv(browserTestEnv) == "1" {
		t.Fatalf("chromium not found on PATH (looked for %s), and %s=1 requires the browser test: install it with 'apt-get install chromium'", looked, browserTestEnv)
	}
	t.Skipf("chromium not found on PATH (looked for %s): the browser test of the HTML report is skipped. "+
		"To run it: apt-get install chromium, then %s=1 go test ./internal/report/ -run Browser", looked, browserTestEnv)
	return ""
}

// fromRoot makes a path from the environment absolute: a relative one is
// relative to the repository's root, the directory of go.mod above this
// package's.
func fromRoot(t *testing.T, p string) string {
	t.Helper()
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, p)
		}
		if filepath.Dir(d) == d {
			return filepath.Join(dir, p)
		}
	}
}

// expectedSections are the sections of a report, by id, with their
// headings; policies only with policy results, verification only with a
// verified posture.
var expectedSections = []struct{ id, heading string }{
	{"summary", "Summary"},
	{"ropa", "Records of processing"},
	{"lifecycle", "Life cycles"},
	{"risks", "Risk assessments"},
	{"soa", "Statement of Applicability"},
	{"policies", "Policy results"},
	{"verification", "Verification"},
}

// sectionsOf are the expected sections that the HTML source has.
func sectionsOf(source string) []string {
	var ids []string
	for _, s := range expectedSections {
		optional := s.id == "policies" || s.id == "verification"
		if !optional || strings.Contains(source, `id="`+s.id+`"`) {
			ids = append(ids, s.id)
		}
	}
	return ids
}

func TestBrowser(t *testing.T) {
	start := time.Now()
	chromium := findChromium(t)

	// The report: the one make report wrote, or the complete example's,
	// with policy results so that every section is there.
	htmlPath := os.Getenv(reportHTMLEnv)
	var source string
	if htmlPath != "" {
		htmlPath = fromRoot(t, htmlPath)
		b, err := os.ReadFile(htmlPath)
		if err != nil {
			t.Fatalf("%s: %v", reportHTMLEnv, err)
		}
		source = string(b)
	} else {
		opt := goldenOptions
		opt.Check = checkReport()
		source = render(t, "html", readPosture(t, "testdata/complete-plan.json"), opt)
		htmlPath = filepath.Join(t.TempDir(), "report.html")
		if err := os.WriteFile(htmlPath, []byte(source), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outDir := t.TempDir()
	if d := os.Getenv(screenshotDirEnv); d != "" {
		d = fromRoot(t, d)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		outDir = d
	}
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(htmlPath)}).String()

	// What the rendered page must hold, counted in the HTML source.
	want := wantOf(source)
	if want.HeatMaps == 0 || want.LifeCycles == 0 || want.Tables == 0 {
		t.Fatalf("the report has %d heat maps, %d life cycles and %d tables: not a report of examples/complete", want.HeatMaps, want.LifeCycles, want.Tables)
	}

	b := startBrowser(t, chromium)
	tab, events := b.open(t, fileURL)

	t.Run("layout", func(t *testing.T) {
		got := evaluate[pageLayout](t, tab, layoutJS)
		want.check(t, got, "at 1280 px")
		if got.ScrollWidth > got.ClientWidth {
			t.Errorf("the page scrolls sideways at 1280 px: %d px wide in a %d px window", got.ScrollWidth, got.ClientWidth)
		}
		for _, s := range expectedSections {
			sec, ok := got.Sections[s.id]
			if !ok || !sec.Present {
				continue // want.check reports the missing ones
			}
			if sec.Heading != s.heading {
				t.Errorf("section #%s is headed %q, want %q", s.id, sec.Heading, s.heading)
			}
		}
		t.Logf("at 1280 px: %d sections, %d heat maps (%d markers), %d life cycles, %d tables (%d rows); page %d px high",
			len(want.Sections), len(got.HeatMaps), got.markers(), len(got.LifeCycles), len(got.Tables), got.rows(), got.ScrollHeight)
	})

	t.Run("phone", func(t *testing.T) {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		got := evaluate[pageLayout](t, tab, layoutJS)
		if got.ClientWidth != phoneWidth {
			t.Fatalf("the phone emulation did not take: the page is %d px wide, want %d", got.ClientWidth, phoneWidth)
		}
		want.check(t, got, "at phone width")
		if got.ScrollWidth > got.ClientWidth || got.BodyScrollWidth > got.ClientWidth {
			t.Errorf("the page scrolls sideways at %d px: the document is %d px wide, the body %d px", phoneWidth, got.ScrollWidth, got.BodyScrollWidth)
		}
		for _, o := range got.Overflowing {
			t.Errorf("at %d px, %s reaches out of the window (x %.0f to %.0f) outside a scrolling table wrapper", phoneWidth, o.Element, o.Left, o.Right)
		}
		for _, w := range got.Wrappers {
			if w.ScrollWidth > w.ClientWidth && w.OverflowX != "auto" && w.OverflowX != "scroll" {
				t.Errorf("at %d px, the wrapper of %q is %d px wide for %d px of content but does not scroll (overflow-x: %s)", phoneWidth, w.Caption, w.ClientWidth, w.ScrollWidth, w.OverflowX)
			}
		}
		t.Logf("at %d px: no sideways scrolling; %d of %d wrappers (tables, life cycles) scroll inside", phoneWidth, got.scrollingWrappers(), len(got.Wrappers))
	})

	t.Run("print", func(t *testing.T) {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(screenshotWidth, 900)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		defer func() {
			// Back to the screen, for the screenshot, however this ends.
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
				t.Error(err)
			}
		}()
		got := evaluate[pageLayout](t, tab, layoutJS)
		if !got.PrintMedia {
			t.Fatal("the print media emulation did not take: matchMedia('print') is false")
		}
		want.check(t, got, "in print")
		if got.NavDisplay != "none" {
			t.Errorf("in print the contents navigation is shown (display: %s): the print style sheet is not applied", got.NavDisplay)
		}
		for _, w := range got.Wrappers {
			if w.OverflowX != "visible" {
				t.Errorf("in print the wrapper of %q clips its table (overflow-x: %s)", w.Caption, w.OverflowX)
				break
			}
		}
		pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatalf("printing to PDF: %v", err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("the printed page is not a PDF (%d bytes)", len(pdf))
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
		if pages < 2 {
			t.Errorf("the report prints on %d A4 pages, want several", pages)
		}
		t.Logf("in print: the print style sheet applies; %d A4 pages, %d bytes of PDF", pages, len(pdf))
	})

	t.Run("screenshot", func(t *testing.T) {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(screenshotWidth, 900)); err != nil {
			t.Fatal(err)
		}
		height := evaluate[float64](t, tab, `document.documentElement.scrollHeight`)
		shot, err := chromedp.Run(tab, func(ctx context.Context, tt *chromedp.Target) ([]byte, error) {
			res, err := cdp.Call(ctx, tt, page.CaptureScreenshot, page.CaptureScreenshotParams{
				Format:                page.CaptureScreenshotFormatPng,
				Clip:                  &page.Viewport{Width: screenshotWidth, Height: height, Scale: 1},
				CaptureBeyondViewport: new(true),
			})
			return res.Data, err
		})
		if err != nil {
			t.Fatalf("taking the screenshot: %v", err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("the screenshot is not a PNG: %v", err)
		}
		if cfg.Width != screenshotWidth || float64(cfg.Height) < height-1 {
			t.Errorf("the screenshot is %d × %d px, want %d × %.0f (the whole page)", cfg.Width, cfg.Height, screenshotWidth, height)
		}
		path := filepath.Join(outDir, screenshotName)
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d × %d px, %d bytes)", path, cfg.Width, cfg.Height, len(shot))
	})

	// Long text without spaces (200-character evidence URLs, long control
	// addresses and activity names, generated by longTextPosture) wraps
	// inside its cells at every width: no cell's content overflows it, no
	// caption text is cut off by its wrapper, and the page does not scroll
	// sideways.
	t.Run("long text", func(t *testing.T) {
		src := render(t, "html", longTextPosture(t), goldenOptions)
		path := filepath.Join(t.TempDir(), "long.html")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		ltab, lev := b.open(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
		for _, width := range []int64{screenshotWidth, phoneWidth} {
			if err := chromedp.Do(ltab, chromedp.EmulateViewport(width, 844)); err != nil {
				t.Fatal(err)
			}
			got := evaluate[pageLayout](t, ltab, layoutJS)
			where := fmt.Sprintf("long text at %d px", width)
			if got.ScrollWidth > got.ClientWidth || got.BodyScrollWidth > got.ClientWidth {
				t.Errorf("%s: the page scrolls sideways (%d px in %d)", where, got.ScrollWidth, got.ClientWidth)
			}
			for _, o := range got.Overflowing {
				t.Errorf("%s: %s reaches out of the window (x %.0f to %.0f)", where, o.Element, o.Left, o.Right)
			}
			wrap := evaluate[wrapLayout](t, ltab, wrapJS)
			if wrap.Cells == 0 || wrap.Captions == 0 {
				t.Fatalf("%s: no cells or captions measured", where)
			}
			for _, c := range wrap.Overflowing {
				t.Errorf("%s: %s", where, c)
			}
		}
		if _, problems := lev.snapshot(); len(problems) > 0 {
			t.Errorf("the long-text report logged: %s", strings.Join(problems, "\n"))
		}
	})

	// A report of a posture verified against the infrastructure: the
	// Verification section, the verification columns and the verified
	// residual markers render at both widths, the same as the rest.
	t.Run("verified posture", func(t *testing.T) {
		p, opt := verifiedRun(t, storagePlan)
		src := render(t, "html", p, opt)
		path := filepath.Join(t.TempDir(), "verified.html")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		w := wantOf(src)
		if w.Verified == 0 || !slices.Contains(w.Sections, "verification") {
			t.Fatalf("the verified posture's report has %d verified residual markers and sections %v", w.Verified, w.Sections)
		}
		vtab, vev := b.open(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
		for _, width := range []int64{screenshotWidth, phoneWidth} {
			if err := chromedp.Do(vtab, chromedp.EmulateViewport(width, 844)); err != nil {
				t.Fatal(err)
			}
			got := evaluate[pageLayout](t, vtab, layoutJS)
			where := fmt.Sprintf("verified posture at %d px", width)
			w.check(t, got, where)
			if got.ScrollWidth > got.ClientWidth {
				t.Errorf("%s: the page scrolls sideways (%d px in %d)", where, got.ScrollWidth, got.ClientWidth)
			}
			if h := got.Sections["verification"].Heading; h != "Verification" {
				t.Errorf("%s: the verification section is headed %q", where, h)
			}
		}
		if _, problems := vev.snapshot(); len(problems) > 0 {
			t.Errorf("the verified posture's report logged: %s", strings.Join(problems, "\n"))
		}
	})

	// Everything the tab did, from the first request to the screenshot.
	t.Run("console and network", func(t *testing.T) {
		requests, problems := events.snapshot()
		for _, p := range problems {
			t.Error(p)
		}
		if len(requests) == 0 {
			t.Errorf("no request for %s was seen: the network events are not reaching the test", fileURL)
		}
		for _, r := range requests {
			if !sameURL(r, fileURL) {
				t.Errorf("the page requested %s: a report must load nothing but itself", r)
			}
		}
	})

	// The checks above must be able to fail: a page with a script error, a
	// console error, a request and a block wider than a phone is caught.
	t.Run("the checks catch a bad page", func(t *testing.T) {
		dir := t.TempDir()
		bad := filepath.Join(dir, "bad.html")
		if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><title>bad</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<div id="wide" style="width:600px">wider than a phone</div>
<img src="missing.png" alt="">
<script>console.error("an error in the console"); undefinedFunction();</script>
</body></html>`), 0o644); err != nil {
			t.Fatal(err)
		}
		badURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(bad)}).String()
		badTab, ev := b.open(t, badURL)
		// The failed image load may come after the load event.
		deadline := time.Now().Add(3 * time.Second)
		var requests, problems []string
		for {
			requests, problems = ev.snapshot()
			joined := strings.Join(problems, "\n")
			if (strings.Contains(joined, "an error in the console") && strings.Contains(joined, "undefinedFunction") &&
				strings.Contains(joined, "missing.png")) || time.Now().After(deadline) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		joined := strings.Join(problems, "\n")
		for _, want := range []string{"an error in the console", "undefinedFunction", "missing.png"} {
			if !strings.Contains(joined, want) {
				t.Errorf("the listener missed %q; it saw:\n%s", want, joined)
			}
		}
		foreign := 0
		for _, r := range requests {
			if !sameURL(r, badURL) {
				foreign++
			}
		}
		if foreign == 0 {
			t.Errorf("the request for missing.png was not seen among %v", requests)
		}
		if err := chromedp.Do(badTab, chromedp.EmulateViewport(phoneWidth, 844, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		got := evaluate[pageLayout](t, badTab, layoutJS)
		if got.ScrollWidth <= got.ClientWidth || len(got.Overflowing) == 0 || !strings.Contains(got.Overflowing[0].Element, "div#wide") {
			t.Errorf("a 600 px block in a %d px window was not caught: document %d px wide, overflowing %v", phoneWidth, got.ScrollWidth, got.Overflowing)
		}
	})

	t.Logf("browser test of %s took %s", filepath.Base(htmlPath), time.Since(start).Round(10*time.Millisecond))
}

// wantOf counts in the HTML source what the rendered page must hold.
func wantOf(source string) pageWant {
	return pageWant{
		Sections:   sectionsOf(source),
		HeatMaps:   strings.Count(source, `<svg class="hm"`),
		LifeCycles: strings.Count(source, `<figure class="lc"`),
		Tables:     strings.Count(source, "<table"),
		Verified:   strings.Count(source, `href="#mver`),
	}
}

// pageWant is what the rendered page must hold.
type pageWant struct {
	Sections                     []string
	HeatMaps, LifeCycles, Tables int
	// Verified counts the verified residual markers of the heat maps.
	Verified int
}

// check compares a layout with what the page must hold.
func (w pageWant) check(t *testing.T, got pageLayout, where string) {
	t.Helper()
	if strings.TrimSpace(got.Title) == "" {
		t.Errorf("%s: the page has no title", where)
	}
	for _, id := range w.Sections {
		s := got.Sections[id]
		switch {
		case !s.Present:
			t.Errorf("%s: section #%s is missing", where, id)
		case !s.Visible || !s.HeadingVisible:
			t.Errorf("%s: section #%s is not shown (section %v, heading %v)", where, id, s.Visible, s.HeadingVisible)
		}
	}
	if len(got.HeatMaps) != w.HeatMaps {
		t.Errorf("%s: %d heat maps rendered, want %d", where, len(got.HeatMaps), w.HeatMaps)
	}
	for _, hm := range got.HeatMaps {
		switch {
		case hm.Width < 100 || hm.Height < 80:
			t.Errorf("%s: heat map %q is drawn %.0f × %.0f px", where, hm.Title, hm.Width, hm.Height)
		case hm.GridWidth <= 0 || hm.GridHeight <= 0:
			t.Errorf("%s: heat map %q has no grid drawn (%.0f × %.0f)", where, hm.Title, hm.GridWidth, hm.GridHeight)
		case hm.Markers == 0:
			t.Errorf("%s: heat map %q has no markers", where, hm.Title)
		case hm.Drawn != hm.Markers:
			t.Errorf("%s: heat map %q draws %d of its %d markers", where, hm.Title, hm.Drawn, hm.Markers)
		case hm.Inside != hm.Markers:
			t.Errorf("%s: heat map %q has %d of its %d markers outside its frame", where, hm.Title, hm.Markers-hm.Inside, hm.Markers)
		}
	}
	verified := 0
	for _, hm := range got.HeatMaps {
		verified += hm.Verified
	}
	if verified != w.Verified {
		t.Errorf("%s: %d verified residual markers drawn, want %d", where, verified, w.Verified)
	}
	if len(got.LifeCycles) != w.LifeCycles {
		t.Errorf("%s: %d life cycles rendered, want %d", where, len(got.LifeCycles), w.LifeCycles)
	}
	for _, lc := range got.LifeCycles {
		if lc.Width < 100 || lc.Height < 40 || lc.Boxes == 0 {
			t.Errorf("%s: life cycle %q is drawn %.0f × %.0f px with %d stages", where, lc.Title, lc.Width, lc.Height, lc.Boxes)
		}
	}
	if len(got.Tables) != w.Tables {
		t.Errorf("%s: %d tables rendered, want %d", where, len(got.Tables), w.Tables)
	}
	for i, tb := range got.Tables {
		if tb.Caption == "" || tb.Rows == 0 || tb.FilledCells == 0 || tb.Width <= 0 || tb.Height <= 0 {
			t.Errorf("%s: table %d (%q) has %d rows, %d cells with text, and is drawn %.0f × %.0f px", where, i+1, tb.Caption, tb.Rows, tb.FilledCells, tb.Width, tb.Height)
		}
	}
}

// pageLayout is what layoutJS reads from the rendered page.
type pageLayout struct {
	Title           string                 `json:"title"`
	PrintMedia      bool                   `json:"printMedia"`
	ClientWidth     int                    `json:"clientWidth"`
	ScrollWidth     int                    `json:"scrollWidth"`
	BodyScrollWidth int                    `json:"bodyScrollWidth"`
	ScrollHeight    int                    `json:"scrollHeight"`
	NavDisplay      string                 `json:"navDisplay"`
	Sections        map[string]sectionView `json:"sections"`
	HeatMaps        []heatMapView          `json:"heatMaps"`
	LifeCycles      []lifeCycleView        `json:"lifeCycles"`
	Tables          []tableView            `json:"tables"`
	Wrappers        []wrapperView          `json:"wrappers"`
	Overflowing     []overflowView         `json:"overflowing"`
}

type sectionView struct {
	Present        bool   `json:"present"`
	Visible        bool   `json:"visible"`
	Heading        string `json:"heading"`
	HeadingVisible bool   `json:"headingVisible"`
}

type heatMapView struct {
	Title      string  `json:"title"`
	Width      float64 `json:"width"`
	Height     float64 `json:"height"`
	GridWidth  float64 `json:"gridWidth"`
	GridHeight float64 `json:"gridHeight"`
	Markers    int     `json:"markers"`
	Drawn      int     `json:"drawn"`
	Inside     int     `json:"inside"`
	// Verified counts the verified residual markers drawn inside.
	Verified int `json:"verified"`
}

type lifeCycleView struct {
	Title  string  `json:"title"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Boxes  int     `json:"boxes"`
}

type tableView struct {
	Caption     string  `json:"caption"`
	Rows        int     `json:"rows"`
	FilledCells int     `json:"filledCells"`
	Width       float64 `json:"width"`
	Height      float64 `json:"height"`
}

type wrapperView struct {
	Caption     string `json:"caption"`
	ClientWidth int    `json:"clientWidth"`
	ScrollWidth int    `json:"scrollWidth"`
	OverflowX   string `json:"overflowX"`
}

type overflowView struct {
	Element string  `json:"element"`
	Left    float64 `json:"left"`
	Right   float64 `json:"right"`
}

func (l pageLayout) markers() int {
	n := 0
	for _, hm := range l.HeatMaps {
		n += hm.Markers
	}
	return n
}

func (l pageLayout) rows() int {
	n := 0
	for _, tb := range l.Tables {
		n += tb.Rows
	}
	return n
}

func (l pageLayout) scrollingWrappers() int {
	n := 0
	for _, w := range l.Wrappers {
		if w.ScrollWidth > w.ClientWidth {
			n++
		}
	}
	return n
}

// layoutJS reads the layout of the page as the browser rendered it.
const layoutJS = `(() => {
  const shown = el => {
    if (!el) return false;
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.display !== "none" && cs.visibility !== "hidden";
  };
  const text = el => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");
  const titleOf = svg => text(svg.querySelector("title"));
  const doc = document.documentElement;
  const out = {
    title: document.title,
    printMedia: matchMedia("print").matches,
    clientWidth: doc.clientWidth,
    scrollWidth: doc.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    scrollHeight: doc.scrollHeight,
    navDisplay: document.querySelector("nav") ? getComputedStyle(document.querySelector("nav")).display : "",
    sections: {}, heatMaps: [], lifeCycles: [], tables: [], wrappers: [], overflowing: [],
  };
  for (const s of document.querySelectorAll("main > section[id]")) {
    const h = s.querySelector("h2");
    out.sections[s.id] = {present: true, visible: shown(s), heading: text(h), headingVisible: shown(h)};
  }
  for (const svg of document.querySelectorAll("svg.hm")) {
    const r = svg.getBoundingClientRect();
    const grid = svg.querySelector('use[href="#hmg"]');
    const gb = grid ? grid.getBBox() : {width: 0, height: 0};
    const markers = [...svg.querySelectorAll('use:not([href="#hmg"]), circle')];
    let drawn = 0, inside = 0, verified = 0;
    for (const m of markers) {
      const b = m.getBBox(), c = m.getBoundingClientRect();
      const ok = b.width > 0 && b.height > 0;
      const within = c.width > 0 && c.left >= r.left - 0.5 && c.right <= r.right + 0.5 && c.top >= r.top - 0.5 && c.bottom <= r.bottom + 0.5;
      if (ok) drawn++;
      if (within) inside++;
      if (ok && within && (m.getAttribute("href") || "").startsWith("#mver")) verified++;
    }
    out.heatMaps.push({title: titleOf(svg), width: r.width, height: r.height, gridWidth: gb.width, gridHeight: gb.height, markers: markers.length, drawn, inside, verified});
  }
  for (const svg of document.querySelectorAll("figure.lc svg")) {
    const r = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll("use")].filter(u => { const b = u.getBBox(); return b.width > 0 && b.height > 0; }).length;
    out.lifeCycles.push({title: titleOf(svg), width: r.width, height: r.height, boxes});
  }
  for (const t of document.querySelectorAll("table")) {
    const r = t.getBoundingClientRect();
    const rows = t.tBodies.length ? [...t.tBodies].reduce((n, b) => n + b.rows.length, 0) : 0;
    const filled = [...t.querySelectorAll("tbody td, tbody th")].filter(c => text(c) !== "").length;
    out.tables.push({caption: text(t.caption), rows, filledCells: filled, width: r.width, height: r.height});
  }
  for (const w of document.querySelectorAll(".tw")) {
    const t = w.querySelector("table");
    out.wrappers.push({caption: t ? text(t.caption) : text(w.querySelector("title")), clientWidth: w.clientWidth, scrollWidth: w.scrollWidth, overflowX: getComputedStyle(w).overflowX});
  }
  // Elements that reach out of the window, except those inside a
  // wrapper that scrolls (the wrapper itself must fit).
  const vw = doc.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".defs")) continue;
    const w = el.parentElement && el.parentElement.closest(".tw");
    if (w) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 1 || r.left < -1) {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
      out.overflowing.push({element: name + ' "' + text(el).slice(0, 60) + '"', left: r.left, right: r.right});
      if (out.overflowing.length >= 10) break;
    }
  }
  return out;
})()`

// wrapLayout is what wrapJS reads: how many cells and captions it
// measured, and those whose text does not fit.
type wrapLayout struct {
	Cells       int      `json:"cells"`
	Captions    int      `json:"captions"`
	Overflowing []string `json:"overflowing"`
}

// wrapJS finds table cells whose content is wider than the cell, and
// caption text outside the visible part of its wrapper (cut off until one
// scrolls).
const wrapJS = `(() => {
  const text = el => el.textContent.replace(/\s+/g, " ").trim().slice(0, 50);
  const out = {cells: 0, captions: 0, overflowing: []};
  const add = s => { if (out.overflowing.length < 12) out.overflowing.push(s); };
  for (const c of document.querySelectorAll("td, th")) {
    out.cells++;
    if (c.scrollWidth > c.clientWidth + 1) add("a cell overflows (" + c.scrollWidth + " px of content in " + c.clientWidth + "): " + text(c));
  }
  for (const cap of document.querySelectorAll("caption")) {
    out.captions++;
    const w = cap.closest(".tw");
    if (!w) continue;
    const wr = w.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(cap);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.right > wr.right + 1 || r.left < wr.left - 1)) {
        add("caption text is cut (x " + Math.round(r.left) + " to " + Math.round(r.right) + ", wrapper " + Math.round(wr.left) + " to " + Math.round(wr.right) + "): " + text(cap));
        break;
      }
    }
  }
  return out;
})()`

// longTextPosture is a posture of long text without spaces: evidence URLs
// of 200 characters, control and activity addresses of over 100, and an
// activity name of 150 characters, generated here rather than stored.
func longTextPosture(t *testing.T) *posture.Posture {
	t.Helper()
	url := "https://evidence.example.com/" + strings.Repeat("a1b2c3d4e5", 17) + "/x"
	name := strings.Repeat("Long_activity_name_without_spaces_", 5)
	module := "module." + strings.Repeat("very_long_module_name_", 4)
	activity := map[string]any{
		"id": "long-" + strings.Repeat("identifier", 8), "name": name, "role": "processor", "controllers": []string{url},
		"purposes": []string{url}, "legal_basis": "contract", "pii_categories": []string{"contact.email"}, "principals": []string{"customer"},
		"retention": "P1Y", "collection": map[string]any{"source": "data_subject", "systems": []string{module + "aws_s3_bucket.b"}},
		"transfer": []any{map[string]any{"recipient": url, "recipient_role": "processor", "country": "US", "mechanism": "scc", "systems": []string{module + "aws_sqs_queue.q"}}},
	}
	control := map[string]any{
		"id": "iso29151:9.1.1", "catalog": "iso29151", "control_id": "9.1.1", "status": "implemented",
		"owner": url, "justification": url, "implementation": url, "evidence": []string{url, module + "aws_iam_policy.p", url + "/2"},
	}
	assessment := map[string]any{
		"id": "pia-long", "activity": map[string]any{"id": activity["id"], "name": name}, "status": "draft",
		"risks": []any{map[string]any{
			"name": name, "description": url, "risk_source": url, "rationale": url, "category": "illegitimate_access", "lifecycle_stage": "collection",
			"likelihood": "significant", "impact": "maximum", "inherent_score": 12, "inherent_level": "very_high",
			"residual_likelihood": "limited", "residual_impact": "limited", "residual_score": 4, "residual_level": "medium",
			"coverage": "covered", "effective_controls": []string{"iso29151:9.1.1"},
			"controls": []any{map[string]any{"id": "iso29151:9.1.1", "status": "implemented"}},
		}},
	}
	change := func(addr, typ string, after map[string]any) map[string]any {
		return map[string]any{"address": addr, "mode": "managed", "type": typ, "name": "x",
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}, "after_sensitive": map[string]any{}}}
	}
	plan := map[string]any{"format_version": "1.2", "terraform_version": "1.11.4", "timestamp": "2026-11-28T21:02:08Z", "resource_changes": []any{
		change(module+"pii_processing_activity.x", "pii_processing_activity", activity),
		change(module+"pii_control.x", "pii_control", control),
		change(module+"pii_risk_assessment.x", "pii_risk_assessment", assessment),
	}, "configuration": map[string]any{"provider_config": map[string]any{"pii": map[string]any{"name": "pii", "expressions": map[string]any{
		"organization": map[string]any{"constant_value": map[string]any{"name": name, "contact": url, "dpo_contact": url, "roles": []string{"processor"}, "scope_justification": url}},
	}}}}}
	b, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	docName := strings.Repeat("plan-of-a-very-long-workspace-name-", 4) + ".json"
	doc, err := tfplan.Read(docName, b)
	if err != nil {
		t.Fatal(err)
	}
	block, err := tfplan.ReadProviderBlock(docName, b, "pii")
	if err != nil {
		t.Fatal(err)
	}
	p, err := posture.Read([]*tfplan.Document{doc}, posture.Options{Providers: map[*tfplan.Document]*tfplan.ProviderBlock{doc: block}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// evaluate runs a script in the tab and decodes its result.
func evaluate[T any](t *testing.T, tab context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluating in the page: %v", err)
	}
	return v
}

// browser is one headless Chromium for the whole test.
type browser struct {
	ctx context.Context
}

// startBrowser starts Chromium with a fresh profile, quiet (no background
// networking, component updates, sync or extensions) and unable to resolve
// any host name, so that nothing it does can reach the network. The
// browser stops when the test ends or the time budget runs out.
func startBrowser(t *testing.T, path string) *browser {
	t.Helper()
	// A fresh profile, removed after the browser stops (the cleanups
	// registered below run first).
	profile := t.TempDir()
	var output syncBuffer
	t.Cleanup(func() {
		if t.Failed() && output.Len() > 0 {
			lines := strings.Split(strings.TrimSpace(output.String()), "\n")
			if len(lines) > 30 {
				lines = lines[len(lines)-30:]
			}
			t.Logf("the end of chromium's output:\n%s", strings.Join(lines, "\n"))
		}
	})

	budget, cancelBudget := context.WithTimeout(context.Background(), browserTestBudget)
	t.Cleanup(cancelBudget)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(screenshotWidth, 900),
		chromedp.CombinedOutput(&output),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(budget, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	// The first run starts the browser; its life is the budget's.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return &browser{ctx: ctx}
}

// open opens a new tab on the page at u, at 1280 px wide, recording its
// console messages, exceptions and requests from the first one on.
func (b *browser) open(t *testing.T, u string) (context.Context, *pageEvents) {
	t.Helper()
	ev := &pageEvents{}
	tab, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(ev.record))
	t.Cleanup(cancel)
	if err := chromedp.Do(tab,
		chromedp.EmulateViewport(screenshotWidth, 900),
		chromedp.Navigate(u),
	); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	return tab, ev
}

// pageEvents records what a tab logs and requests. record runs on the
// tab's event loop: it only appends.
type pageEvents struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	requests []string
	problems []string
}

func (e *pageEvents) record(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		e.mu.Lock()
		if e.urls == nil {
			e.urls = map[network.RequestID]string{}
		}
		e.urls[ev.RequestID] = ev.Request.URL
		e.requests = append(e.requests, ev.Request.URL)
		e.mu.Unlock()
		return
	case *network.EventLoadingFailed:
		e.mu.Lock()
		u := e.urls[ev.RequestID]
		e.mu.Unlock()
		why := ev.ErrorText
		if ev.BlockedReason != "" {
			why = strings.TrimSpace(why + " blocked: " + string(ev.BlockedReason))
		}
		problem = fmt.Sprintf("the request for %s (%s) failed: %s", u, ev.Type, why)
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range ev.Args {
			switch {
			case len(a.Value) > 0:
				args = append(args, string(a.Value))
			default:
				args = append(args, a.Description)
			}
		}
		problem = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		problem = fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level != cdplog.EntryLevelError && ev.Entry.Level != cdplog.EntryLevelWarning {
			return
		}
		problem = fmt.Sprintf("browser log (%s, %s): %s %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
	default:
		return
	}
	e.mu.Lock()
	e.problems = append(e.problems, problem)
	e.mu.Unlock()
}

func (e *pageEvents) snapshot() (requests, problems []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.requests...), append([]string(nil), e.problems...)
}

// sameURL compares two file URLs, whichever characters each escapes.
func sameURL(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return ua.Scheme == ub.Scheme && ua.Host == ub.Host && ua.Path == ub.Path && ua.RawQuery == ub.RawQuery
}

// syncBuffer is a bytes.Buffer that the browser's output goroutine and the
// test may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
