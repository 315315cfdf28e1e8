// Package plangen writes large, realistic plan documents, as
// `terraform show -json` writes them (format_version 1.2), for measuring
// how the policy engine scales (make bench-policy, BenchmarkCheck in
// internal/engine).
//
// A document of N resources has exactly N resource instances in
// resource_changes, of about a dozen AWS types in the proportions of a
// real estate: S3 buckets with their split resources
// (aws_s3_bucket_server_side_encryption_configuration, _versioning,
// _public_access_block and _lifecycle_configuration, whose configuration
// references their bucket), aws_db_instance, aws_rds_cluster,
// aws_dynamodb_table, aws_ebs_volume, aws_cloudwatch_log_group,
// aws_sqs_queue, aws_sns_topic (the data stores), and aws_kms_key,
// aws_iam_role, aws_instance (some with count) and aws_cloudtrail. A third
// of the resources are in child modules. About one resource in a hundred
// is a pii_processing_activity, pii_control or pii_risk_assessment.
//
// Exactly a fifth of the data stores (rounded down) hold PII: most are
// tagged data_classification = "pii", and one in four is instead named
// among the storage systems of a pii_processing_activity. Other data
// stores carry another classification, or none. Nothing else in the
// document makes a data store hold PII: data stores never refer to one
// another, and a trail's bucket and log group are never PII-bearing.
//
// Each resource has the attributes its AWS provider schema gives it, with
// the overlays terraform writes: on create (and replace) the computed
// attributes (id, arn, endpoints...) and references to new resources are
// unknown (after_unknown), database passwords are sensitive
// (after_sensitive), some of them also unknown (from random_password).
// Updates and replacements carry a before and before_sensitive,
// no-op resources the same values before and after; about two resources
// in five are already in the state (prior_state). planned_values repeats
// the planned values, as terraform does, and configuration records every
// resource block's expressions with their references. Resources are in
// address order in every section, as terraform writes them.
//
// A share of the resources break the rules a privacy policy pack checks
// (PII buckets encrypted with AES256 instead of KMS, short passwords,
// unencrypted volumes, activities that need an assessment and have none),
// so that a check yields every status.
//
// The output is deterministic: the same Config always gives the same
// bytes.
//
// GenerateWorkspaces writes one posture checked with the infrastructure of
// many workspaces, for measuring how verifying a posture scales with the
// number of documents (make bench-verify, BenchmarkVerifyManyDocuments in
// internal/verification). The infrastructure is WorkspacesConfig.Workspaces
// parts, each a document of ResourcesPerWorkspace resources as Generate
// writes it, under names made distinct by a suffix per part (_p00,
// _p01...): resource and module names, the pii_* resources' names and the
// activities' and assessments' ids, with every reference to them. Merging
// consecutive parts gives fewer, larger documents of exactly the same
// resources, so that one document and one per workspace differ only in
// how the resources are split. The posture is a plan of Activities
// pii_processing_activity resources, each naming SystemsPerActivity data
// stores of one part as its storage systems, qualified with the label of
// the document that holds the part (ws07:aws_s3_bucket...), and Controls
// implemented pii_control resources, organisation-wide or scoped to a few
// activities, whose evidence names the parts' KMS keys. The controls are
// ISO/IEC 29151 controls that policies of the built-in pack check on AWS
// data stores, so that they are verified or contradicted, not merely
// unverified. The same WorkspacesConfig and number of documents always
// give the same bytes.
package plangen

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Config says what to generate.
type Config struct {
	// Resources is the number of resource instances in resource_changes.
	Resources int
}

// Stats count what a generated document holds.
type Stats struct {
	// Resources are the resource instances of resource_changes.
	Resources int
	// ByType counts them by type.
	ByType map[string]int
	// DataStores are the instances of the DataStoreTypes.
	DataStores int
	// PII are the data stores that hold PII, Tagged (data_classification
	// = "pii") or Named (among a processing activity's storage systems).
	PII, Tagged, Named int
	// Modules is the number of child modules.
	Modules int
	// Bytes is the size of the document.
	Bytes int64
}

