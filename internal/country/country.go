// Package country knows the ISO 3166-1 alpha-2 country codes and the two
// facts about a country that EU transfer rules turn on: whether it is in
// the European Economic Area, where the GDPR applies and data moves
// freely, and whether the European Commission has found its protection
// adequate (GDPR Article 45), so that data may go there without further
// safeguards.
//
// A code is valid only if ISO has officially assigned it: exactly two
// upper-case letters, as ISO writes them. Codes that ISO merely reserves
// (UK, EU, XK…) are refused, because other systems that read the
// configuration will not know them; the error says what they stand for and
// which assigned code to use where there is one.
//
// The EEA and adequacy lists are facts as of 2025, and they change:
// decisions are adopted, renewed and struck down (the EU-US Privacy Shield
// fell in 2020). They are data to keep current, not logic.
package country

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type entry struct {
	code, alpha3, name string
}

var (
	byCode   = make(map[string]entry, len(codes))
	byAlpha3 = make(map[string]string, len(codes))
	byName   = make(map[string]string, len(codes)+len(otherNames))
)

func init() {
	for _, e := range codes {
		byCode[e.code] = e
		byAlpha3[e.alpha3] = e.code
		byName[strings.ToLower(e.name)] = e.code
	}
	for name, code := range otherNames {
		byName[name] = code
	}
}

// Valid reports whether code is an officially assigned ISO 3166-1 alpha-2
// code, written in upper case.
func Valid(code string) bool {
	_, ok := byCode[code]
	return ok
}

// Name returns the English short name for a valid code, or "".
func Name(code string) string {
	return byCode[code].name
}

// Codes returns all officially assigned alpha-2 codes in alphabetical
// order. The slice is the caller's to keep.
func Codes() []string {
	out := make([]string, 0, len(codes))
	for _, e := range codes {
		out = append(out, e.code)
	}
	sort.Strings(out)
	return out
}

// Check returns nil for a valid code, and otherwise an error that says
// why the code is refused and, where the intended code is clear, suggests
// it with its name.
func Check(code string) error {
	if Valid(code) {
		return nil
	}
	msg := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", code)
	fix, why := intended(code)
	if why != "" {
		msg += ": " + why
	}
	msg += "."
	if fix != "" {
		msg += fmt.Sprintf(" Did you mean %q (%s)?", fix, Name(fix))
	} else {
		msg += " Write the two capital letters ISO assigns to a country or territory, such as DE, FR or US."
	}
	return errors.New(msg)
}

// intended guesses the code meant by an invalid one, only where there is
// a single sensible answer: 2-letter codes are too dense for "nearest
// code" guesses (DR is one letter from DE, DK, DM, DO and DZ) to help.
func intended(code string) (fix, why string) {
	s := strings.TrimSpace(code)
	upper := strings.ToUpper(s)
	switch {
	case Valid(upper) && s != upper:
		return upper, "codes are written in capital letters"
	case Valid(upper):
		return upper, "" // only surrounding spaces
	}
	if a, ok := aliases[upper]; ok {
		return a.code, a.why
	}
	if c, ok := byAlpha3[upper]; ok {
		return c, "it is an alpha-3 code"
	}
	if c, ok := byName[strings.ToLower(s)]; ok {
		return c, ""
	}
	return "", reserved[upper]
}

// aliases are codes people use that ISO has not assigned, each with the
// assigned code that covers the same place.
var aliases = map[string]struct{ code, why string }{
	// The United Kingdom asked ISO to reserve UK; its assigned code is GB.
	"UK": {"GB", ""},
	// The EU writes EL for Greece; ISO assigns GR.
	"EL": {"GR", ""},
	// Exceptionally reserved for parts of countries.
	"AC": {"SH", "it is reserved for Ascension Island, which is part of Saint Helena, Ascension and Tristan da Cunha"},
	"TA": {"SH", "it is reserved for Tristan da Cunha, which is part of Saint Helena, Ascension and Tristan da Cunha"},
	"DG": {"IO", "it is reserved for Diego Garcia, which is part of the British Indian Ocean Territory"},
	"EA": {"ES", "it is reserved for Ceuta and Melilla, which are part of Spain"},
	"IC": {"ES", "it is reserved for the Canary Islands, which are part of Spain"},
	"CP": {"FR", "it is reserved for Clipperton Island, which belongs to France"},
	"FX": {"FR", "it is reserved for Metropolitan France, which is part of France"},
	// Withdrawn codes whose country lives on under a new one.
	"BU": {"MM", "it was withdrawn when Burma became Myanmar"},
	"TP": {"TL", "it was withdrawn when East Timor became Timor-Leste"},
	"ZR": {"CD", "it was withdrawn when Zaire became the Democratic Republic of the Congo"},
	"DD": {"DE", "it was withdrawn when East Germany joined the Federal Republic of Germany"},
}

