package verification

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/privacycode/terraform-provider-pii/internal/engine"
	"github.com/privacycode/terraform-provider-pii/internal/plangen"
	"github.com/privacycode/terraform-provider-pii/internal/policy"
	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/policies"
)

// The documents of BenchmarkVerifyManyDocuments: a posture of many
// activities checked with the infrastructure of many workspaces, against
// the same resources in one document. The infrastructure is Parts plangen
// documents whose names are made distinct (renamed), so that merging
// groups of them gives fewer, larger documents of exactly the same
// resources: docs=1, 10 and 50 differ only in how the resources are split.
type manyDocsConfig struct {
	// Resources in all the infrastructure documents together; Parts
	// (the most documents compared) must divide it.
	Resources, Parts int
	// Activities and Controls of the posture document.
	Activities, Controls int
}

// The sizes: 500 activities with 50 documents of 1,000 resources.
var manyDocs = manyDocsConfig{Resources: 50000, Parts: 50, Activities: 500, Controls: 100}

// systemsPerActivity are the storage systems each posture activity names.
const systemsPerActivity = 4

// postureControlIDs are ISO/IEC 29151 controls that policies of the
// built-in pack implement on AWS data stores, so that the posture's
// controls are verified or contradicted, not merely unverified.
var postureControlIDs = []string{"10.1.1", "10.1.2", "12.3.1", "9.1.1", "9.1.2", "12.4.1", "A.12"}

// Flags of TestWriteManyDocuments, which make bench-verify runs to write
// the same documents as files for the check command. The sizes apply to
// the benchmark too: -args -verify.resources 5000 shows the cost per
// document, which 50,000 resources hide.
var (
	manyDocsOut   = flag.String("verify.many-docs", "", "write the documents of BenchmarkVerifyManyDocuments under `DIR` (TestWriteManyDocuments)")
	manyDocsSplit = flag.String("verify.docs", "1,50", "with -verify.many-docs: the `COUNTS` of infrastructure documents to write, comma-separated; the largest is the number of parts")
	manyDocsSize  = flag.Int("verify.resources", manyDocs.Resources, "the resources of all the infrastructure documents together")
	manyDocsActs  = flag.Int("verify.activities", manyDocs.Activities, "the posture's activities")
	manyDocsCtls  = flag.Int("verify.controls", manyDocs.Controls, "the posture's controls")
)

// benchDoc is one document of a run, as its file would give it.
type benchDoc struct {
	Label, Name string
	Data        []byte
}

// manyDocuments returns the posture document, then docs infrastructure
// documents labelled ws00, ws01... that hold cfg.Resources resources
// together.
func manyDocuments(cfg manyDocsConfig, docs int) ([]benchDoc, error) {
	if cfg.Parts < 1 || docs < 1 || cfg.Parts%docs != 0 || cfg.Resources%cfg.Parts != 0 || cfg.Resources/cfg.Parts < 1 {
		return nil, fmt.Errorf("%d resources in %d parts cannot be split into %d documents", cfg.Resources, cfg.Parts, docs)
	}
	base, _, err := plangen.Generate(plangen.Config{Resources: cfg.Resources / cfg.Parts})
	if err != nil {
		return nil, err
	}
	// Every part is the same plan under other names: what the posture
	// names is chosen once, from the part as plangen wrote it.
	doc, err := tfplan.Read("part.json", base)
	if err != nil {
		return nil, err
	}
	stores, keys := choices(doc)
	if len(stores) == 0 || len(keys) == 0 {
		return nil, fmt.Errorf("a part of %d resources has no data store or no KMS key to name", cfg.Resources/cfg.Parts)
	}
	perDoc := cfg.Parts / docs
	label := func(part int) string { return fmt.Sprintf("ws%02d", part/perDoc) }

	out := []benchDoc{{Label: "posture", Name: "posture.json", Data: postureDocument(cfg, stores, keys, label)}}
	for d := range docs {
		group := make([][]byte, perDoc)
		for i := range group {
			group[i] = rename(base, partSuffix(d*perDoc+i))
		}
		data := group[0]
		if perDoc > 1 {
			if data, err = mergePlans(group); err != nil {
				return nil, err
			}
		}
		l := label(d * perDoc)
		out = append(out, benchDoc{Label: l, Name: l + ".json", Data: data})
	}
	return out, nil
}

