// Command posturegen writes a large, valid privacy posture as a Terraform
// configuration, for measuring how terraform plan scales with the provider
// (make bench-scale runs it through scripts/bench-scale.sh).
//
//	go run ./tools/posturegen -activities 500 -controls 200 -risks 6 -controls-per-risk 4 -out DIR
//
// writes N pii_processing_activity, M pii_control and N pii_risk_assessment
// resources (one assessment per activity, each of -risks risks selecting
// -controls-per-risk controls that treat its category). With -baseline it
// writes the same number of terraform_data resources instead, with
// comparable inputs and the same references (controls scoped to activities,
// assessments referring to their activity and to whole controls), so that
// the two plans can be compared; the baseline needs no provider at all.
//
// The output is deterministic: the same flags always give the same files.
// Controls come from the built-in catalogs (ISO/IEC 29151, then ISO/IEC
// 27701); beyond the catalogs' 175 controls, further pii_control resources
// repeat catalog controls scoped to a share of the activities, as an
// organisation does when a control is in place for some systems only.
// Ratings are chosen so that any two effective controls bring a risk within
// the medium risk appetite; the command predicts the coverage with the
// provider's own evaluation (internal/coverage) and prints it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/privacycode/terraform-provider-pii/internal/activity"
	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/coverage"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/risk"
)

// Config is what the flags set.
type Config struct {
	Activities      int
	Controls        int
	Risks           int
	ControlsPerRisk int
	// Baseline writes terraform_data resources instead of the provider's.
	Baseline bool
	// Appetite and Enforcement go into the provider block.
	Appetite    string
	Enforcement string
}

// DefaultConfig is the size the issue asks for: 500 activities, 200
// controls, 500 assessments of 6 risks with 4 controls each.
func DefaultConfig() Config {
	return Config{Activities: 500, Controls: 200, Risks: 6, ControlsPerRisk: 4, Appetite: "medium", Enforcement: "warning"}
}

func main() {
	cfg := DefaultConfig()
	flag.IntVar(&cfg.Activities, "activities", cfg.Activities, "number of pii_processing_activity resources (and of pii_risk_assessment resources: one per activity)")
	flag.IntVar(&cfg.Controls, "controls", cfg.Controls, "number of pii_control resources")
	flag.IntVar(&cfg.Risks, "risks", cfg.Risks, "risks per assessment")
	flag.IntVar(&cfg.ControlsPerRisk, "controls-per-risk", cfg.ControlsPerRisk, "controls selected per risk (fewer when fewer controls treat the risk's category)")
	flag.BoolVar(&cfg.Baseline, "baseline", false, "write terraform_data resources of the same number, inputs and references instead (no provider needed)")
	flag.StringVar(&cfg.Appetite, "risk-appetite", cfg.Appetite, "the provider's risk_appetite")
	flag.StringVar(&cfg.Enforcement, "enforcement", cfg.Enforcement, "the provider's enforcement: warning lets residual gaps through, so that the plan is timed, not stopped")
	out := flag.String("out", "", "directory to write the configuration into (created; existing *.tf files in it are replaced)")
	quiet := flag.Bool("q", false, "print nothing on success")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: posturegen [-activities N] [-controls M] [-risks R] [-controls-per-risk K] [-baseline] -out DIR")
		os.Exit(2)
	}
	if err := run(cfg, *out, *quiet, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "posturegen:", err)
		os.Exit(1)
	}
}

func run(cfg Config, dir string, quiet bool, w io.Writer) error {
	set, err := catalog.Builtin()
	if err != nil {
		return err
	}
	p, err := Build(cfg, set)
	if err != nil {
		return err
	}
	files, err := p.Write(dir)
	if err != nil {
		return err
	}
	if quiet {
		return nil
	}
	kind := "posture"
	if cfg.Baseline {
		kind = "baseline (terraform_data)"
	}
	fmt.Fprintf(w, "posturegen: wrote %s to %s (%s): %d activities, %d controls, %d assessments, %d risks, %d control selections\n",
		kind, dir, strings.Join(files, ", "), len(p.Activities), len(p.Controls), len(p.Assessments), p.RiskCount(), p.SelectionCount())
	if !cfg.Baseline {
		pr := p.Predict(set, time.Now().UTC())
		fmt.Fprintf(w, "posturegen: predicted coverage at risk_appetite %q: %d covered, %d partially covered, %d uncovered; %d plan warnings expected from the assessments\n",
			cfg.Appetite, pr.Covered, pr.Partial, pr.Uncovered, pr.Warnings)
	}
	return nil
}

