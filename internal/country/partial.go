package country

// Partial is what a partial adequacy decision covers, phrased to follow
// "the adequacy decision for US ...", and what to confirm about a
// recipient before relying on it.
type Partial struct {
	Covers  string
	Confirm string
}

// partial holds the adequacy decisions that do not cover every recipient
// in the country (the same decisions AdequacyNote describes, worded for
// messages about one transfer):
//   - US: the 2023 decision on the EU-US Data Privacy Framework reaches
//     only the organisations that have certified under the Framework.
//   - CA: the 2001 decision reaches organisations subject to the federal
//     private-sector law (PIPEDA), not public bodies or organisations
//     governed by provincial law alone.
//   - JP: the 2019 decision reaches private-sector organisations under the
//     APPI, not public authorities.
//   - KR: the 2021 decision leaves out personal credit information handled
//     by institutions that the Financial Services Commission supervises.
var partial = map[string]Partial{
	"US": {"covers only recipients certified under the EU-US Data Privacy Framework", "confirm the recipient is certified"},
	"CA": {"covers only commercial organisations subject to PIPEDA", "confirm the recipient is subject to PIPEDA"},
	"JP": {"covers only private-sector organisations subject to the APPI", "confirm the recipient is a private-sector organisation under the APPI"},
	"KR": {"does not cover personal credit information processed by institutions the Financial Services Commission supervises", "confirm the transfer includes no such credit information"},
}

// PartialAdequacy reports whether code's adequacy decision covers only
// some recipients, and what it covers. It is false for countries whose
// decision covers every recipient and for countries without one.
func PartialAdequacy(code string) (Partial, bool) {
	p, ok := partial[code]
	return p, ok
}
