package activity

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/privacycode/terraform-provider-pii/internal/catalog"
	"github.com/privacycode/terraform-provider-pii/internal/country"
	"github.com/privacycode/terraform-provider-pii/internal/finding"
	"github.com/privacycode/terraform-provider-pii/internal/suggest"
)

// The checks of values that the schema could have made but does not: they
// run here, at plan, together with the checks that need the catalog, so
// that a bad retention does not hide an unknown PII category (Terraform
// stops at the schema's validation errors before it asks for a plan), and
// so that a finding about one block can name it.

// element is one block of the activity: a stage or a transfer. Every
// finding about it is attached at its path, so that Terraform shows the
// block's lines, and its message starts with the block's label, so that
// the reader knows which block it is when several look alike.
type element struct {
	path  finding.Path
	label string
}

func stageElement(name string) element {
	return element{path: finding.Root(name), label: capitalize(name) + " stage"}
}

func transferElement(i int, t Transfer) element {
	label := fmt.Sprintf("Transfer %d", i+1)
	if t.known("recipient") && strings.TrimSpace(t.Recipient) != "" {
		label = "Transfer to " + strconv.Quote(t.Recipient)
	}
	return element{path: finding.Root("transfer").Index(i), label: label}
}

// in labels a transfer with its destination, for the findings about it.
func (e element) in(code string) element {
	e.label += " (" + code + ")"
	return e
}

// at is the path of one of the block's attributes.
func (e element) at(attr string) finding.Path { return e.path.Attr(attr) }

func (e element) add(fs *finding.Findings, sev finding.Severity, p finding.Path, summary, detail string) {
	fs.Add(sev, p, summary, "%s: %s", e.label, detail)
}

// notOneOf returns the message for a value that is not one of accepted,
// with the closest suggested, or "" when it is accepted (or empty: an
// optional attribute left out).
func notOneOf(what, got string, accepted []string) string {
	if got == "" || slices.Contains(accepted, got) {
		return ""
	}
	return fmt.Sprintf("%q is not a valid %s; use one of %s.%s", got, what, quoted(accepted), suggest.Phrase(suggest.Closest(got, accepted, 1)))
}

// checkEnums checks the activity's own enumerations.
func checkEnums(a Activity, fs *finding.Findings) {
	for _, e := range []struct {
		attr, what, value string
		accepted          []string
	}{
		{"role", "role", a.Role, Roles},
		{"legal_basis", "legal basis", a.LegalBasis, LegalBases},
		{"special_category_condition", "special category condition", a.SpecialCategoryCondition, SpecialConditions},
	} {
		if !a.known(e.attr) {
			continue
		}
		if msg := notOneOf(e.what, e.value, e.accepted); msg != "" {
			fs.Errorf(finding.Root(e.attr), "Invalid value", "%s", capitalize(msg))
		}
	}
	if a.known("volume") && a.Volume < 0 {
		fs.Errorf(finding.Root("volume"), "Invalid value", "Volume %d is negative: give the approximate number of PII principals, such as 1200.", a.Volume)
	}
}

// checkLists checks the lists every activity must fill: at least one
// purpose, PII category and principal, and no blank entries.
func checkLists(a Activity, fs *finding.Findings) {
	if a.known("purposes") {
		if len(a.Purposes) == 0 {
			fs.Errorf(finding.Root("purposes"), "No purpose",
				"Activity %q states no purpose. Give at least one, in words a PII principal would understand, such as \"Process card payments for orders\": PII is collected only for specified purposes (GDPR Art. 5(1)(b)).", a.Name)
		}
		for i, p := range a.Purposes {
			if strings.TrimSpace(p) == "" {
				fs.Errorf(finding.Root("purposes").Index(i), "Empty purpose", "Purpose %d is blank. State each purpose in words a PII principal would understand, such as \"Process card payments for orders\".", i+1)
			}
		}
	}
	if a.known("pii_categories") && len(a.PIICategories) == 0 {
		fs.Errorf(finding.Root("pii_categories"), "No PII categories",
			"Activity %q names no PII category. List the keys of the PII it processes, such as [\"contact.email\", \"financial.payment_card\"].", a.Name)
	}
	if a.known("principals") {
		if len(a.Principals) == 0 {
			fs.Errorf(finding.Root("principals"), "No principals",
				"Activity %q names no category of PII principals. List whom the PII is about, such as [\"customer\"] or [\"employee\"].", a.Name)
		}
		blanks(finding.Root("principals"), "principal", a.Principals, fs, "")
	}
	if a.known("controllers") {
		blanks(finding.Root("controllers"), "controller", a.Controllers, fs, "")
	}
}