// Posture is the generated configuration, before it is written.
type Posture struct {
	Config      Config
	Activities  []Activity
	Controls    []Control
	Assessments []Assessment
}

// Activity is one pii_processing_activity.
type Activity struct {
	Addr       string // resource name, a1..aN
	Name       string
	Purposes   []string
	LegalBasis string
	Categories []string
	Principals []string
	Volume     int
	Stages     []string // declared life-cycle stages, in life-cycle order
	Profiling  bool
	Monitoring bool
	Combined   bool
	Owner      string
	Role       string
	// Controllers are those a processor acts for.
	Controllers []string
}

// Control is one pii_control.
type Control struct {
	Addr    string // resource name, c1..cM
	Catalog string
	ID      string
	Title   string
	Status  string
	Treats  []string
	Reduces catalog.Reduction
	// Scope holds indexes into Posture.Activities; empty means
	// organisation-wide.
	Scope []int
}

// Ref is the control's qualified id, as the provider computes it.
func (c Control) Ref() string { return c.Catalog + ":" + c.ID }

// Assessment is one pii_risk_assessment of Activities[Activity].
type Assessment struct {
	Addr     string // resource name, r1..rN
	Activity int
	Risks    []Risk
}

// Risk is one element of an assessment's risks.
type Risk struct {
	Name       string
	Category   string
	Stage      string
	Likelihood risk.Rating
	Impact     risk.Rating
	Controls   []int // indexes into Posture.Controls
}

// RiskCount is the number of risks over all assessments.
func (p *Posture) RiskCount() int {
	n := 0
	for _, a := range p.Assessments {
		n += len(a.Risks)
	}
	return n
}

// SelectionCount is the number of controls selected over all risks.
func (p *Posture) SelectionCount() int {
	n := 0
	for _, a := range p.Assessments {
		for _, r := range a.Risks {
			n += len(r.Controls)
		}
	}
	return n
}

var (
	domains = []string{
		"Checkout payments", "Newsletter", "Customer support", "Order fulfilment", "Loyalty programme",
		"Fraud screening", "Payroll", "Recruitment", "Product analytics", "Account management",
		"Returns handling", "Marketing events",
	}
	// Taxonomy keys of sensitivity low to high, none special (special
	// categories need a legal condition and draw warnings on low impacts).
	piiKeys = []string{
		"contact.email", "identifiers.name", "financial.payment_card", "contact.phone", "contact.postal_address",
		"identifiers.online", "behavioral.purchase_history", "location.coarse", "demographic.age",
		"identifiers.device", "employment", "financial.bank_account",
	}
	legalBases = []string{"contract", "legitimate_interests", "legal_obligation", "consent"}
	principals = []string{"customer", "prospect", "employee", "supplier_contact"}
	// Systems per stage, as Terraform addresses of the infrastructure.
	stageSystems = map[string]string{
		"collection": "aws_api_gateway_rest_api.intake_%d",
		"storage":    "aws_s3_bucket.store_%d",
		"use":        "aws_ecs_service.app_%d",
		"transfer":   "aws_sqs_queue.export_%d",
		"disposal":   "aws_lambda_function.purge_%d",
	}
	riskSources = []string{"external attacker", "employee", "processor", "software fault"}
)

