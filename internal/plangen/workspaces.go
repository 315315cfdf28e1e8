package plangen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// WorkspacesConfig says what GenerateWorkspaces generates.
type WorkspacesConfig struct {
	// Workspaces is the number of parts the infrastructure is generated
	// in: the most documents it can be split into.
	Workspaces int
	// ResourcesPerWorkspace are the resource instances of each part.
	ResourcesPerWorkspace int
	// Activities and Controls of the posture document.
	Activities, Controls int
}

// DefaultWorkspacesConfig is the size of BenchmarkVerifyManyDocuments and
// make bench-verify: 500 activities and 100 controls with 50 workspaces of
// 1,000 resources.
func DefaultWorkspacesConfig() WorkspacesConfig {
	return WorkspacesConfig{Workspaces: 50, ResourcesPerWorkspace: 1000, Activities: 500, Controls: 100}
}

// Resources is the number of resources of all the infrastructure
// documents together, however they are split.
func (c WorkspacesConfig) Resources() int { return c.Workspaces * c.ResourcesPerWorkspace }

// SystemsPerActivity are the storage systems each posture activity names.
const SystemsPerActivity = 4

// PostureLabel is the label of the posture document (posture.json).
const PostureLabel = "posture"

// Document is one generated document, as its file would give it.
type Document struct {
	// Label names the document in a run (ws00, or PostureLabel); Name is
	// its file name, the label with .json.
	Label, Name string
	Data        []byte
}

// WorkspaceSet is a posture and the infrastructure documents it names.
type WorkspaceSet struct {
	Posture Document
	// Infrastructure are the documents labelled ws00, ws01..., in order.
	Infrastructure []Document
}

// Documents are the posture, then the infrastructure documents.
func (s WorkspaceSet) Documents() []Document {
	return append([]Document{s.Posture}, s.Infrastructure...)
}

// postureControlIDs are ISO/IEC 29151 controls that policies of the
// built-in pack implement on AWS data stores.
var postureControlIDs = []string{"10.1.1", "10.1.2", "12.3.1", "9.1.1", "9.1.2", "12.4.1", "A.12"}

// GenerateWorkspaces returns the posture and docs infrastructure documents
// that hold the cfg.Workspaces parts together, cfg.Workspaces/docs
// consecutive parts in each: docs = cfg.Workspaces gives one document per
// part, docs = 1 all the resources in one document. docs must divide
// cfg.Workspaces.
func GenerateWorkspaces(cfg WorkspacesConfig, docs int) (WorkspaceSet, error) {
	switch {
	case cfg.Workspaces < 1 || cfg.ResourcesPerWorkspace < 1:
		return WorkspaceSet{}, fmt.Errorf("plangen: %d workspaces of %d resources: both must be at least 1", cfg.Workspaces, cfg.ResourcesPerWorkspace)
	case cfg.Activities < 1 || cfg.Controls < 0:
		return WorkspaceSet{}, fmt.Errorf("plangen: a posture of %d activities and %d controls: it needs at least one activity and no negative number of controls", cfg.Activities, cfg.Controls)
	case docs < 1 || cfg.Workspaces%docs != 0:
		return WorkspaceSet{}, fmt.Errorf("plangen: %d workspaces cannot be split into %d documents of as many workspaces", cfg.Workspaces, docs)
	}
	base, _, err := Generate(Config{Resources: cfg.ResourcesPerWorkspace})
	if err != nil {
		return WorkspaceSet{}, err
	}
	// Every part is the same plan under other names: what the posture
	// names is chosen once, from the part as Generate writes it.
	stores, keys := choices(cfg.ResourcesPerWorkspace)
	if len(stores) == 0 || len(keys) == 0 {
		return WorkspaceSet{}, fmt.Errorf("plangen: a workspace of %d resources has no data store or no KMS key for the posture to name", cfg.ResourcesPerWorkspace)
	}
	perDoc := cfg.Workspaces / docs
	label := func(part int) string { return workspaceLabel(part / perDoc) }

	set := WorkspaceSet{Posture: Document{Label: PostureLabel, Name: PostureLabel + ".json", Data: postureDocument(cfg, stores, keys, label)}}
	for d := range docs {
		group := make([][]byte, perDoc)
		for i := range group {
			group[i] = rename(base, partSuffix(d*perDoc+i))
		}
		data := group[0]
		if perDoc > 1 {
			if data, err = mergePlans(group); err != nil {
				return WorkspaceSet{}, err
			}
		}
		l := workspaceLabel(d)
		set.Infrastructure = append(set.Infrastructure, Document{Label: l, Name: l + ".json", Data: data})
	}
	return set, nil
}

