package tfplan

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
)

// The files people give instead of terraform show -json output, each
// recognised by how it starts, so that the error says what the file is and
// which command makes the document from it:
//
//   - a plan saved by terraform plan -out: a zip archive ("PK\x03\x04")
//     holding a "tfplan" entry (with "tfstate", "tfconfig/", …);
//   - another zip, such as a CI artifact downloaded with the JSON inside;
//   - a gzip-compressed document (an artifact or a cache, "\x1f\x8b");
//   - the text terraform plan or terraform show prints without -json,
//     often redirected into a .json file;
//   - other binary data (NUL bytes in the first bytes).
//
// A raw state file (terraform.tfstate) is JSON and is recognised by its
// keys instead (see checkVersion).

// sniffNotJSON returns the reason for a document that is recognisably not
// JSON, or "" to let the JSON parser report the first invalid byte.
func sniffNotJSON(name string, data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipReason(name, data)
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}):
		out := "plan.json"
		if base := strings.TrimSuffix(name, ".gz"); base != name && base != "" {
			out = base
		}
		return "is not JSON: it is gzip-compressed; decompress it first (gunzip -c " + shellWord(planArg(name)) + " > " + shellWord(outName(name, out)) + ") and give the result"
	}
	start := skipJSONSpace(data)
	if start < len(data) && strings.IndexByte(`{["-0123456789tfn`, data[start]) >= 0 {
		return "" // looks like JSON: the parser says where it goes wrong
	}
	head := data[start:min(len(data), start+64<<10)]
	if bytes.IndexByte(head[:min(len(head), 512)], 0) >= 0 {
		return "is not JSON: it is binary data; expected the JSON output of terraform show -json"
	}
	json := "plan.json"
	if strings.HasSuffix(name, ".json") {
		// terraform show tfplan > plan.json was meant as the JSON: the same
		// command with -json fixes it.
		json = name
	}
	switch textKind(head) {
	case "plan":
		return "is not JSON: it is the text that terraform plan and terraform show print; save the plan with terraform plan -out=tfplan, " +
			"then run terraform show -json tfplan > " + shellWord(json) + " and give " + shellWord(json)
	case "state":
		if json == "plan.json" {
			json = "state.json"
		}
		return "is not JSON: it is the text that terraform show prints for a state; run terraform show -json > " + shellWord(json) + " and give " + shellWord(json)
	}
	return ""
}

// zipReason says what a zip archive is: a saved plan, or an archive that
// holds other files.
func zipReason(name string, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "is not JSON: it is a zip archive that cannot be opened (" + err.Error() + "); a plan saved by terraform plan -out is a zip archive, " +
			"and if this is one it is incomplete: save it again and run terraform show -json " + shellWord(planArg(name)) + " > " + shellWord(outName(name, "plan.json"))
	}
	var entries []string
	for _, f := range zr.File {
		if f.Name == "tfplan" {
			return "is not JSON: it is a binary plan saved by terraform plan -out; run terraform show -json " + shellWord(planArg(name)) + " > " +
				shellWord(outName(name, "plan.json")) + " and give " + shellWord(outName(name, "plan.json"))
		}
		if len(entries) < 3 && !strings.HasSuffix(f.Name, "/") {
			entries = append(entries, printable(f.Name))
		}
	}
	if len(entries) == 0 {
		return "is not JSON: it is an empty zip archive; expected the JSON output of terraform show -json"
	}
	more := ""
	if len(zr.File) > len(entries) {
		more = ", …"
	}
	return "is not JSON: it is a zip archive (of " + strings.Join(entries, ", ") + more + ") but not a saved plan, which has a tfplan entry; extract the JSON document and give it"
}

// Markers of terraform's human-readable output. Plans: the headers and
// summaries of terraform plan and terraform show PLANFILE; states: what
// terraform show prints without a plan file.
var (
	planTextMarkers = []string{
		"Terraform used the selected providers to generate",
		"Terraform will perform the following actions",
		"No changes.", "Plan: ", "Changes to Outputs:",
		" will be created", " will be destroyed", " will be updated in-place", " must be replaced", " will be read during apply",
		"Refreshing state...", "Reading...",
	}
	stateTextMarkers = []string{"The state file is empty.", "No state."}
	// stateHeader is how terraform show starts each resource of a state:
	// "# aws_s3_bucket.b:".
	stateHeader = regexp.MustCompile(`(?m)^(?:\x1b\[[0-9;]*m)*# [^\s:]+:(?:\x1b\[[0-9;]*m)*\s*$`)
)

// textKind says whether text is terraform's human-readable output of a plan
// or of a state, or neither ("").
func textKind(head []byte) string {
	for _, m := range planTextMarkers {
		if bytes.Contains(head, []byte(m)) {
			return "plan"
		}
	}
	for _, m := range stateTextMarkers {
		if bytes.Contains(head, []byte(m)) {
			return "state"
		}
	}
	if stateHeader.Match(head) {
		return "state"
	}
	// Colour codes without -no-color: some terraform output, most likely
	// of terraform plan.
	if bytes.HasPrefix(head, []byte("\x1b[")) {
		return "plan"
	}
	return ""
}

// emptyReason is the reason for an empty document. Most often the shell
// created the file for a redirect and the command failed before writing
// anything; its error went to the terminal.
func emptyReason(name string) string {
	const want = "is empty: expected the JSON output of terraform show -json"
	if name == "-" || name == "" {
		return want + "; the command piped in wrote nothing: run it on its own and read its error"
	}
	w := shellWord(name)
	return want + "; when a command such as terraform show -json tfplan > " + w + " fails, the shell leaves " + w + " empty: run it again and read its error"
}

// rawStateReason is the reason for terraform's own state file, which
// terraform show -json turns into the document.
func rawStateReason(name string) string {
	out := outName(name, "state.json")
	return notDocument + "it is a raw state file (it has serial and lineage, not format_version); run terraform show -json " +
		shellWord(planArg(name)) + " > " + shellWord(out) + " and give " + shellWord(out)
}

// planArg is the file to give terraform show: the document's own name,
// unless it was read from standard input.
func planArg(name string) string {
	if name == "-" || name == "" {
		return "FILE"
	}
	return name
}

// outName is the file to redirect terraform show -json into: want, unless
// that is the input itself, which the shell would empty before terraform
// reads it.
func outName(name, want string) string {
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	if base == want {
		return strings.TrimSuffix(want, ".json") + "-show.json"
	}
	return want
}

// shellWord quotes a file name for a POSIX shell when it needs it, so that
// the command in the message can be pasted as it is.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(printableName(s), "'", `'\''`) + "'"
}

// printableName cuts a name to a length that keeps the message on one line
// and replaces control characters, which a message must not carry.
func printableName(s string) string {
	s = truncate(s, 200)
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}

func skipJSONSpace(data []byte) int {
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