// Build lays out the posture. It fails only on sizes that cannot give
// valid resources.
func Build(cfg Config, set *catalog.Set) (*Posture, error) {
	if cfg.Activities < 1 || cfg.Controls < 1 || cfg.Risks < 1 || cfg.ControlsPerRisk < 1 {
		return nil, errors.New("-activities, -controls, -risks and -controls-per-risk must be at least 1")
	}
	p := &Posture{Config: cfg}
	categories := set.RiskCategoryKeys()

	for i := range cfg.Activities {
		p.Activities = append(p.Activities, newActivity(i, cfg.Risks))
	}

	order, err := controlOrder(set, categories)
	if err != nil {
		return nil, err
	}
	extra := cfg.Controls - len(order)
	for j := range cfg.Controls {
		c := order[j%len(order)]
		ctl := Control{
			Addr: fmt.Sprintf("c%d", j+1), Catalog: c.Catalog, ID: c.ID, Title: c.Title,
			Status: "implemented", Treats: c.Treats, Reduces: c.Reduces,
		}
		if j%10 == 9 {
			ctl.Status = "partial"
		}
		if j >= len(order) {
			// Repeats of catalog controls are in place for a share of
			// the activities only: every extra-th one.
			k := j - len(order)
			for i := k; i < cfg.Activities; i += extra {
				ctl.Scope = append(ctl.Scope, i)
			}
			if len(ctl.Scope) == 0 {
				ctl.Scope = []int{k % cfg.Activities}
			}
		}
		p.Controls = append(p.Controls, ctl)
	}

	for i, act := range p.Activities {
		a := Assessment{Addr: fmt.Sprintf("r%d", i+1), Activity: i}
		for r := range cfg.Risks {
			cat := categories[(i+r)%len(categories)]
			rk := Risk{
				Name:     fmt.Sprintf("%s risk %d", strings.ReplaceAll(cat, "_", " "), r+1),
				Category: cat,
				Stage:    act.Stages[r%len(act.Stages)],
			}
			// Ratings up to significant × maximum (12): any two
			// effective controls bring the residual to medium or lower.
			rk.Likelihood = risk.Rating(2 + (i+r)%3)
			rk.Impact = risk.Rating(2 + (3*i+r)%2)
			if rk.Likelihood == risk.Limited && (i+r)%4 == 0 {
				rk.Impact = risk.Maximum
			}
			rk.Controls = p.selectControls(i, r, cat, cfg.ControlsPerRisk)
			a.Risks = append(a.Risks, rk)
		}
		p.Assessments = append(p.Assessments, a)
	}
	return p, nil
}

func newActivity(i, risks int) Activity {
	n := i + 1
	domain := domains[i%len(domains)]
	a := Activity{
		Addr:       fmt.Sprintf("a%d", n),
		Name:       fmt.Sprintf("%s %d", domain, n),
		Purposes:   []string{fmt.Sprintf("Run %s for unit %d", strings.ToLower(domain), n), "Keep the records the law requires"},
		LegalBasis: legalBases[i%len(legalBases)],
		Principals: []string{principals[i%len(principals)]},
		Volume:     1000 * (1 + (i*37)%250),
		Profiling:  i%7 == 0,
		Monitoring: i%11 == 0,
		Combined:   i%13 == 0,
		Owner:      fmt.Sprintf("team-%d", i%20+1),
		Role:       "controller",
	}
	if i%6 == 5 {
		a.Role = "processor"
		a.Controllers = []string{fmt.Sprintf("Client %d Ltd", i%5+1)}
	}
	if i%3 == 0 {
		a.Principals = append(a.Principals, principals[(i+1)%len(principals)])
	}
	for k := range 3 {
		a.Categories = append(a.Categories, piiKeys[(i+4*k)%len(piiKeys)])
	}
	// Storage and use always; the other stages on a share of the
	// activities. No more stages than risks, so that every declared stage
	// is assessed.
	want := []string{"storage", "use"}
	if i%2 == 0 {
		want = append(want, "collection")
	}
	if i%3 == 0 {
		want = append(want, "disposal")
	}
	if i%5 == 0 {
		want = append(want, "transfer")
	}
	if len(want) > risks {
		want = want[:risks]
	}
	for _, s := range catalog.Stages {
		for _, w := range want {
			if s == w {
				a.Stages = append(a.Stages, s)
			}
		}
	}
	return a
}

// controlOrder lists every built-in control once (ISO/IEC 29151 first,
// then ISO/IEC 27701), each next control treating the risk category that
// the controls so far treat least, so that even a few pii_control
// resources treat every category.
func controlOrder(set *catalog.Set, categories []string) ([]*catalog.Control, error) {
	var all []*catalog.Control
	byCategory := make([][]*catalog.Control, len(categories))
	for _, name := range []string{"iso29151", "iso27701"} {
		cat, err := set.Catalog(name)
		if err != nil {
			return nil, err
		}
		all = append(all, cat.Controls()...)
		for k, rc := range categories {
			byCategory[k] = append(byCategory[k], cat.Select(catalog.Filter{Treats: rc})...)
		}
	}
	seen := map[string]bool{}
	treated := make([]int, len(categories))
	var order []*catalog.Control
	for {
		// The least treated category that has a control left.
		best := -1
		for k := range categories {
			for len(byCategory[k]) > 0 && seen[byCategory[k][0].Ref()] {
				byCategory[k] = byCategory[k][1:]
			}
			if len(byCategory[k]) > 0 && (best < 0 || treated[k] < treated[best]) {
				best = k
			}
		}
		if best < 0 {
			break
		}
		c := byCategory[best][0]
		seen[c.Ref()] = true
		order = append(order, c)
		for k, rc := range categories {
			if c.TreatsCategory(rc) {
				treated[k]++
			}
		}
	}
	for _, c := range all {
		if !seen[c.Ref()] {
			seen[c.Ref()] = true
			order = append(order, c)
		}
	}
	if len(order) == 0 {
		return nil, errors.New("the built-in catalogs have no controls")
	}
	return order, nil
}

