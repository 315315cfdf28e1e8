package report

import (
	"bytes"
	"crypto/sha1" // UUIDv5 is defined with SHA-1 (RFC 9562 §5.5); nothing here is a secret
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
	"github.com/privacycode/terraform-provider-pii/internal/results"
	"github.com/privacycode/terraform-provider-pii/internal/systems"
	"github.com/privacycode/terraform-provider-pii/internal/tfplan"
	"github.com/privacycode/terraform-provider-pii/internal/verification"
)

// What the oscal-ssp and oscal-ar formats share: the OSCAL version, the
// names the documents use, stable UUIDs, control ids as OSCAL tokens,
// parties and the JSON types of the common OSCAL assemblies.

// OSCALVersion is the version of OSCAL the oscal-ssp and oscal-ar formats
// write, and whose complete JSON schema the tests validate them against.
const OSCALVersion = "1.1.3"

// Names the OSCAL documents use. They are URNs, never network locations:
// the documents must not point anywhere.
const (
	// oscalNS is the namespace of every property this tool defines (the
	// ns of a prop), so that they never clash with OSCAL's own names.
	oscalNS = "urn:privacycode:pii"
	// riskScaleSystem names the four-step likelihood and impact scale
	// (negligible, limited, significant, maximum) of risk facets.
	riskScaleSystem = "urn:privacycode:pii:risk-scale"
	// piiCategorySystem names the provider's PII categories
	// (contact.email, special.health...): the information type ids.
	piiCategorySystem = "urn:privacycode:pii:pii-categories"
	// systemIDType is the identifier type of the system id.
	systemIDType = "urn:privacycode:pii:system-id"
	// resourceURNPrefix starts the URN of a resource of the documents
	// (resourceURN).
	resourceURNPrefix = "urn:privacycode:pii:resource:"
)

// uuidNamespace is the namespace of every UUID in the OSCAL documents:
// each is the UUIDv5 of this namespace and a name made of what the item
// is ("party/Security team", "implemented-requirement/plan.json/
// pii_control.encryption"), so that the same input always gives the same
// UUIDs. It must never change: the UUIDs of every document would.
var uuidNamespace = [16]byte{0x2e, 0xb2, 0x19, 0xb0, 0x3a, 0xac, 0x44, 0x2e, 0x97, 0xdd, 0xce, 0x17, 0xf0, 0xef, 0xdc, 0xc9}

// uuidV5 returns the name-based (SHA-1) UUID of name in namespace ns, as
// RFC 9562 §5.5 defines it, in its lower-case text form.
func uuidV5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10 (RFC 9562)
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// uuids hands out the UUIDs of one document. Each name is used once: a
// name met again (the same file given twice) gets "#2", "#3"..., in the
// order asked, so that distinct items never share a UUID and the same
// input still gives the same ones.
type uuids struct {
	used map[string]bool
}

func newUUIDs() *uuids { return &uuids{used: map[string]bool{}} }

// make returns the UUID of the item named by parts, joined with "/".
func (g *uuids) make(parts ...string) string {
	name := strings.Join(parts, "/")
	n := name
	for i := 2; g.used[n]; i++ {
		n = name + "#" + strconv.Itoa(i)
	}
	g.used[n] = true
	return uuidV5(uuidNamespace, n)
}

// requirementUUIDs gives every pii_control its implemented requirement's
// UUID. Both formats call it first, so that the assessment results'
// mitigating factors name the same UUIDs as the security plan.
func requirementUUIDs(g *uuids, p *posture.Posture) map[*posture.Control]string {
	out := make(map[*posture.Control]string, len(p.Controls))
	for _, c := range p.Controls {
		out[c] = g.make("implemented-requirement", c.Document, c.Address)
	}
	return out
}

// statementUUIDs gives every pii_control its statement's UUID, for the
// same reason: the assessment results' findings of contradicted controls
// name the security plan's statements. Both formats call it right after
// requirementUUIDs.
func statementUUIDs(g *uuids, p *posture.Posture) map[*posture.Control]string {
	out := make(map[*posture.Control]string, len(p.Controls))
	for _, c := range p.Controls {
		out[c] = g.make("statement", c.Document, c.Address)
	}
	return out
}

