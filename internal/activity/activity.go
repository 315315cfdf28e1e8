// Package activity analyses a record of processing (a processing activity,
// GDPR Art. 30, described along the ISO/IEC 29151 PII life cycle): it
// derives the activity's id, its sensitivity from the PII taxonomy, the
// declared life-cycle stages, and the EDPB WP248 criteria that make a
// privacy impact assessment necessary; and it checks what a record must
// say (a lawful basis, a legal condition for special categories, a
// safeguard for every transfer and for PII kept abroad, a retention
// period) and every value the schema does not, so that one plan reports
// every problem, each at its block.
//
// Inputs that are not known yet are listed in Activity.Unknown; whatever
// depends on them is reported unknown in the Analysis and not checked.
package activity

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/isotime"
)

// Accepted values of the activity's enumerations.
var (
	Roles          = []string{"controller", "processor", "joint_controller"}
	LegalBases     = []string{"consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"}
	Sources        = []string{"data_subject", "third_party", "public", "derived"}
	Mechanisms     = []string{"not_required", "adequacy", "scc", "bcr", "derogation", "none"}
	Disposals      = []string{"deletion", "crypto_erasure", "anonymisation", "return", "destruction"}
	RecipientRoles = []string{"controller", "processor", "joint_controller", "third_party", "public_authority"}
	// SpecialConditions are the GDPR Art. 9(2) conditions (a)–(j) and, for
	// criminal data, authorisation by law (Art. 10).
	SpecialConditions = []string{
		"explicit_consent", "employment_social_protection", "vital_interests", "not_for_profit_body",
		"manifestly_made_public", "legal_claims", "substantial_public_interest", "health_or_social_care",
		"public_health", "archiving_research_statistics", "authorised_by_law",
	}
)

// VulnerablePrincipals are principals that WP248 counts as vulnerable.
var VulnerablePrincipals = []string{"child", "minor", "pupil", "employee", "patient", "elderly", "asylum_seeker", "mentally_ill", "vulnerable_adult"}

// PIA trigger keys, one per EDPB WP248 criterion.
const (
	TriggerEvaluationScoring      = "evaluation_or_scoring"
	TriggerAutomatedDecisions     = "automated_decisions"
	TriggerSystematicMonitoring   = "systematic_monitoring"
	TriggerSensitiveData          = "sensitive_data"
	TriggerLargeScale             = "large_scale"
	TriggerDatasetsCombined       = "datasets_combined"
	TriggerVulnerablePrincipals   = "vulnerable_principals"
	TriggerInnovativeTechnology   = "innovative_technology"
	TriggerPreventsRightOrService = "prevents_right_or_service"
)

// Triggers lists the trigger keys in WP248 order.
var Triggers = []string{
	TriggerEvaluationScoring, TriggerAutomatedDecisions, TriggerSystematicMonitoring, TriggerSensitiveData,
	TriggerLargeScale, TriggerDatasetsCombined, TriggerVulnerablePrincipals, TriggerInnovativeTechnology,
	TriggerPreventsRightOrService,
}

// Transfer is one transfer of PII to a recipient: one transfer block.
type Transfer struct {
	Recipient     string
	RecipientRole string
	Country       string
	Mechanism     string
	Systems       []string
	// Unknown names the block's attributes whose values are not known yet.
	Unknown map[string]bool
}

func (t Transfer) known(attrs ...string) bool { return allKnown(t.Unknown, attrs) }

// Stage is one of the single life-cycle blocks: collection, storage, use
// or disposal (transfers are Transfers). Only the attributes its block has
// are set.
type Stage struct {
	Name string
	// Source is the collection's source, Method the disposal's method.
	Source, Method string
	// Countries are where the PII is stored or used (storage, use).
	Countries []string
	Systems   []string
	// Unknown names the block's attributes whose values are not known yet.
	Unknown map[string]bool
}

func (s Stage) known(attrs ...string) bool { return allKnown(s.Unknown, attrs) }