// selectControls picks up to k controls that treat the category and are in
// place for the activity: the ones scoped to the activity first, then
// organisation-wide ones, rotating so that every control gets used. No
// catalog control is selected twice for one risk.
func (p *Posture) selectControls(activity, r int, category string, k int) []int {
	var scoped, wide []int
	for j, c := range p.Controls {
		if !contains(c.Treats, category) {
			continue
		}
		switch {
		case len(c.Scope) == 0:
			wide = append(wide, j)
		case containsInt(c.Scope, activity):
			scoped = append(scoped, j)
		}
	}
	var picked []int
	refs := map[string]bool{}
	take := func(j int) {
		if len(picked) < k && !refs[p.Controls[j].Ref()] {
			refs[p.Controls[j].Ref()] = true
			picked = append(picked, j)
		}
	}
	for _, j := range scoped {
		take(j)
	}
	if n := len(wide); n > 0 {
		start := (activity*7 + r*3) % n
		for s := range n {
			take(wide[(start+s)%n])
		}
	}
	return picked
}

// Prediction is the coverage the provider is expected to compute.
type Prediction struct {
	Covered, Partial, Uncovered int
	// Warnings counts the assessment findings (under enforcement
	// "warning", gaps are warnings too); Errors should be zero.
	Warnings, Errors int
}

// Predict evaluates every assessment with the provider's own core, as the
// provider will at plan.
func (p *Posture) Predict(set *catalog.Set, today time.Time) Prediction {
	appetite, err := risk.ParseLevel(p.Config.Appetite)
	if err != nil {
		appetite = risk.Medium
	}
	severity := finding.Error
	if p.Config.Enforcement == "warning" {
		severity = finding.Warning
	}
	opt := coverage.Options{Catalog: set, Appetite: appetite, GapSeverity: severity, Today: today, DefaultCatalog: "iso29151"}
	ids := make([]string, len(p.Activities))
	for i, a := range p.Activities {
		ids[i] = activity.ID(a.Name)
	}
	var pr Prediction
	for _, as := range p.Assessments {
		act := p.Activities[as.Activity]
		ca := coverage.Assessment{Activity: coverage.Activity{ID: ids[as.Activity], Name: act.Name, Stages: act.Stages, Known: true}}
		for _, r := range as.Risks {
			cr := coverage.Risk{
				Name: r.Name, Category: r.Category, LifecycleStage: r.Stage, Likelihood: r.Likelihood, Impact: r.Impact,
				Treatment: coverage.TreatMitigate, ControlsKnown: true, AcceptanceKnown: true, Known: true,
				Rationale: riskRationale(r),
			}
			for _, j := range r.Controls {
				c := p.Controls[j]
				var scope []string
				for _, i := range c.Scope {
					scope = append(scope, ids[i])
				}
				cr.Controls = append(cr.Controls, coverage.Control{
					Ref: c.Ref(), Title: c.Title, Status: c.Status, Activities: scope, Treats: c.Treats, Reduces: c.Reduces, Known: true,
				})
			}
			ca.Risks = append(ca.Risks, cr)
		}
		res, fs := coverage.Evaluate(ca, opt)
		for _, rr := range res.Risks {
			switch rr.Coverage {
			case coverage.Covered:
				pr.Covered++
			case coverage.PartiallyCovered:
				pr.Partial++
			default:
				pr.Uncovered++
			}
		}
		for _, f := range fs {
			if f.Severity == finding.Error {
				pr.Errors++
			} else {
				pr.Warnings++
			}
		}
	}
	return pr
}

func riskRationale(r Risk) string {
	return fmt.Sprintf("Rated %s likelihood and %s impact in the %s stage review.", r.Likelihood, r.Impact, r.Stage)
}