// controlToken turns a qualified control id into an OSCAL control id: a
// token (an XML NCName, the schema's TokenDatatype) in lower case, as
// OSCAL's control ids are. The colon between catalog and control becomes
// "-" (iso29151:10.1.1 → iso29151-10.1.1, iso27701:A.7.2.1 →
// iso27701-a.7.2.1), any other character a token cannot hold "_"
// (iso29151@2025:9.1.1 → iso29151_2025-9.1.1), and a token that would not
// start with a letter or "_" gets a leading "_". The original id is kept
// in a prop.
func controlToken(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r == ':':
			b.WriteByte('-')
		case unicode.IsLetter(r), unicode.IsNumber(r), r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	t := b.String()
	if first, _ := utf8.DecodeRuneInString(t); !unicode.IsLetter(first) && first != '_' {
		t = "_" + t
	}
	return t
}

// statementID is the id of a control's statement: OSCAL's "_smt" suffix.
func statementID(token string) string { return token + "_smt" }

// oscalStatus maps a pii_control status to OSCAL's implementation-status
// state; "" for a status OSCAL has no word for (unknown, sensitive).
func oscalStatus(v posture.Value) string {
	switch {
	case v.Is("implemented"), v.Is("partial"), v.Is("planned"), v.Is("alternative"):
		return v.String()
	case v.Is("not_applicable"):
		return "not-applicable"
	}
	return ""
}

// fipsLevel maps an activity's sensitivity to the FIPS 199 impact level
// OSCAL uses for confidentiality: low → fips-199-low, medium →
// fips-199-moderate, high and special (GDPR Art. 9 and 10) →
// fips-199-high; "" when the sensitivity is not known.
func fipsLevel(v posture.Value) string {
	switch {
	case v.Is("low"):
		return "fips-199-low"
	case v.Is("medium"):
		return "fips-199-moderate"
	case v.Is("high"), v.Is("special"):
		return "fips-199-high"
	}
	return ""
}

// fipsRank orders the FIPS 199 levels.
var fipsRank = map[string]int{"fips-199-low": 1, "fips-199-moderate": 2, "fips-199-high": 3}

// str makes text an OSCAL string (StringDatatype): no leading, trailing or
// repeated white space, and no line break. "" stays "".
func str(s string) string { return strings.Join(strings.Fields(s), " ") }

// valueText is a value's text for a description: a marker as it is, a
// value that is not set as def.
func valueText(v posture.Value, def string) string {
	if v.IsNull() || (v.IsKnown() && strings.TrimSpace(v.String()) == "") {
		return def
	}
	return v.String()
}

// listText joins values with "; ", or gives def for none.
func listText(vs []posture.Value, def string) string {
	if len(vs) == 0 {
		return def
	}
	return posture.Join(vs, "; ")
}

// oscalTime returns the time of the documents for last-modified and a
// result's start: the latest timestamp of the documents (when the plans
// were made), else Options.Generated (a date or a date and time). The
// OSCAL formats need one: a state, or a plan of Terraform before 1.5,
// without Options.Generated is an error.
func oscalTime(p *posture.Posture, opt Options) (string, error) {
	if t, ok := DocumentTime(p); ok {
		return formatOSCALTime(t), nil
	}
	if g := strings.TrimSpace(opt.Generated); g != "" {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
			if t, err := time.Parse(layout, g); err == nil && oscalYear(t) {
				return formatOSCALTime(t), nil
			}
		}
		return "", fmt.Errorf("the generation time %q is neither a date (2006-01-02) nor an RFC 3339 date and time", opt.Generated)
	}
	return "", fmt.Errorf("an OSCAL document needs a time, and the documents have none (a state, or a plan of a Terraform before 1.5): give one in the report options")
}

// DocumentTime returns the latest timestamp of the posture's documents:
// when the last of the plans was made. States and plans of Terraform
// before 1.5 have none; a timestamp that is not RFC 3339 is ignored.
func DocumentTime(p *posture.Posture) (time.Time, bool) {
	var latest time.Time
	found := false
	for _, d := range p.Documents {
		t, err := time.Parse(time.RFC3339Nano, d.Timestamp)
		if err != nil || !oscalYear(t) {
			continue
		}
		if !found || t.After(latest) {
			latest, found = t, true
		}
	}
	return latest, found
}