// reserved explains codes with no single assigned equivalent.
var reserved = map[string]string{
	"EU": "it is reserved for the European Union, which is not a country",
	"EZ": "it is reserved for the eurozone, which is not a country",
	"UN": "it is reserved for the United Nations, which is not a country",
	"XK": "it is a user-assigned code that some use for Kosovo, which has no ISO 3166-1 code",
}

// otherNames are former and formal names in common use, lower case.
var otherNames = map[string]string{
	"united states of america": "US",
	"great britain":            "GB",
	"republic of korea":        "KR",
	"russian federation":       "RU",
	"turkey":                   "TR",
	"czech republic":           "CZ",
	"swaziland":                "SZ",
	"macedonia":                "MK",
	"cape verde":               "CV",
	"vatican city":             "VA",
	"viet nam":                 "VN",
	"burma":                    "MM",
	"east timor":               "TL",
	"ivory coast":              "CI",
}

// eea holds the 27 EU member states and Iceland, Liechtenstein and
// Norway. It answers for states only: territories with their own code
// where EU law applies too (Åland AX; the French outermost regions GF, GP,
// MQ, RE, YT and MF) are not counted, a judgement to revisit if
// configuration needs them.
var eea = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true,
	"DK": true, "EE": true, "FI": true, "FR": true, "DE": true, "GR": true,
	"HU": true, "IE": true, "IT": true, "LV": true, "LT": true, "LU": true,
	"MT": true, "NL": true, "PL": true, "PT": true, "RO": true, "SK": true,
	"SI": true, "ES": true, "SE": true,
	"IS": true, "LI": true, "NO": true,
}

// InEEA reports whether code is a member state of the European Economic
// Area: the 27 EU member states plus Iceland, Liechtenstein and Norway.
func InEEA(code string) bool {
	return eea[code]
}

// EEA names the European Economic Area as a jurisdiction.
const EEA = "EEA"

// InJurisdiction reports whether the country code is inside the
// jurisdiction: the country itself, or a member state of the EEA.
func InJurisdiction(code, jurisdiction string) bool {
	if jurisdiction == EEA {
		return InEEA(code)
	}
	return code == jurisdiction
}

// adequacy holds the countries with an adequacy decision in force in 2025,
// each with a note when the decision covers only some recipients:
//   - US: the EU-US Data Privacy Framework (2023) covers only organisations
//     certified under it, not every US recipient.
//   - CA: the decision (2001) covers only commercial organisations subject
//     to PIPEDA, not public bodies or organisations under provincial law
//     alone.
//   - JP: the decision (2019) covers only private-sector organisations
//     subject to the APPI, not public authorities.
//   - KR: the decision (2021) excludes personal credit information
//     processed by institutions supervised by the Financial Services
//     Commission.
var adequacy = map[string]string{
	"AD": "", // Andorra
	"AR": "", // Argentina
	"CA": "commercial organisations subject to PIPEDA",
	"FO": "", // Faroe Islands
	"GG": "", // Guernsey
	"IL": "", // Israel
	"IM": "", // Isle of Man
	"JP": "private-sector organisations subject to the APPI",
	"JE": "", // Jersey
	"NZ": "", // New Zealand
	"KR": "except personal credit information processed by institutions supervised by the Financial Services Commission",
	"CH": "", // Switzerland
	"GB": "", // United Kingdom
	"UY": "", // Uruguay
	"US": "only for organisations certified under the EU-US Data Privacy Framework",
}

// AdequacyDecision reports whether the European Commission has decided
// that code's country protects personal data adequately (GDPR Article
// 45). Some decisions cover only some recipients: see AdequacyNote. EEA
// members have no decision because they need none; use InEEA for them.
func AdequacyDecision(code string) bool {
	_, ok := adequacy[code]
	return ok
}

// AdequacyNote returns a short note on what a partial adequacy decision
// covers, such as "only for organisations certified under the EU-US Data
// Privacy Framework" for US, or "" when the decision covers every
// recipient or there is none.
func AdequacyNote(code string) string {
	return adequacy[code]
}