// Write writes the configuration into dir and returns the file names. The
// files are formatted as terraform fmt would.
func (p *Posture) Write(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return nil, err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return nil, err
		}
	}
	files := []struct {
		name string
		body func(*emitter)
	}{
		{"main.tf", p.writeMain},
		{"activities.tf", p.writeActivities},
		{"controls.tf", p.writeControls},
		{"assessments.tf", p.writeAssessments},
	}
	var names []string
	for _, f := range files {
		e := &emitter{}
		f.body(e)
		if err := os.WriteFile(filepath.Join(dir, f.name), hclwrite.Format([]byte(e.b.String())), 0o644); err != nil {
			return nil, err
		}
		names = append(names, f.name)
	}
	return names, nil
}

func (p *Posture) header(e *emitter, what string) {
	e.line("# Generated by tools/posturegen (%s, %d activities, %d controls, %d risks per assessment, %d controls per risk): %s.",
		mode(p.Config.Baseline), p.Config.Activities, p.Config.Controls, p.Config.Risks, p.Config.ControlsPerRisk, what)
	e.line("# Do not edit: regenerate it.")
	e.line("")
}

func mode(baseline bool) string {
	if baseline {
		return "baseline"
	}
	return "posture"
}

func (p *Posture) writeMain(e *emitter) {
	p.header(e, "settings")
	e.open("terraform")
	e.attr("required_version", str(">= 1.8"))
	if !p.Config.Baseline {
		e.open("required_providers")
		e.open("pii =")
		e.attr("source", str("privacycode/pii"))
		e.close()
		e.close()
	}
	e.close()
	if p.Config.Baseline {
		return
	}
	e.line("")
	e.open(`provider "pii"`)
	e.attr("risk_appetite", str(p.Config.Appetite))
	e.attr("enforcement", str(p.Config.Enforcement))
	e.close()
}

func (p *Posture) writeActivities(e *emitter) {
	p.header(e, "processing activities")
	for i, a := range p.Activities {
		n := i + 1
		if p.Config.Baseline {
			e.open(`resource "terraform_data" %q`, a.Addr)
			e.open("input =")
		} else {
			e.open(`resource "pii_processing_activity" %q`, a.Addr)
		}
		e.attr("name", str(a.Name))
		e.attr("description", str(fmt.Sprintf("%s, as processed by unit %d.", a.Name, n)))
		e.attr("role", str(a.Role))
		if len(a.Controllers) > 0 {
			e.attr("controllers", strList(a.Controllers))
		}
		e.attr("owner", str(a.Owner))
		e.attr("purposes", strList(a.Purposes))
		e.attr("legal_basis", str(a.LegalBasis))
		e.attr("pii_categories", strList(a.Categories))
		e.attr("principals", strList(a.Principals))
		e.attr("volume", strconv.Itoa(a.Volume))
		e.attr("retention", str("P1Y"))
		e.attr("profiling", strconv.FormatBool(a.Profiling))
		e.attr("systematic_monitoring", strconv.FormatBool(a.Monitoring))
		e.attr("datasets_combined", strconv.FormatBool(a.Combined))
		for _, s := range a.Stages {
			systems := strList([]string{fmt.Sprintf(stageSystems[s], n)})
			if p.Config.Baseline {
				// Blocks become object (transfer: list of objects) values.
				if s == "transfer" {
					e.open("transfer = [")
					e.open("")
				} else {
					e.open("%s =", s)
				}
			} else {
				e.open("%s", s)
			}
			switch s {
			case "collection":
				e.attr("source", str("data_subject"))
			case "storage":
				e.attr("countries", strList([]string{"DE", "IE"}))
			case "transfer":
				e.attr("recipient", str(fmt.Sprintf("Analytics processor %d", n%9+1)))
				e.attr("recipient_role", str("processor"))
				e.attr("country", str("US"))
				e.attr("mechanism", str("scc"))
			case "disposal":
				e.attr("method", str("deletion"))
			}
			e.attr("systems", systems)
			e.close()
			if p.Config.Baseline && s == "transfer" {
				e.closeWith("]")
			}
		}
		if p.Config.Baseline {
			e.close()
		}
		e.close()
		e.line("")
	}
}

func (p *Posture) activityRef(i int) string {
	if p.Config.Baseline {
		return "terraform_data." + p.Activities[i].Addr
	}
	return "pii_processing_activity." + p.Activities[i].Addr
}

func (p *Posture) controlRef(j int) string {
	if p.Config.Baseline {
		return "terraform_data." + p.Controls[j].Addr
	}
	return "pii_control." + p.Controls[j].Addr
}