// UsesTime reports whether format writes a time: the OSCAL formats, whose
// last-modified (and result start) is the plans' timestamp, or
// Options.Generated when the documents have none.
func UsesTime(format string) bool { return format == "oscal-ssp" || format == "oscal-ar" }

// oscalYear: OSCAL's date-time pattern accepts the years 1900 to 2999.
func oscalYear(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 1900 && y <= 2999
}

func formatOSCALTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// evidenceHref returns evidence text as a link target when it is a URL or
// a URN: an absolute URI with an authority (https://..., s3://...,
// file:///...) or a urn:. Anything else (a document id, a Terraform
// address, a sentence) is not.
func evidenceHref(s string) (string, bool) {
	if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return "", false
	}
	if strings.EqualFold(u.Scheme, "urn") && u.Opaque != "" {
		return s, true
	}
	if strings.HasPrefix(s[len(u.Scheme)+1:], "//") {
		return s, true
	}
	return "", false
}

// terraformAddress matches a resource instance address:
// module.a["x"].aws_s3_bucket.b[0], data.aws_iam_policy_document.read.
var terraformAddress = regexp.MustCompile(`^(module\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]*\])?\.)*(data\.)?[A-Za-z][A-Za-z0-9-]*_[A-Za-z0-9_-]+\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]*\])?$`)

// isResourceAddress reports whether evidence text is a resource address,
// qualified with a document's label or not (storage:aws_s3_bucket.b).
func isResourceAddress(text string) bool {
	if label, address, found := strings.Cut(text, ":"); found && systems.ValidLabel(label) {
		return terraformAddress.MatchString(address)
	}
	return terraformAddress.MatchString(text)
}

// markerNote says what a value held as a marker is, for remarks.
func markerNote(v posture.Value, what string) string {
	switch {
	case v.IsUnknown():
		return what + " is " + posture.UnknownText + "."
	case v.IsSensitive():
		return what + " is " + posture.SensitiveText + " and not shown."
	}
	return ""
}

// JSON types of the OSCAL assemblies both formats use. Optional fields
// are left out when empty, as OSCAL's JSON wants (an empty array is not
// allowed).

type oProp struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// props builds a props array.
type props []oProp

// add adds a prop in this tool's namespace, unless value is empty once
// made an OSCAL string.
func (ps *props) add(name, value string) {
	if v := str(value); v != "" {
		*ps = append(*ps, oProp{Name: name, NS: oscalNS, Value: v})
	}
}

// core adds a prop of OSCAL's own (no namespace).
func (ps *props) core(name, value string) {
	if v := str(value); v != "" {
		*ps = append(*ps, oProp{Name: name, Value: v})
	}
}

// value adds a prop for a value that is set (markers included).
func (ps *props) value(name string, v posture.Value) {
	if !v.IsNull() {
		ps.add(name, v.String())
	}
}

type oLink struct {
	Href string `json:"href"`
	Rel  string `json:"rel,omitempty"`
	Text string `json:"text,omitempty"`
}

type oMetadata struct {
	Title              string              `json:"title"`
	LastModified       string              `json:"last-modified"`
	Version            string              `json:"version"`
	OSCALVersion       string              `json:"oscal-version"`
	Props              props               `json:"props,omitempty"`
	Roles              []oRole             `json:"roles,omitempty"`
	Parties            []oParty            `json:"parties,omitempty"`
	ResponsibleParties []oResponsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string              `json:"remarks,omitempty"`
}

type oRole struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

type oParty struct {
	UUID    string `json:"uuid"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Remarks string `json:"remarks,omitempty"`
}

type oResponsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
}

type oResponsibleRole struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids,omitempty"`
	Remarks    string   `json:"remarks,omitempty"`
}

type oBackMatter struct {
	Resources []oResource `json:"resources,omitempty"`
}

type oResource struct {
	UUID        string   `json:"uuid"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description,omitempty"`
	Props       props    `json:"props,omitempty"`
	RLinks      []oRLink `json:"rlinks,omitempty"`
	Remarks     string   `json:"remarks,omitempty"`
}

type oRLink struct {
	Href string `json:"href"`
}