// Activity is what the analysis reads of a processing activity.
type Activity struct {
	Name string
	// Role is the organisation's role in the processing: controller (also
	// when empty), processor or joint_controller.
	Role string
	// Controllers are, for a processor, the PII controllers on whose
	// behalf it processes; for a joint controller, the other controllers.
	Controllers              []string
	LegalBasis               string
	Purposes                 []string
	PIICategories            []string
	SpecialCategoryCondition string
	Principals               []string
	// Volume is the approximate number of principals; 0 when not given.
	Volume                 int64
	Retention              string
	Profiling              bool
	AutomatedDecisions     bool
	SystematicMonitoring   bool
	DatasetsCombined       bool
	InnovativeTechnology   bool
	PreventsRightOrService bool
	// Stages are the single life-cycle blocks declared (collection,
	// storage, use, disposal); Transfers the transfer blocks, in order.
	Stages    []Stage
	Transfers []Transfer
	// Unknown names the attributes whose values are not known yet.
	Unknown map[string]bool
}

func (a Activity) known(attrs ...string) bool { return allKnown(a.Unknown, attrs) }

func allKnown(unknown map[string]bool, attrs []string) bool {
	for _, n := range attrs {
		if unknown[n] {
			return false
		}
	}
	return true
}

// Analysis is what the provider computes for an activity at plan time.
type Analysis struct {
	IDKnown          bool
	ID               string
	SensitivityKnown bool
	Sensitivity      catalog.Sensitivity
	// SpecialCategories is true when a declared category (or one beneath
	// it) has sensitivity special; known together with Sensitivity.
	SpecialCategories bool
	StagesKnown       bool
	Stages            []string
	TriggersKnown     bool
	Triggers          []string
	PIARequired       bool
}

// Options are the organisation's settings the analysis depends on.
type Options struct {
	Catalog             *catalog.Set
	LargeScaleThreshold int64
	// Jurisdiction is the organisation's home: "EEA" or a country code
	// (ISO 3166-1 alpha-2), where PII is processed without a transfer. ""
	// when it is not set or not known: then nothing is judged against it,
	// since a stage abroad for one organisation is at home for another.
	Jurisdiction string
}

// ID derives an activity's id from its name: a readable slug and a short
// hash of the exact name, so that any two names (in any script, differing
// only in case or accents) get distinct ids that are safe in URLs, file
// names and Terraform addresses.
func ID(name string) string {
	sum := sha256.Sum256([]byte(name))
	slug := slugify(name)
	if slug == "" {
		slug = "activity"
	}
	return slug + "-" + hex.EncodeToString(sum[:4])
}