func (p *Posture) writeControls(e *emitter) {
	p.header(e, "controls")
	for _, c := range p.Controls {
		if p.Config.Baseline {
			e.open(`resource "terraform_data" %q`, c.Addr)
			e.open("input =")
		} else {
			e.open(`resource "pii_control" %q`, c.Addr)
		}
		e.attr("catalog", str(c.Catalog))
		e.attr("control_id", str(c.ID))
		e.attr("status", str(c.Status))
		e.attr("implementation", str(fmt.Sprintf("%s, put in place by the platform team.", c.Title)))
		e.attr("owner", str("security-office"))
		e.attr("evidence", strList([]string{fmt.Sprintf("https://wiki.example.com/controls/%s", strings.ReplaceAll(c.Ref(), ":", "/"))}))
		e.attr("last_reviewed", str("2026-01-15"))
		e.attr("review_interval", str("P1Y"))
		if len(c.Scope) > 0 {
			refs := make([]string, len(c.Scope))
			for k, i := range c.Scope {
				refs[k] = p.activityRef(i) + ".id"
			}
			e.attr("activities", list(refs))
		}
		if p.Config.Baseline {
			e.close()
		}
		e.close()
		e.line("")
	}
}

func (p *Posture) writeAssessments(e *emitter) {
	p.header(e, "risk assessments")
	for _, a := range p.Assessments {
		if p.Config.Baseline {
			e.open(`resource "terraform_data" %q`, a.Addr)
			e.open("input =")
		} else {
			e.open(`resource "pii_risk_assessment" %q`, a.Addr)
		}
		e.attr("activity", p.activityRef(a.Activity))
		e.attr("assessor", str("privacy-office"))
		e.attr("assessed_on", str("2026-02-01"))
		e.attr("next_review", str("2027-02-01"))
		e.attr("status", str("approved"))
		e.attr("approved_by", str("dpo"))
		e.open("risks = [")
		for _, r := range a.Risks {
			e.open("")
			e.attr("name", str(r.Name))
			e.attr("description", str(fmt.Sprintf("Risk of %s at the %s stage, harming the principals.", strings.ReplaceAll(r.Category, "_", " "), r.Stage)))
			e.attr("category", str(r.Category))
			e.attr("lifecycle_stage", str(r.Stage))
			e.attr("risk_source", str(riskSources[len(r.Name)%len(riskSources)]))
			e.attr("likelihood", str(r.Likelihood.String()))
			e.attr("impact", str(r.Impact.String()))
			e.attr("treatment", str("mitigate"))
			refs := make([]string, len(r.Controls))
			for k, j := range r.Controls {
				refs[k] = p.controlRef(j)
			}
			e.attr("controls", list(refs))
			e.attr("rationale", str(riskRationale(r)))
			e.closeWith("},")
		}
		e.closeWith("]")
		if p.Config.Baseline {
			e.close()
		}
		e.close()
		e.line("")
	}
}

// emitter writes HCL text; hclwrite.Format aligns and indents it after.
type emitter struct {
	b     strings.Builder
	depth int
}

func (e *emitter) line(format string, args ...any) {
	if format == "" {
		e.b.WriteString("\n")
		return
	}
	e.b.WriteString(strings.Repeat("  ", e.depth))
	fmt.Fprintf(&e.b, format, args...)
	e.b.WriteString("\n")
}

// open starts a block (`name {`), an object value (`name = {`) or, with an
// empty head, an object in a list (`{`).
func (e *emitter) open(format string, args ...any) {
	head := fmt.Sprintf(format, args...)
	switch {
	case head == "":
		e.line("{")
	case strings.HasSuffix(head, "["):
		e.line("%s", head)
	default:
		e.line("%s {", head)
	}
	e.depth++
}

func (e *emitter) close() { e.closeWith("}") }

func (e *emitter) closeWith(s string) {
	e.depth--
	e.line("%s", s)
}

func (e *emitter) attr(name, expr string) { e.line("%s = %s", name, expr) }

// str quotes s as an HCL string; the generator writes ASCII only, and
// escapes template sequences.
func str(s string) string {
	s = strings.ReplaceAll(s, "${", "$${")
	s = strings.ReplaceAll(s, "%{", "%%{")
	return strconv.Quote(s)
}

func strList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = str(s)
	}
	return list(q)
}

func list(exprs []string) string { return "[" + strings.Join(exprs, ", ") + "]" }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