type oComponent struct {
	UUID        string  `json:"uuid"`
	Type        string  `json:"type"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Props       props   `json:"props,omitempty"`
	Status      oStatus `json:"status"`
	Remarks     string  `json:"remarks,omitempty"`
}

type oStatus struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}

// parties collects the parties of a document: one per distinct name
// (owners, assessors...), each an organisation (an owner names a team or a
// function rather than a person, and the report cannot tell which), and
// the parties of each role.
type parties struct {
	g      *uuids
	byName map[string]string // name -> uuid
	names  []string
	roles  map[string][]string // role id -> party uuids, in order met
}

func newParties(g *uuids) *parties {
	return &parties{g: g, byName: map[string]string{}, roles: map[string][]string{}}
}

// party returns the UUID of the party a value names, recording it under
// role; false for a value that names nobody (not set, unknown or
// sensitive).
func (ps *parties) party(role string, v posture.Value) (string, bool) {
	if !v.IsKnown() {
		return "", false
	}
	name := str(v.String())
	if name == "" {
		return "", false
	}
	id, ok := ps.byName[name]
	if !ok {
		id = ps.g.make("party", name)
		ps.byName[name] = id
		ps.names = append(ps.names, name)
	}
	if !slices.Contains(ps.roles[role], id) {
		ps.roles[role] = append(ps.roles[role], id)
	}
	return id, true
}

// responsibleRole is role with the party v names, or with remarks that say
// why there is none.
func (ps *parties) responsibleRole(role string, v posture.Value, what string) oResponsibleRole {
	rr := oResponsibleRole{RoleID: role}
	if id, ok := ps.party(role, v); ok {
		rr.PartyUUIDs = []string{id}
	} else if note := markerNote(v, what); note != "" {
		rr.Remarks = note
	} else {
		rr.Remarks = what + " is not declared."
	}
	return rr
}

// fill sets the metadata's parties (by name) and responsible parties (in
// the order of roles).
func (ps *parties) fill(m *oMetadata) {
	names := slices.Clone(ps.names)
	slices.Sort(names)
	for _, n := range names {
		m.Parties = append(m.Parties, oParty{UUID: ps.byName[n], Type: "organization", Name: n})
	}
	for _, r := range m.Roles {
		if ids := ps.roles[r.ID]; len(ids) > 0 {
			m.ResponsibleParties = append(m.ResponsibleParties, oResponsibleParty{RoleID: r.ID, PartyUUIDs: ids})
		}
	}
}

// documentResources describes the documents read, as back-matter
// resources.
func documentResources(g *uuids, p *posture.Posture) []oResource {
	var out []oResource
	for _, d := range p.Documents {
		var ps props
		ps.add("document-kind", d.Kind)
		ps.add("terraform-version", d.TerraformVersion)
		ps.add("timestamp", d.Timestamp)
		desc := "A " + d.Kind
		if d.TerraformVersion != "" {
			desc += " of Terraform " + d.TerraformVersion
		}
		if d.Timestamp != "" {
			desc += ", made " + d.Timestamp
		}
		desc += fmt.Sprintf(" (terraform show -json), with %d pii_* %s.", d.Resources, pluralWord(d.Resources, "resource", "resources"))
		out = append(out, oResource{UUID: g.make("document", d.Name), Title: d.Name, Description: desc, Props: ps})
	}
	return out
}

// generatorProps are the metadata props that name this tool.
func generatorProps(opt Options) props {
	version := opt.Version
	if version == "" {
		version = "dev"
	}
	var ps props
	ps.add("generator", ToolName+" "+version)
	return ps
}

// metadataProps are the metadata props of both documents: the tool, when
// each document is from (its timestamp, or none for a state, and its
// Terraform version, each with the document's name as remarks), and the
// roles the Statement of Applicability leaves out of scope, with the
// justification as remarks.
func metadataProps(p *posture.Posture, opt Options) props {
	ps := generatorProps(opt)
	for _, d := range p.Documents {
		if t := str(d.Timestamp); t != "" {
			ps = append(ps, oProp{Name: "document-timestamp", NS: oscalNS, Value: t, Remarks: d.Name})
		}
		if v := str(d.TerraformVersion); v != "" {
			ps = append(ps, oProp{Name: "terraform-version", NS: oscalNS, Value: v, Remarks: d.Name})
		}
	}
	if sc := p.Scope; sc != nil {
		for _, r := range sc.Excluded {
			ps = append(ps, oProp{Name: "scope-excluded-role", NS: oscalNS, Value: r, Remarks: scopeRemarks(sc)})
		}
	}
	return ps
}

// scopeRemarks says why controls are out of scope.
func scopeRemarks(sc *posture.Scope) string {
	s := "The organisation processes PII as " + strings.Join(sc.Roles, " and ") + " only (organization.roles), so the catalog controls written for " +
		strings.Join(sc.Excluded, "s and ") + "s are out of scope."
	if sc.Justification.IsNull() {
		return s + " No justification is stated (organization.scope_justification)."
	}
	return s + " Justification: " + sc.Justification.String()
}

// documentNames lists the names of the documents for a sentence.
func documentNames(p *posture.Posture) string {
	if len(p.Documents) == 0 {
		return "no document"
	}
	names := make([]string, len(p.Documents))
	for i, d := range p.Documents {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// encodeOSCAL writes an OSCAL document, indented, after giving it its
// UUID: the UUIDv5 of the SHA-256 of the document written with an empty
// UUID. The same content gives the same UUID; any change of content, a
// new one, as OSCAL asks of a document's UUID.
func encodeOSCAL(b *bytes.Buffer, kind string, doc any, setUUID func(string)) error {
	var tmp bytes.Buffer
	if err := encodeIndented(&tmp, doc); err != nil {
		return err
	}
	sum := sha256.Sum256(tmp.Bytes())
	setUUID(uuidV5(uuidNamespace, kind+"/document/"+hex.EncodeToString(sum[:])))
	return encodeIndented(b, doc)
}

func encodeIndented(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// What both formats say of the verification (Options.Verification, with
// --with-check): the resources of the infrastructure that verify or
// contradict a claimed control.

// Relations of a claimed control's implemented requirement to a resource
// of the infrastructure: the rel of its link. A resource some of whose
// results contradict the control is contradicted-by, else one whose
// result is unknown (or an error) checked-by, else verified-by.
const (
	relVerifiedBy     = "verified-by"
	relContradictedBy = "contradicted-by"
	relCheckedBy      = "checked-by"
)

// resourceURN is the URN of a resource of the documents, its address
// qualified with its document's label (storage:aws_s3_bucket.backups):
// urn:privacycode:pii:resource:storage:aws_s3_bucket.backups. Every
// character other than a letter, digit, "-", ".", "_", "~", ":" or "@"
// is percent-encoded (UTF-8), so that the brackets and quotes of an
// instance key (["eu west"] → %5B%22eu%20west%22%5D) still make a URI;
// evidenceHref takes it as a link target.
func resourceURN(qualified string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString(resourceURNPrefix)
	for i := 0; i < len(qualified); i++ {
		c := qualified[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~:@", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0x0f])
		}
	}
	return b.String()
}

// verifiedControls indexes the verification's controls by document and
// address; nil without a verification.
func verifiedControls(o *verification.Outcome) map[[2]string]*verification.Control {
	if o == nil {
		return nil
	}
	out := make(map[[2]string]*verification.Control, len(o.Controls))
	for _, c := range o.Controls {
		out[[2]string{c.Document, c.Address}] = c
	}
	return out
}

// infraResources makes the back-matter resources of the resources of the
// infrastructure that the verification names: one per qualified address,
// titled with it, with props for the address, the document's label and
// name, and an rlink to its URN (resourceURN). Its UUID is the UUIDv5 of
// "infrastructure-resource/" and the qualified address, the same in both
// documents: the security plan links it, the assessment results'
// observations have it as a subject.
type infraResources struct {
	g      *uuids
	byAddr map[string]*infraResource
	docs   map[string]string // label → document name
}

type infraResource struct {
	uuid, qualified string
	// found: a document has it (else it is only evidence whose document
	// lacks it).
	found bool
}

func newInfraResources(g *uuids, p *posture.Posture, check *results.Report) *infraResources {
	s := &infraResources{g: g, byAddr: map[string]*infraResource{}, docs: map[string]string{}}
	if check != nil {
		for _, r := range check.Results {
			if r.Resource != nil && r.Resource.Label != "" {
				if _, ok := s.docs[r.Resource.Label]; !ok {
					s.docs[r.Resource.Label] = r.Resource.Document
				}
			}
		}
	}
	for _, d := range p.Documents {
		if l := tfplan.DefaultLabel(d.Name); l != "" {
			if _, ok := s.docs[l]; !ok {
				s.docs[l] = d.Name
			}
		}
	}
	return s
}

// ref returns the UUID of the resource at a qualified address; found says
// whether a document has it.
func (s *infraResources) ref(qualified string, found bool) string {
	r, ok := s.byAddr[qualified]
	if !ok {
		r = &infraResource{uuid: s.g.make("infrastructure-resource", qualified), qualified: qualified}
		s.byAddr[qualified] = r
	}
	r.found = r.found || found
	return r.uuid
}

// resources are the back-matter resources, by qualified address.
func (s *infraResources) resources() []oResource {
	addrs := make([]string, 0, len(s.byAddr))
	for a := range s.byAddr {
		addrs = append(addrs, a)
	}
	slices.Sort(addrs)
	out := make([]oResource, 0, len(addrs))
	for _, a := range addrs {
		r := s.byAddr[a]
		label, address, _, ok := systems.Parse(a)
		if !ok || label == "" {
			label, address = "", a
		}
		doc := s.docs[label]
		var pr props
		pr.add("resource-address", address)
		pr.add("document-label", label)
		pr.add("document", doc)
		where := "the document labelled " + label
		if doc != "" {
			where += " (" + doc + ")"
		}
		desc := "The resource " + address + " of " + where + ", which the verification of the claimed controls checked or found as evidence."
		if !r.found {
			desc = "The resource " + address + ", which a control names as evidence, but which " + where + " does not have."
		}
		out = append(out, oResource{UUID: r.uuid, Title: a, Description: desc, Props: pr, RLinks: []oRLink{{Href: resourceURN(a)}}})
	}
	return out
}

// resourceRelation is what the verification of one control says of one
// resource: the strongest relation and the notes behind it.
type resourceRelation struct {
	qualified string
	rank      int // 0 (evidence found only), 1 verified-by, 2 checked-by, 3 contradicted-by
	found     bool
	notes     []string
}

func (r *resourceRelation) rel() string {
	switch r.rank {
	case 3:
		return relContradictedBy
	case 2:
		return relCheckedBy
	}
	return relVerifiedBy
}

// relations are the resources the verification of a control names, by
// qualified address: those its implementing policies checked (pass,
// fail, unknown or error) and those of its evidence entries that are
// addresses (found, planned for deletion, or missing from their
// document).
func relations(vc *verification.Control) []*resourceRelation {
	byAddr := map[string]*resourceRelation{}
	add := func(qualified string, rank int, found bool, note string) {
		r, ok := byAddr[qualified]
		if !ok {
			r = &resourceRelation{qualified: qualified}
			byAddr[qualified] = r
		}
		r.rank = max(r.rank, rank)
		r.found = r.found || found
		if !slices.Contains(r.notes, note) {
			r.notes = append(r.notes, note)
		}
	}
	for _, ch := range vc.Checks {
		rank := 1
		switch ch.Status {
		case results.Fail:
			rank = 3
		case results.Unknown, results.Error:
			rank = 2
		}
		add(ch.Resource, rank, true, ch.Policy+": "+string(ch.Status))
	}
	for _, ev := range vc.Evidence {
		switch ev.State {
		case verification.EvidenceFound:
			for _, q := range ev.Resources {
				add(q, 0, true, "named as evidence, found")
			}
		case verification.EvidenceDeleted:
			for _, q := range ev.Resources {
				add(q, 3, true, "named as evidence, planned for deletion")
			}
		case verification.EvidenceMissing:
			if label, address, _, ok := systems.Parse(ev.Entry); ok {
				add(systems.Qualified(label, address), 3, false, "named as evidence, not in its document")
			}
		}
	}
	out := make([]*resourceRelation, 0, len(byAddr))
	for _, r := range byAddr {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *resourceRelation) int { return strings.Compare(a.qualified, b.qualified) })
	return out
}