// blanks reports the blank entries of a set of strings, prefixed with a
// block's label when the set belongs to one.
func blanks(p finding.Path, what string, items []string, fs *finding.Findings, label string) {
	for _, s := range items {
		if strings.TrimSpace(s) != "" {
			continue
		}
		msg := fmt.Sprintf("A %s is blank: name each one, or remove the blank entry.", what)
		if label != "" {
			msg = label + ": " + strings.ToLower(msg[:1]) + msg[1:]
		}
		fs.Errorf(p.SetValue(s), "Empty "+what, "%s", msg)
	}
}

// checkCountry reports a country code that ISO 3166-1 has not assigned.
func checkCountry(e element, p finding.Path, code string, fs *finding.Findings) bool {
	if err := country.Check(code); err != nil {
		e.add(fs, finding.Error, p, "Invalid value", err.Error())
		return false
	}
	return true
}

// checkStages checks the collection, storage, use and disposal blocks.
func checkStages(a Activity, opt Options, fs *finding.Findings) {
	for _, st := range a.Stages {
		e := stageElement(st.Name)
		if st.known("source") {
			if msg := notOneOf("source", st.Source, Sources); msg != "" {
				e.add(fs, finding.Error, e.at("source"), "Invalid value", msg)
			}
		}
		if st.known("method") {
			if msg := notOneOf("disposal method", st.Method, Disposals); msg != "" {
				e.add(fs, finding.Error, e.at("method"), "Invalid value", msg)
			}
		}
		if st.known("systems") {
			blanks(e.at("systems"), "system", st.Systems, fs, e.label)
		}
		if !st.known("countries") {
			continue
		}
		for _, c := range st.Countries {
			p := e.at("countries").SetValue(c)
			if checkCountry(e, p, c, fs) {
				checkAbroad(a, opt, e, p, st.Name, c, fs)
			}
		}
	}
}

// checkAbroad warns when a storage or use stage is in a country outside
// the home jurisdiction and no transfer goes there: PII kept or used
// abroad has left its jurisdiction, and the record must show the transfer
// and its safeguard (GDPR Art. 44–46). Without a home jurisdiction nothing
// is abroad; while a transfer's country is unknown it may be the match.
func checkAbroad(a Activity, opt Options, e element, p finding.Path, stage, code string, fs *finding.Findings) {
	home := opt.Jurisdiction
	if home == "" || country.InJurisdiction(code, home) || !a.known("transfers") {
		return
	}
	for _, t := range a.Transfers {
		if !t.known("country") || t.Country == code {
			return
		}
	}
	verb := map[string]string{"storage": "stored", "use": "used"}[stage]
	e.add(fs, finding.Warning, p, "Stage outside the home jurisdiction",
		fmt.Sprintf("the PII is %s in %s, outside the home jurisdiction (%s), but no transfer goes to %s. Add a transfer block with country = %q, the recipient (such as the hosting provider) and the safeguard it relies on (mechanism = \"scc\", \"adequacy\", …), so that the record shows the transfer (GDPR Art. 44–46), or correct the country.",
			verb, countryLabel(code), jurisdictionLabel(home), code, code))
}

// checkTransfers checks each transfer block.
func checkTransfers(a Activity, opt Options, fs *finding.Findings) {
	if !a.known("transfers") {
		return
	}
	for i, t := range a.Transfers {
		e := transferElement(i, t)
		if t.known("recipient") && strings.TrimSpace(t.Recipient) == "" {
			e.add(fs, finding.Error, e.at("recipient"), "Empty recipient", "the recipient is blank: name who receives the PII, such as \"Payment service provider\".")
		}
		if t.known("recipient_role") {
			if msg := notOneOf("recipient role", t.RecipientRole, RecipientRoles); msg != "" {
				e.add(fs, finding.Error, e.at("recipient_role"), "Invalid value", msg)
			}
		}
		if t.known("systems") {
			blanks(e.at("systems"), "system", t.Systems, fs, e.label)
		}
		countryOK := t.known("country") && checkCountry(e, e.at("country"), t.Country, fs)
		if !t.known("mechanism") {
			continue
		}
		if msg := notOneOf("mechanism", t.Mechanism, Mechanisms); msg != "" {
			e.add(fs, finding.Error, e.at("mechanism"), "Invalid value", msg)
			continue
		}
		if t.Mechanism == "none" {
			e.in(orDefault(t.Country, "no country given")).add(fs, finding.Error, e.at("mechanism"), "Transfer without a safeguard",
				"mechanism \"none\" declares no safeguard, and PII may not leave its jurisdiction without one. Use \"adequacy\" when the destination has an adequacy decision, \"scc\" (standard contractual clauses), \"bcr\" (binding corporate rules) or, for occasional transfers, \"derogation\"; use \"not_required\" when the recipient is in the same jurisdiction.")
		}
		if countryOK {
			checkSafeguard(e, t, opt, fs)
		}
	}
}