// DataStoreTypes are the types of resources that store data; a fifth of
// their resources hold PII.
var DataStoreTypes = []string{
	"aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table",
	"aws_ebs_volume", "aws_cloudwatch_log_group", "aws_sqs_queue", "aws_sns_topic",
}

// Generate returns a document and what it holds.
func Generate(cfg Config) ([]byte, Stats, error) {
	var b bytes.Buffer
	b.Grow(cfg.Resources * 3500)
	st, err := Write(&b, cfg)
	if err != nil {
		return nil, Stats{}, err
	}
	return b.Bytes(), st, nil
}

// Write writes a document to w.
func Write(w io.Writer, cfg Config) (Stats, error) {
	if cfg.Resources < 1 {
		return Stats{}, fmt.Errorf("plangen: the number of resources must be at least 1, not %d", cfg.Resources)
	}
	p := newPlanner(cfg.Resources)
	p.plan()
	cw := &countingWriter{w: w}
	dw := &writer{buf: bufio.NewWriterSize(cw, 1<<16)}
	p.write(dw)
	if err := dw.buf.Flush(); err != nil {
		return Stats{}, err
	}
	if cw.err != nil {
		return Stats{}, cw.err
	}
	st := p.stats()
	st.Bytes = cw.n
	return st, nil
}

type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// kind is a resource type the generator writes.
type kind int

const (
	kBucket kind = iota
	kSSE
	kVersioning
	kPublicAccessBlock
	kLifecycle
	kDBInstance
	kRDSCluster
	kDynamoDB
	kEBS
	kLogGroup
	kSQS
	kSNS
	kKMS
	kIAMRole
	kInstance
	kCloudTrail
	kActivity
	kControl
	kAssessment
	numKinds
)

var typeNames = [numKinds]string{
	"aws_s3_bucket", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
	"aws_s3_bucket_public_access_block", "aws_s3_bucket_lifecycle_configuration",
	"aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table", "aws_ebs_volume", "aws_cloudwatch_log_group",
	"aws_sqs_queue", "aws_sns_topic", "aws_kms_key", "aws_iam_role", "aws_instance", "aws_cloudtrail",
	"pii_processing_activity", "pii_control", "pii_risk_assessment",
}

func (k kind) pii() bool { return k >= kActivity }

// weights of the units the generator writes in turn (smooth weighted
// round robin): a bucket unit is the bucket and its split resources. The
// data stores' weights add up to 48, which 5 does not divide, so that the
// PII-bearing fifth falls on every store type alike.
var unitWeights = []struct {
	k kind
	w int
}{
	{kBucket, 5}, {kDBInstance, 4}, {kRDSCluster, 3}, {kDynamoDB, 7}, {kEBS, 8}, {kLogGroup, 9}, {kSQS, 7}, {kSNS, 5},
	{kKMS, 8}, {kIAMRole, 8}, {kInstance, 6}, {kCloudTrail, 1},
}

// Operations.
const (
	opCreate  = "create"
	opUpdate  = "update"
	opNoOp    = "no-op"
	opReplace = "replace"
	opDelete  = "delete"
)

// block is a resource block of the configuration, with its instances.
type block struct {
	ord    int // order of creation, seeds its variations
	h      uint64
	kind   kind
	module string // "" for the root module, else the call's name
	name   string
	count  int // instances by count; 0: one instance, without an index
	op     string

	// Data stores.
	store, pii, named bool
	class             string // data_classification tag, "" for none

	// What its configuration references, in the same module.
	key, role, bucket, logGroup *block

	// Processing activities: the storage systems they name, and whether
	// they need an assessment.
	systems     []string
	piaRequired bool
	// Controls and assessments: the activity, and an assessment's
	// controls.
	activity *block
	controls []*block
}