func partSuffix(part int) string { return fmt.Sprintf("_p%02d", part) }

// choices are the data stores and the KMS keys of a part, in document
// (address) order: what the posture's activities and evidence name.
func choices(doc *tfplan.Document) (stores, keys []string) {
	for _, r := range doc.Resources {
		if r.Mode != "managed" || r.Operation == tfplan.OpDelete {
			continue
		}
		switch {
		case slices.Contains(plangen.DataStoreTypes, r.Type):
			stores = append(stores, r.Address)
		case r.Type == "aws_kms_key":
			keys = append(keys, r.Address)
		}
	}
	return stores, keys
}

// rename appends suffix to every name that plangen makes unique within a
// document only: resource names (orders_00123), module names (team_000),
// the pii_* resources' names (activity_0001) and the activities' and
// assessments' ids (pa- or ra- and 12 hex digits). Names in references,
// module addresses and the activities' systems change alike, so a renamed
// part is the same plan; the values that are no names (ARNs, tags) stay.
// Bytes, not JSON: a generated part is a few MB and there are 50 of them.
func rename(data []byte, suffix string) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	last := 0
	for i := 1; i < len(data); i++ {
		switch c := data[i]; {
		case c == '_' && isLower(data[i-1]):
			j := i + 1
			for j < len(data) && isDigit(data[j]) {
				j++
			}
			if n := j - i - 1; n >= 3 && n <= 5 && (j == len(data) || !isWord(data[j])) {
				out = append(append(out, data[last:j]...), suffix...)
				last, i = j, j-1
			}
		case c == '"' && i+16 < len(data) && (data[i+1] == 'p' || data[i+1] == 'r') && data[i+2] == 'a' && data[i+3] == '-' &&
			data[i+16] == '"' && isHex(data[i+4:i+16]):
			out = append(append(out, data[last:i+16]...), suffix...)
			last, i = i+16, i+16
		}
	}
	return append(out, data[last:]...)
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isWord(c byte) bool  { return isLower(c) || isDigit(c) || c == '_' || (c >= 'A' && c <= 'Z') }

