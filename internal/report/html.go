package report

import (
	"bytes"
	"embed"
	"html/template"

	"github.com/privacycode/terraform-provider-pii/internal/posture"
)

//go:embed templates/report.html.tmpl templates/report.css
var templateFiles embed.FS

// htmlTemplate is parsed once; html/template escapes every value by its
// context (element text, attribute, URL), so no user text can become
// markup.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"css":           func() template.CSS { return template.CSS(reportCSS) },
	"fill":          levelFill,
	"plural":        plural,
	"human":         human,
	"enum":          enum,
	"retention":     retention,
	"levelClass":    levelClass,
	"coverageClass": coverageClass,
	"statusClass":   statusClass,
	"rated":         rated,
	"country":       countryText,
	"volume":        volume,
	"recordItems":   recordItems,
	"scopeConflict": scopeConflict,
}).ParseFS(templateFiles, "templates/report.html.tmpl"))

// reportCSS is the report's style sheet, a constant of the binary.
var reportCSS = mustRead("templates/report.css")

func mustRead(name string) string {
	b, err := templateFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// writeHTML renders the report as one self-contained HTML document: inline
// CSS and SVG, no script, and nothing loaded from elsewhere (the document's
// Content-Security-Policy forbids it).
func writeHTML(b *bytes.Buffer, p *posture.Posture, opt Options) error {
	return htmlTemplate.ExecuteTemplate(b, "report", newView(p, opt))
}

// levelFill is the colour of a heat map cell. The grid is drawn once and
// used by reference, where style sheets may not reach, so it carries its
// colours as attributes.
func levelFill(class string) string {
	switch class {
	case "lo":
		return "#cfe8cf"
	case "me":
		return "#fff0b3"
	case "hi":
		return "#ffd2a8"
	case "vh":
		return "#f7b4b4"
	}
	return "#ececec"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