// checkSafeguard judges a transfer's mechanism against its country. A
// partial adequacy decision is named whenever a transfer relies on it; a
// transfer that needs no safeguard is questioned only against a known home
// jurisdiction.
func checkSafeguard(e element, t Transfer, opt Options, fs *finding.Findings) {
	abroad := opt.Jurisdiction != "" && !country.InJurisdiction(t.Country, opt.Jurisdiction)
	p := e.at("mechanism")
	e = e.in(t.Country)
	partial, isPartial := country.PartialAdequacy(t.Country)
	switch {
	case t.Mechanism == "adequacy" && isPartial:
		e.add(fs, finding.Warning, p, "Partial adequacy decision",
			fmt.Sprintf("the adequacy decision for %s %s; %s or use mechanism = \"scc\".", t.Country, partial.Covers, partial.Confirm))
	case t.Mechanism == "not_required" && abroad && isPartial:
		e.add(fs, finding.Warning, p, "Partial adequacy decision",
			fmt.Sprintf("the adequacy decision for %s %s, and %s is outside the home jurisdiction (%s); %s and set mechanism = \"adequacy\", or use mechanism = \"scc\".",
				t.Country, partial.Covers, t.Country, jurisdictionLabel(opt.Jurisdiction), partial.Confirm))
	case t.Mechanism == "not_required" && abroad:
		fix := "use mechanism = \"scc\" (standard contractual clauses), \"bcr\" (binding corporate rules) or, for occasional transfers, \"derogation\""
		if country.AdequacyDecision(t.Country) {
			fix = fmt.Sprintf("%s has an adequacy decision: use mechanism = \"adequacy\"", t.Country)
		}
		e.add(fs, finding.Warning, p, "Transfer abroad without a safeguard",
			fmt.Sprintf("mechanism \"not_required\" is for recipients inside the home jurisdiction (%s), and %s is outside it; %s.", jurisdictionLabel(opt.Jurisdiction), countryLabel(t.Country), fix))
	}
}

func countryLabel(code string) string {
	if name := country.Name(code); name != "" {
		return code + " (" + name + ")"
	}
	return code
}

func jurisdictionLabel(j string) string {
	if j == country.EEA {
		return "the EEA"
	}
	return countryLabel(j)
}

// unknownCategory says that a PII category key is unknown: the closest
// keys (those whose last part is the key given first, since people often
// write "health" for "special.health"), where the taxonomy starts when
// the first part is unknown too, and how to declare a category of one's
// own.
func unknownCategory(set *catalog.Set, key string, err error) string {
	var suggestions []string
	if nf, ok := err.(*catalog.NotFoundError); ok {
		suggestions = nf.Suggestions
	}
	leaf := key[strings.LastIndexByte(key, '.')+1:]
	var exact, leaves []string
	byLeaf := map[string][]string{}
	for _, c := range set.PIICategories() {
		dot := strings.LastIndexByte(c.Key, '.')
		if dot < 0 {
			continue
		}
		l := c.Key[dot+1:]
		if l == leaf {
			exact = append(exact, c.Key)
		}
		if len(byLeaf[l]) == 0 {
			leaves = append(leaves, l)
		}
		byLeaf[l] = append(byLeaf[l], c.Key)
	}
	// A near miss of a last part ("helth") only when nothing better is
	// known: short parts are near too many others.
	var near []string
	if len(exact) == 0 && len(suggestions) == 0 {
		for _, l := range suggest.Closest(leaf, leaves, 3) {
			near = append(near, byLeaf[l]...)
		}
	}
	var all []string
	for _, s := range slices.Concat(exact, suggestions, near) {
		if s != key && !slices.Contains(all, s) {
			all = append(all, s)
		}
	}
	if len(all) > 3 {
		all = all[:3]
	}
	msg := fmt.Sprintf("There is no PII category %q.", key) + suggest.Phrase(all) + taxonomyHint(set, key)
	return msg + " To add a category of your own, declare a pii_category block (such as pii_category \"financial.crypto_wallet\") in a catalog file and list the file in the provider's catalog_files."
}