// isNew is true when the block's values are new at apply: computed
// attributes and references to it are unknown.
func (b *block) isNew() bool { return b.op == opCreate || b.op == opReplace }

func (b *block) typ() string { return typeNames[b.kind] }

func (b *block) localAddress() string { return b.typ() + "." + b.name }

// moduleAddress is "module.NAME", or "" in the root module.
func (b *block) moduleAddress() string {
	if b.module == "" {
		return ""
	}
	return "module." + b.module
}

func (b *block) configAddress() string {
	if b.module == "" {
		return b.localAddress()
	}
	return b.moduleAddress() + "." + b.localAddress()
}

func (b *block) instances() int { return max(b.count, 1) }

func (b *block) address(i int) string {
	a := b.configAddress()
	if b.count > 0 {
		a += "[" + strconv.Itoa(i) + "]"
	}
	return a
}

// chance is true for about percent of the blocks, independently for each
// salt.
func (b *block) chance(salt uint64, percent int) bool {
	return int(mix(b.h^salt*0x9E3779B97F4A7C15)%100) < percent
}

// pick returns one of n choices.
func (b *block) pick(salt uint64, n int) int {
	return int(mix(b.h^salt*0xBF58476D1CE4E5B9) % uint64(n))
}

// mix is splitmix64's finaliser.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// instance is one resource instance of the document.
type instance struct {
	b       *block
	index   int
	address string
}

// planner decides every block of the document.
type planner struct {
	target    int
	instances int // so far
	blocks    []*block
	current   []int // smooth weighted round robin state

	unit             int
	stores, piiCount int
	pending          []string // systems waiting for an activity
	activities       int
	controls         []*block

	// The module being filled, and the latest blocks of it that others
	// refer to: any, and those already in the state (which a resource
	// already in the state may refer to).
	module                   string
	modules                  []string
	key, oldKey              *block
	role, oldRole            *block
	trailBucket, oldTrailBkt *block
	logGroup, oldLogGroup    *block
}

func newPlanner(n int) *planner {
	return &planner{target: n, current: make([]int, len(unitWeights))}
}

// unitsPerModuleRun is how many units go into the root module or one
// child module before the next.
const unitsPerModuleRun = 40

func (p *planner) plan() {
	for p.instances < p.target {
		remaining := p.target - p.instances
		if len(p.pending) > 0 && (len(p.pending) >= 4 || remaining == 1) {
			p.activityGroup(remaining)
			continue
		}
		reserve := 0
		if len(p.pending) > 0 {
			reserve = 1 // for the activity that will name them
		}
		p.enterModule()
		p.addUnit(p.nextKind(), remaining-reserve)
		p.unit++
	}
}

// enterModule starts a new run of units every unitsPerModuleRun units:
// runs go to the root module and to child modules in turn, a third of
// them to child modules. A run refers only to its own keys, roles, buckets
// and log groups.
func (p *planner) enterModule() {
	if p.unit%unitsPerModuleRun != 0 {
		return
	}
	run := p.unit / unitsPerModuleRun
	p.module = ""
	if run%3 == 1 {
		p.module = fmt.Sprintf("team_%03d", run/3)
		p.modules = append(p.modules, p.module)
	}
	p.key, p.oldKey, p.role, p.oldRole = nil, nil, nil, nil
	p.trailBucket, p.oldTrailBkt, p.logGroup, p.oldLogGroup = nil, nil, nil, nil
}

// nextKind is smooth weighted round robin over unitWeights.
func (p *planner) nextKind() kind {
	total, best := 0, 0
	for i, u := range unitWeights {
		p.current[i] += u.w
		total += u.w
		if p.current[i] > p.current[best] {
			best = i
		}
	}
	p.current[best] -= total
	return unitWeights[best].k
}

func (p *planner) newBlock(k kind, name string) *block {
	ord := len(p.blocks)
	b := &block{ord: ord, h: mix(uint64(ord) + 1), kind: k, module: p.module, name: name}
	if k.pii() {
		b.module = ""
	}
	p.blocks = append(p.blocks, b)
	return b
}