func isHex(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// planJSON is the top level of a plangen document, its resource lists
// kept as raw JSON: merging moves them, it never looks inside.
type planJSON struct {
	FormatVersion    string          `json:"format_version"`
	TerraformVersion string          `json:"terraform_version"`
	Variables        json.RawMessage `json:"variables"`
	PlannedValues    struct {
		RootModule moduleJSON `json:"root_module"`
	} `json:"planned_values"`
	ResourceChanges []json.RawMessage `json:"resource_changes"`
	PriorState      struct {
		FormatVersion    string `json:"format_version"`
		TerraformVersion string `json:"terraform_version"`
		Values           struct {
			RootModule moduleJSON `json:"root_module"`
		} `json:"values"`
	} `json:"prior_state"`
	Configuration struct {
		ProviderConfig json.RawMessage `json:"provider_config"`
		RootModule     struct {
			Resources   []json.RawMessage          `json:"resources"`
			ModuleCalls map[string]json.RawMessage `json:"module_calls"`
			Variables   json.RawMessage            `json:"variables"`
		} `json:"root_module"`
	} `json:"configuration"`
	Timestamp string `json:"timestamp"`
	Applyable bool   `json:"applyable"`
	Complete  bool   `json:"complete"`
	Errored   bool   `json:"errored"`
}

type moduleJSON struct {
	Resources    []json.RawMessage `json:"resources"`
	ChildModules []json.RawMessage `json:"child_modules,omitempty"`
}

// mergePlans merges renamed parts into one document with every resource,
// module and module call of each, in address order as terraform writes
// them. The parts share their variables and provider configurations.
func mergePlans(parts [][]byte) ([]byte, error) {
	var all planJSON
	for i, data := range parts {
		var p planJSON
		if err := json.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("part %d: %w", i, err)
		}
		if i == 0 {
			all = p
			all.Configuration.RootModule.ModuleCalls = map[string]json.RawMessage{}
		} else {
			all.PlannedValues.RootModule.add(p.PlannedValues.RootModule)
			all.PriorState.Values.RootModule.add(p.PriorState.Values.RootModule)
			all.ResourceChanges = append(all.ResourceChanges, p.ResourceChanges...)
			all.Configuration.RootModule.Resources = append(all.Configuration.RootModule.Resources, p.Configuration.RootModule.Resources...)
		}
		for name, call := range p.Configuration.RootModule.ModuleCalls {
			if _, dup := all.Configuration.RootModule.ModuleCalls[name]; dup {
				return nil, fmt.Errorf("part %d: module %s is in two parts", i, name)
			}
			all.Configuration.RootModule.ModuleCalls[name] = call
		}
	}
	for _, list := range [][]json.RawMessage{
		all.PlannedValues.RootModule.Resources, all.PlannedValues.RootModule.ChildModules,
		all.PriorState.Values.RootModule.Resources, all.PriorState.Values.RootModule.ChildModules,
		all.ResourceChanges, all.Configuration.RootModule.Resources,
	} {
		slices.SortStableFunc(list, func(a, b json.RawMessage) int { return strings.Compare(addressOf(a), addressOf(b)) })
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(all); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (m *moduleJSON) add(o moduleJSON) {
	m.Resources = append(m.Resources, o.Resources...)
	m.ChildModules = append(m.ChildModules, o.ChildModules...)
}

// addressOf is the address a resource or module object starts with, as
// plangen writes them; decoding the whole object would cost seconds.
func addressOf(raw json.RawMessage) string {
	const prefix = `{"address":"`
	if rest, ok := bytes.CutPrefix(raw, []byte(prefix)); ok {
		if end := bytes.IndexByte(rest, '"'); end >= 0 {
			return string(rest[:end])
		}
	}
	var v struct {
		Address string `json:"address"`
	}
	_ = json.Unmarshal(raw, &v)
	return v.Address
}

// postureDocument is a plan of cfg.Activities pii_processing_activity
// resources, each naming systemsPerActivity data stores of one part as
// its storage systems, qualified with the label of the document that
// holds the part, and cfg.Controls implemented pii_control resources: the
// first of each control id organisation-wide, the others scoped to a few
// activities, with a policy, a qualified KMS key and now and then an
// unqualified one as evidence.
func postureDocument(cfg manyDocsConfig, stores, keys []string, label func(part int) string) []byte {
	var resources []postureResource
	perPart := (cfg.Activities + cfg.Parts - 1) / cfg.Parts
	activityID := func(a int) string { return fmt.Sprintf("bench-activity-%04d", a) }
	for a := range cfg.Activities {
		part, j := a%cfg.Parts, a/cfg.Parts
		var storage []any
		for m := range systemsPerActivity {
			n := m*perPart + j // spread over the part's stores, of every type
			s := stores[n*len(stores)/(perPart*systemsPerActivity)%len(stores)]
			storage = append(storage, label(part)+":"+string(rename([]byte(s), partSuffix(part))))
		}
		resources = append(resources, postureResource{typ: systems.ActivityType, name: fmt.Sprintf("activity_%04d", a), values: map[string]any{
			"collection":                 map[string]any{"source": "data_subject", "systems": []any{"web_frontend"}},
			"datasets_combined":          false,
			"description":                "Customer data of workspace " + label(part) + ".",
			"disposal":                   map[string]any{"method": "deletion", "systems": nil},
			"id":                         activityID(a),
			"legal_basis":                "contract",
			"lifecycle_stages":           []any{"collection", "storage", "use", "disposal"},
			"name":                       fmt.Sprintf("Activity %04d", a),
			"owner":                      "Head of Engineering",
			"pia_required":               false,
			"pia_triggers":               []any{},
			"pii_categories":             []any{"identifiers.name", "contact.email"},
			"principals":                 []any{"customer"},
			"profiling":                  false,
			"purposes":                   []any{"Provide the service the customer ordered"},
			"retention":                  "P1Y",
			"role":                       "controller",
			"sensitivity":                "medium",
			"special_categories":         false,
			"special_category_condition": nil,
			"storage":                    map[string]any{"countries": []any{"IE"}, "systems": storage},
			"transfer":                   []any{},
			"use":                        map[string]any{"systems": []any{"app_backend"}},
			"volume":                     50000,
		}})
	}
	scoped := max(cfg.Controls-len(postureControlIDs), 1)
	for c := range cfg.Controls {
		id := postureControlIDs[c%len(postureControlIDs)]
		part := c % cfg.Parts
		key := string(rename([]byte(keys[(c/cfg.Parts)%len(keys)]), partSuffix(part)))
		evidence := []any{"ISMS-POL-" + id, label(part) + ":" + key}
		if c%10 == 0 {
			evidence = append(evidence, key)
		}
		var activities any
		if c >= len(postureControlIDs) {
			// Consecutive activities, so those of one control are in
			// several documents.
			s := c - len(postureControlIDs)
			ids := []any{activityID(s * cfg.Activities / scoped)}
			for a := s*cfg.Activities/scoped + 1; a < (s+1)*cfg.Activities/scoped; a++ {
				ids = append(ids, activityID(a))
			}
			activities = ids
		}
		resources = append(resources, postureResource{typ: "pii_control", name: fmt.Sprintf("control_%03d", c), values: map[string]any{
			"activities":      activities,
			"catalog":         "iso29151",
			"control_id":      id,
			"evidence":        evidence,
			"id":              "iso29151:" + id,
			"implementation":  "Enforced by the platform's Terraform modules.",
			"justification":   nil,
			"last_reviewed":   "2025-09-15",
			"owner":           "Security team",
			"principle":       "information_security",
			"reduces":         "likelihood",
			"review_due":      "2099-09-15",
			"review_interval": "P1Y",
			"role":            "controller",
			"status":          "implemented",
			"treats":          []any{"illegitimate_access", "data_loss"},
		}})
	}
	return planOf(resources)
}

type postureResource struct {
	typ, name string
	values    map[string]any
}

// planOf writes the resources as a plan that creates them: planned_values,
// resource_changes and the configuration's blocks and pii provider, as
// terraform show -json does (see internal/report/testdata/complete-plan.json).
func planOf(resources []postureResource) []byte {
	const provider = "registry.terraform.io/privacycode/pii"
	var planned, changes, blocks []any
	for _, r := range resources {
		address := r.typ + "." + r.name
		planned = append(planned, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name,
			"provider_name": provider, "schema_version": 0, "values": r.values, "sensitive_values": map[string]any{}})
		changes = append(changes, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name, "provider_name": provider,
			"change": map[string]any{"actions": []any{"create"}, "before": nil, "after": r.values, "after_unknown": map[string]any{},
				"before_sensitive": false, "after_sensitive": map[string]any{}}})
		blocks = append(blocks, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name,
			"provider_config_key": "pii", "expressions": map[string]any{}, "schema_version": 0})
	}
	doc := map[string]any{
		"format_version": "1.2", "terraform_version": "1.9.8",
		"planned_values":   map[string]any{"root_module": map[string]any{"resources": planned}},
		"resource_changes": changes,
		"configuration": map[string]any{
			"provider_config": map[string]any{"pii": map[string]any{"name": "pii", "full_name": provider,
				"expressions": map[string]any{"risk_appetite": map[string]any{"constant_value": "medium"}}}},
			"root_module": map[string]any{"resources": blocks},
		},
		"timestamp": "2025-01-01T00:00:00Z", "applyable": true, "complete": true, "errored": false,
	}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err) // maps of strings, numbers and lists always marshal
	}
	return b
}