func slugify(name string) string {
	var b strings.Builder
	dash := false
	// Decompose accents so "Café" becomes "cafe", then keep ASCII letters
	// and digits only.
runes:
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break runes
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// Analyze derives the computed values of an activity and checks it. Every
// check runs whatever the others found, so that one plan shows every
// independent problem; a finding about a stage or a transfer is attached
// at that block and names it.
func Analyze(a Activity, opt Options) (Analysis, finding.Findings) {
	var fs finding.Findings
	var an Analysis
	if a.known("name") {
		an.IDKnown, an.ID = true, ID(a.Name)
		if strings.TrimSpace(a.Name) == "" {
			fs.Errorf(finding.Root("name"), "Empty name",
				"The activity's name is blank. Name it as the records of processing show it, such as \"Checkout and payments\".")
		}
	}
	if a.known("stages", "transfers") {
		an.StagesKnown = true
		an.Stages = orderedStages(a.Stages, len(a.Transfers) > 0)
	}

	checkEnums(a, &fs)
	checkLists(a, &fs)

	var categories []*catalog.PIICategory
	categoriesOK := a.known("pii_categories")
	if categoriesOK {
		for _, key := range a.PIICategories {
			c, err := opt.Catalog.PIICategory(key)
			if err != nil {
				fs.Errorf(finding.Root("pii_categories").SetValue(key), "Unknown PII category", "%s", unknownCategory(opt.Catalog, key, err))
				categoriesOK = false
				continue
			}
			categories = append(categories, c)
		}
	}
	if categoriesOK {
		an.SensitivityKnown = true
		for _, c := range categories {
			for _, d := range opt.Catalog.PIIDescendants(c.Key) {
				if d.Sensitivity == catalog.SensitivitySpecial {
					an.SpecialCategories = true
				}
			}
			an.Sensitivity = max(an.Sensitivity, c.Sensitivity)
		}
		checkSpecialCondition(a, an, categories, &fs)
	}

	checkRole(a, &fs)
	checkLegalBasis(a, &fs)

	if a.known("retention") {
		if a.Retention == "" {
			fs.Warnf(finding.Root("retention"), "No retention period",
				"Activity %q does not say how long its PII is kept. Set retention to an ISO 8601 duration such as \"P30D\" or \"P7Y\"; storage limitation (GDPR Art. 5(1)(e)) requires a period or the criteria that set it.", a.Name)
		} else if _, err := isotime.ParseDuration(a.Retention); err != nil {
			fs.Errorf(finding.Root("retention"), "Invalid value", "%s", capitalize(err.Error()))
		}
	}
	if a.known("legal_basis", "principals") && a.LegalBasis == "consent" && containsAny(a.Principals, "child", "minor", "pupil") {
		fs.Warnf(finding.Root("legal_basis"), "Consent from children",
			"Activity %q relies on consent and its principals include children. Below the age of digital consent (13–16 depending on the country, GDPR Art. 8) consent must be given or authorised by the holder of parental responsibility, and reasonable efforts must verify it.", a.Name)
	}
	checkStages(a, opt, &fs)
	checkTransfers(a, opt, &fs)

	triggerInputs := []string{"profiling", "automated_decisions", "systematic_monitoring", "datasets_combined", "innovative_technology", "prevents_right_or_service", "volume", "principals"}
	if categoriesOK && a.known(triggerInputs...) {
		an.TriggersKnown = true
		an.Triggers = triggers(a, an, categories, opt)
		an.PIARequired = len(an.Triggers) >= 2
	}
	return an, fs
}

// checkLegalBasis asks a controller's record for its lawful basis: all
// processing needs one of GDPR Art. 6(1). A processor is not asked: it
// processes on its controllers' instructions and relies on their basis,
// which its own record does not state (Art. 28, 30(2)).
func checkLegalBasis(a Activity, fs *finding.Findings) {
	if !a.known("legal_basis", "role") || a.LegalBasis != "" || a.Role == "processor" {
		return
	}
	fs.Warnf(finding.Root("legal_basis"), "No legal basis",
		"Activity %q does not say on what lawful basis it processes PII: every processing needs one (GDPR Art. 6(1)). Set legal_basis to one of %s; if the organisation processes the PII only on another's behalf, set role = \"processor\" instead.",
		a.Name, quoted(LegalBases))
}

func checkSpecialCondition(a Activity, an Analysis, categories []*catalog.PIICategory, fs *finding.Findings) {
	if !a.known("special_category_condition") {
		return
	}
	if an.SpecialCategories && a.SpecialCategoryCondition == "" {
		var special []string
		for _, c := range categories {
			if c.Sensitivity == catalog.SensitivitySpecial {
				special = append(special, c.Key)
			}
		}
		sort.Strings(special)
		fs.Errorf(finding.Root("special_category_condition"), "Special categories need a condition",
			"Activity %q processes special categories of PII (%s), which is prohibited unless one of the conditions of GDPR Art. 9(2) applies (or, for criminal data, Art. 10). Set special_category_condition to one of %s.",
			a.Name, strings.Join(special, ", "), quoted(SpecialConditions))
	}
	if !an.SpecialCategories && slices.Contains(SpecialConditions, a.SpecialCategoryCondition) {
		fs.Warnf(finding.Root("special_category_condition"), "Condition without special categories",
			"Activity %q sets special_category_condition, but none of its PII categories is a special category; the condition has no effect.", a.Name)
	}
}

// checkRole checks that a record names the controllers its role calls for:
// a processor's record names each controller it acts for (GDPR Art.
// 30(2)(a)), a joint controller's the others (Art. 26, 30(1)(a)).
func checkRole(a Activity, fs *finding.Findings) {
	if !a.known("role", "controllers") || a.Role != "" && !slices.Contains(Roles, a.Role) {
		return // an invalid role is reported on its own
	}
	named := slices.ContainsFunc(a.Controllers, func(c string) bool { return strings.TrimSpace(c) != "" })
	switch a.Role {
	case "processor":
		if !named {
			fs.Errorf(finding.Root("controllers"), "Processor without a controller",
				"Activity %q has role \"processor\" but names no controller. Set controllers to the PII controllers on whose behalf the organisation processes the PII, such as [\"Acme Retail Ltd\"], or, for a service with many customers, to how they are identified, such as [\"Each customer, under its data processing agreement\"]: a processor's record of processing names each controller (GDPR Art. 30(2)(a)).", a.Name)
		}
	case "joint_controller":
		if !named {
			fs.Warnf(finding.Root("controllers"), "Joint controller without partners",
				"Activity %q has role \"joint_controller\" but names no other controller. Set controllers to the organisations that decide the purposes and means of the processing together with yours: the record names them (GDPR Art. 26 and 30(1)(a)).", a.Name)
		}
	default:
		if named {
			fs.Warnf(finding.Root("controllers"), "Controllers without a processor role",
				"Activity %q names controllers, but its role is \"controller\": the organisation decides the processing itself, and the list has no effect. Set role = \"processor\" when it processes the PII on their behalf, or \"joint_controller\" when it decides together with them.", a.Name)
		}
	}
}

func triggers(a Activity, an Analysis, categories []*catalog.PIICategory, opt Options) []string {
	on := map[string]bool{
		TriggerEvaluationScoring:      a.Profiling || hasCategoryUnder(categories, "behavioral.profiling"),
		TriggerAutomatedDecisions:     a.AutomatedDecisions,
		TriggerSystematicMonitoring:   a.SystematicMonitoring,
		TriggerSensitiveData:          an.Sensitivity >= catalog.SensitivityHigh,
		TriggerLargeScale:             opt.LargeScaleThreshold > 0 && a.Volume >= opt.LargeScaleThreshold,
		TriggerDatasetsCombined:       a.DatasetsCombined,
		TriggerVulnerablePrincipals:   containsAny(a.Principals, VulnerablePrincipals...),
		TriggerInnovativeTechnology:   a.InnovativeTechnology,
		TriggerPreventsRightOrService: a.PreventsRightOrService,
	}
	out := []string{}
	for _, t := range Triggers {
		if on[t] {
			out = append(out, t)
		}
	}
	return out
}

// hasCategoryUnder reports whether a declared category is key, lies under
// it, or is a parent that stands for it.
func hasCategoryUnder(categories []*catalog.PIICategory, key string) bool {
	for _, c := range categories {
		if c.Key == key || strings.HasPrefix(c.Key, key+".") || strings.HasPrefix(key, c.Key+".") {
			return true
		}
	}
	return false
}

// orderedStages puts the declared stages in life-cycle order.
func orderedStages(declared []Stage, transfers bool) []string {
	out := []string{}
	for _, s := range catalog.Stages {
		if s == "transfer" && transfers || slices.ContainsFunc(declared, func(d Stage) bool { return d.Name == s }) {
			out = append(out, s)
		}
	}
	return out
}

// taxonomyHint lists the top-level PII categories when a key's first part
// is unknown, so the user sees where to start.
func taxonomyHint(set *catalog.Set, key string) string {
	root, _, _ := strings.Cut(key, ".")
	var roots []string
	for _, c := range set.PIICategories() {
		if c.Parent() == "" {
			if c.Key == root {
				return ""
			}
			roots = append(roots, c.Key)
		}
	}
	return " Top-level categories: " + strings.Join(roots, ", ") + "."
}

func containsAny(list []string, wanted ...string) bool {
	for _, x := range list {
		for _, w := range wanted {
			if x == w {
				return true
			}
		}
	}
	return false
}

func quoted(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