func (p *planner) add(b *block) {
	p.instances += b.instances()
}

var nameWords = [numKinds][]string{
	kBucket:     {"orders", "invoices", "uploads", "media", "exports", "backups", "analytics", "profiles", "receipts", "reports", "archive", "datasets"},
	kDBInstance: {"customers", "orders", "billing", "identity", "crm", "loyalty", "payments", "inventory", "support", "payroll"},
	kRDSCluster: {"accounts", "ledger", "catalog", "sessions", "events", "bookings"},
	kDynamoDB:   {"carts", "sessions", "preferences", "consents", "devices", "notifications", "tokens", "wishlists"},
	kEBS:        {"data", "scratch", "db", "cache", "index", "spool"},
	kLogGroup:   {"api", "checkout", "auth", "worker", "frontend", "batch", "audit", "search"},
	kSQS:        {"signups", "emails", "exports", "refunds", "shipments", "webhooks", "imports"},
	kSNS:        {"alerts", "order_events", "marketing", "account_events", "incidents"},
	kKMS:        {"data", "logs", "backups", "app", "secrets"},
	kIAMRole:    {"app", "worker", "rds_monitoring", "lambda", "ci", "trail_logs", "backup"},
	kInstance:   {"web", "worker", "bastion", "batch", "api"},
	kCloudTrail: {"audit"},
}

func (p *planner) name(b kind, salt int) string {
	words := nameWords[b]
	return fmt.Sprintf("%s_%05d", words[int(mix(uint64(salt)+7)%uint64(len(words)))], salt)
}

// addUnit adds a unit of kind k of at most room instances.
func (p *planner) addUnit(k kind, room int) {
	ord := len(p.blocks)
	switch k {
	case kBucket:
		p.bucketUnit(room)
	case kInstance:
		b := p.newBlock(k, p.name(k, ord))
		if b.chance(1, 30) && room >= 2 {
			b.count = 2
		}
		b.op = p.op(b)
		b.role = p.refRole(b)
		p.add(b)
	case kKMS:
		b := p.newBlock(k, p.name(k, ord))
		b.op = p.op(b)
		p.add(b)
		p.key = b
		if !b.isNew() {
			p.oldKey = b
		}
	case kIAMRole:
		b := p.newBlock(k, p.name(k, ord))
		b.op = p.op(b)
		p.add(b)
		p.role = b
		if !b.isNew() {
			p.oldRole = b
		}
	case kCloudTrail:
		b := p.newBlock(k, p.name(k, ord))
		b.op = p.op(b)
		if b.isNew() {
			b.bucket, b.logGroup = p.trailBucket, p.logGroup
		} else {
			b.bucket, b.logGroup = p.oldTrailBkt, p.oldLogGroup
		}
		b.key = p.refKey(b)
		b.role = p.refRole(b)
		p.add(b)
	default: // a data store on its own
		b := p.newBlock(k, p.name(k, ord))
		p.storeBlock(b, 1)
		b.op = p.op(b)
		b.key = p.refKey(b)
		if k == kDBInstance {
			b.role = p.refRole(b)
		}
		p.add(b)
		if k == kLogGroup && !b.pii {
			p.logGroup = b
			if !b.isNew() {
				p.oldLogGroup = b
			}
		}
	}
}

func (p *planner) refKey(b *block) *block {
	if b.isNew() {
		return p.key
	}
	return p.oldKey
}

func (p *planner) refRole(b *block) *block {
	if b.isNew() {
		return p.role
	}
	return p.oldRole
}