// builtinPack parses the embedded pack as the check command does.
func builtinPack(tb testing.TB) *policy.Pack {
	tb.Helper()
	var sources []policy.Source
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, policy.PolicySuffix) {
			return err
		}
		b, err := policies.FS.ReadFile(p)
		sources = append(sources, policy.Source{Filename: "<builtin>/" + p, Bytes: b})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	pack, diags := policy.Parse(sources...)
	if diags.HasErrors() {
		tb.Fatal(diags.Error())
	}
	return pack
}

// manyDocsSummary is what every split must conclude alike: the counts of
// results by policy and status, of claims and of control statuses.
var manyDocsSummary string

func summarize(report *results.Report, outcome *Outcome, named *systems.Resolution) string {
	counts := map[string]int{}
	for _, r := range report.Results {
		counts[r.Policy.Name+" "+string(r.Status)]++
	}
	for _, c := range outcome.Controls {
		counts["control "+c.Status]++
	}
	counts["claims"], counts["not found"], counts["ambiguous"] = len(named.Claims), len(named.NotFound), len(named.Ambiguous)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %d\n", k, counts[k])
	}
	return b.String()
}

// BenchmarkVerifyManyDocuments checks a posture of 500 activities with
// 50,000 generated AWS resources in 1, 10 and 50 documents: the pipeline
// of the check command (systems.Resolve, the built-in pack, posture.Read,
// Verify and Add) over documents read once, outside the timing. The issue's
// target: docs=50 within 1.2x of docs=1. make bench-verify times the
// command itself, reading included.
func BenchmarkVerifyManyDocuments(b *testing.B) {
	pack := builtinPack(b)
	cfg := manyDocsConfig{Resources: *manyDocsSize, Parts: manyDocs.Parts, Activities: *manyDocsActs, Controls: *manyDocsCtls}
	for _, n := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			files, err := manyDocuments(cfg, n)
			if err != nil {
				b.Fatal(err)
			}
			var docs []*tfplan.Document
			addresses := map[string]bool{}
			infra := 0
			for _, f := range files {
				d, err := tfplan.Read(f.Name, f.Data)
				if err != nil {
					b.Fatal(err)
				}
				d.Label = f.Label
				docs = append(docs, d)
				if f.Label == "posture" {
					continue
				}
				for _, r := range d.Resources {
					addresses[r.Address] = true
				}
				infra += len(d.Resources)
			}
			if infra != cfg.Resources || len(addresses) != infra {
				b.Fatalf("%d resources, %d distinct addresses, want %d distinct", infra, len(addresses), cfg.Resources)
			}
			eng, err := engine.New(pack, engine.Options{})
			if err != nil {
				b.Fatal(err)
			}
			// Not the setup's garbage (the merge's copies of the parts) in
			// the timing.
			runtime.GC()
			b.ReportAllocs()
			var report *results.Report
			var outcome *Outcome
			var named *systems.Resolution
			for b.Loop() {
				named = systems.Resolve(docs)
				report = eng.CheckResolved(docs, named)
				p, err := posture.Read(docs, posture.Options{})
				if err != nil {
					b.Fatal(err)
				}
				outcome, err = Verify(Input{Documents: docs, Posture: p, Check: report, Systems: named})
				if err != nil {
					b.Fatal(err)
				}
				outcome.Add(report, docs)
			}
			if len(named.NotFound) > 0 || len(named.Ambiguous) > 0 {
				b.Fatalf("%d systems not found (%v), %d ambiguous", len(named.NotFound), named.NotFound[:min(3, len(named.NotFound))], len(named.Ambiguous))
			}
			// The split must change the cost only, never the conclusions.
			if s := summarize(report, outcome, named); manyDocsSummary == "" {
				manyDocsSummary = s
			} else if s != manyDocsSummary {
				b.Errorf("docs=%d concludes otherwise than the first split:\n%s\nfirst:\n%s", n, s, manyDocsSummary)
			}
			b.ReportMetric(float64(infra), "resources/op")
			b.ReportMetric(float64(len(report.Results)), "results/op")
		})
	}
}

// TestWriteManyDocuments writes the documents of the benchmark as files,
// for make bench-verify (scripts/bench-verify.sh) to check with the
// command: DIR/docs-N/posture.json and ws00.json... for each count of
// -verify.docs. It does nothing without -verify.many-docs, so plain test
// runs stay fast.
func TestWriteManyDocuments(t *testing.T) {
	if *manyDocsOut == "" {
		t.Skip("writes benchmark documents only when given -verify.many-docs DIR")
	}
	var counts []int
	for _, s := range strings.Split(*manyDocsSplit, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			t.Fatalf("-verify.docs %q: want positive whole numbers, comma-separated", *manyDocsSplit)
		}
		counts = append(counts, n)
	}
	cfg := manyDocsConfig{Resources: *manyDocsSize, Parts: slices.Max(counts), Activities: *manyDocsActs, Controls: *manyDocsCtls}
	for _, n := range counts {
		files, err := manyDocuments(cfg, n)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(*manyDocsOut, fmt.Sprintf("docs-%d", n))
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		size := 0
		for _, f := range files {
			size += len(f.Data)
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: the posture and %d infrastructure document(s) of %d resources in all (%.1f MB)", dir, n, cfg.Resources, float64(size)/1e6)
	}
}