func workspaceLabel(doc int) string { return fmt.Sprintf("ws%02d", doc) }

func partSuffix(part int) string { return fmt.Sprintf("_p%02d", part) }

// choices are the data stores and the KMS keys of a part of n resources
// that the plan does not delete, in address order (the document's): what
// the posture's activities and evidence name.
func choices(n int) (stores, keys []string) {
	p := newPlanner(n)
	p.plan()
	for _, in := range p.instanceList() {
		if in.b.op == opDelete {
			continue
		}
		switch typ := in.b.typ(); {
		case slices.Contains(DataStoreTypes, typ):
			stores = append(stores, in.address)
		case in.b.kind == kKMS:
			keys = append(keys, in.address)
		}
	}
	return stores, keys
}

// rename appends suffix to every name that Generate makes unique within a
// document only: resource names (orders_00123), module names (team_000),
// the pii_* resources' names (activity_0001) and the activities' and
// assessments' ids (pa- or ra- and 12 hex digits). Names in references,
// module addresses and the activities' systems change alike, so a renamed
// part is the same plan; the values that are no names (ARNs, tags) stay.
// Bytes, not JSON: a part is a few MB and there may be many.
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

// planJSON is the top level of a generated document, its resource lists
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
			return nil, fmt.Errorf("plangen: part %d: %w", i, err)
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
				return nil, fmt.Errorf("plangen: part %d: module %s is in two parts", i, name)
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
// Generate writes them; decoding the whole object would cost seconds.
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
// resources, each naming SystemsPerActivity data stores of one part as
// its storage systems, qualified with the label of the document that
// holds the part, and cfg.Controls implemented pii_control resources: the
// first of each control id organisation-wide, the others scoped to a few
// activities, with a policy, a qualified KMS key and now and then an
// unqualified one as evidence.
func postureDocument(cfg WorkspacesConfig, stores, keys []string, label func(part int) string) []byte {
	var resources []postureResource
	parts := cfg.Workspaces
	perPart := (cfg.Activities + parts - 1) / parts
	activityID := func(a int) string { return fmt.Sprintf("bench-activity-%04d", a) }
	for a := range cfg.Activities {
		part, j := a%parts, a/parts
		var storage []any
		for m := range SystemsPerActivity {
			n := m*perPart + j // spread over the part's stores, of every type
			s := stores[n*len(stores)/(perPart*SystemsPerActivity)%len(stores)]
			storage = append(storage, label(part)+":"+string(rename([]byte(s), partSuffix(part))))
		}
		resources = append(resources, postureResource{typ: typeNames[kActivity], name: fmt.Sprintf("activity_%04d", a), values: map[string]any{
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
		part := c % parts
		key := string(rename([]byte(keys[(c/parts)%len(keys)]), partSuffix(part)))
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
		resources = append(resources, postureResource{typ: typeNames[kControl], name: fmt.Sprintf("control_%03d", c), values: map[string]any{
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
	var planned, changes, blocks []any
	for _, r := range resources {
		address := r.typ + "." + r.name
		planned = append(planned, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name,
			"provider_name": piiProvider, "schema_version": 0, "values": r.values, "sensitive_values": map[string]any{}})
		changes = append(changes, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name, "provider_name": piiProvider,
			"change": map[string]any{"actions": []any{"create"}, "before": nil, "after": r.values, "after_unknown": map[string]any{},
				"before_sensitive": false, "after_sensitive": map[string]any{}}})
		blocks = append(blocks, map[string]any{"address": address, "mode": "managed", "type": r.typ, "name": r.name,
			"provider_config_key": "pii", "expressions": map[string]any{}, "schema_version": 0})
	}
	doc := map[string]any{
		"format_version": "1.2", "terraform_version": terraformVersion,
		"planned_values":   map[string]any{"root_module": map[string]any{"resources": planned}},
		"resource_changes": changes,
		"configuration": map[string]any{
			"provider_config": map[string]any{"pii": map[string]any{"name": "pii", "full_name": piiProvider,
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