// bucketUnit adds a bucket and its split resources: always encryption and
// versioning, usually a public access block, often a lifecycle.
func (p *planner) bucketUnit(room int) {
	ord := len(p.blocks)
	bucket := p.newBlock(kBucket, p.name(kBucket, ord))
	parts := []kind{kSSE, kVersioning}
	if !bucket.chance(2, 15) {
		parts = append(parts, kPublicAccessBlock)
	}
	if bucket.chance(3, 60) {
		parts = append(parts, kLifecycle)
	}
	parts = parts[:min(len(parts), room-1)]
	p.storeBlock(bucket, 1+len(parts))
	bucket.op = p.op(bucket)
	p.add(bucket)
	if !bucket.pii {
		p.trailBucket = bucket
		if !bucket.isNew() {
			p.oldTrailBkt = bucket
		}
	}
	for _, k := range parts {
		b := p.newBlock(k, bucket.name)
		b.bucket = bucket
		b.h = mix(bucket.h + uint64(k))
		b.op = opCreate
		if !bucket.isNew() {
			b.op = []string{opNoOp, opNoOp, opNoOp, opUpdate, opCreate}[b.pick(4, 5)]
		}
		if k == kSSE {
			b.key = p.refKey(b)
		}
		p.add(b)
	}
}

// storeBlock decides whether a data store holds PII, and how it says so.
// size is the number of instances of its unit.
func (p *planner) storeBlock(b *block, size int) {
	b.store = true
	s := p.stores
	p.stores++
	if s%5 == 4 {
		b.pii = true
		n := p.piiCount
		p.piiCount++
		// One in four is named by an activity, when there is room left
		// for the activity.
		if n%4 == 1 && p.target-(p.instances+size) >= 1 {
			b.named = true
			p.pending = append(p.pending, b.configAddress())
			return
		}
		b.class = "pii"
		return
	}
	b.class = []string{"internal", "confidential", "public", "internal", ""}[b.pick(5, 5)]
}

// op decides a block's operation: most are created, a third are in the
// state already (no-op, update, a few replacements); only instances are
// deleted.
func (p *planner) op(b *block) string {
	r := b.pick(6, 100)
	switch {
	case r < 58:
		return opCreate
	case r < 84:
		return opNoOp
	case r < 95:
		return opUpdate
	case r < 98 || b.kind != kInstance:
		return opReplace
	default:
		return opDelete
	}
}

// activityGroup adds a processing activity naming the pending systems, and
// maybe a control scoped to it and an assessment of it, in at most room
// instances.
func (p *planner) activityGroup(room int) {
	n := p.activities
	p.activities++
	act := p.newBlock(kActivity, fmt.Sprintf("activity_%04d", n))
	act.systems, p.pending = p.pending, nil
	act.piaRequired = n%2 == 0
	act.op = opCreate
	if act.chance(6, 40) {
		act.op = opNoOp
	}
	p.add(act)
	used := 1
	if n%3 != 2 && used < room {
		ctl := p.newBlock(kControl, fmt.Sprintf("control_%04d", n))
		ctl.op = act.op
		if n%3 == 0 {
			ctl.activity = act // scoped; else organisation-wide
		}
		p.add(ctl)
		p.controls = append(p.controls, ctl)
		used++
	}
	// One activity in five that needs an assessment lacks one.
	if act.piaRequired && n%10 != 8 && used < room {
		as := p.newBlock(kAssessment, fmt.Sprintf("assessment_%04d", n))
		as.op = act.op
		as.activity = act
		as.controls = p.controls[max(0, len(p.controls)-3):]
		p.add(as)
	}
}

// instanceList returns every instance, in address order.
func (p *planner) instanceList() []instance {
	var out []instance
	for _, b := range p.blocks {
		for i := range b.instances() {
			out = append(out, instance{b: b, index: i, address: b.address(i)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].address < out[j].address })
	return out
}

func (p *planner) stats() Stats {
	st := Stats{ByType: map[string]int{}, Modules: len(p.modules)}
	for _, b := range p.blocks {
		n := b.instances()
		st.Resources += n
		st.ByType[b.typ()] += n
		if b.store {
			st.DataStores += n
			if b.pii {
				st.PII += n
				if b.named {
					st.Named += n
				} else {
					st.Tagged += n
				}
			}
		}
	}
	return st
}
