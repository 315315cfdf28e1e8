package tfplan

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// change wraps the JSON of one resource change in a plan.
func change(rc string) string {
	return `{"format_version":"1.2","resource_changes":[` + rc + `]}`
}

func TestReadErrors(t *testing.T) {
	const bucket = `"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b"`
	tests := []struct {
		name, input, want string
	}{
		// Not JSON.
		{"empty", "", "plan.json is empty: expected the JSON output of terraform show -json; when a command such as terraform show -json tfplan > plan.json fails, the shell leaves plan.json empty: run it again and read its error"},
		{"white space", " \n\t", "plan.json is empty: expected the JSON output of terraform show -json; when a command such as terraform show -json tfplan > plan.json fails, the shell leaves plan.json empty: run it again and read its error"},
		{"not JSON", `{"format_version": x}`,
			"plan.json is not JSON: invalid character 'x' looking for beginning of value at line 1, column 20 (offset 19)"},
		{"text that is not terraform's", "Hello, world", "plan.json is not JSON: invalid character 'H' looking for beginning of value at line 1, column 1 (offset 0)"},
		{"truncated", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [{\"address\": \"aws_s3_bu",
			"plan.json is not JSON: it ends in the middle of a value at line 3, column 46 (offset 74); the file may be truncated"},
		{"truncated array", "[1, 2", "plan.json is not JSON: it ends in the middle of a value at line 1, column 6 (offset 5); the file may be truncated"},
		{"two documents", `{"format_version":"1.2"} {"format_version":"1.2"}`,
			"plan.json is not JSON: more follows the end of the document at line 1, column 26 (offset 25)"},
		{"newline in a string", "{\"a\": \"x\ny\"}", `plan.json is not JSON: invalid character "\n" in string literal at line 1, column 9 (offset 8)`},
		{"bad escape", `{"a": "\x"}`, "plan.json is not JSON: invalid character 'x' in string escape code at line 1, column 9 (offset 8)"},
		{"bad literal", `{"a": tru}`, "plan.json is not JSON: invalid character '}' in literal true (expecting 'e') at line 1, column 10 (offset 9)"},
		{"bad number", `{"a": 1.}`, "plan.json is not JSON: invalid character '}' after decimal point in numeric literal at line 1, column 9 (offset 8)"},
		{"leading zero", `{"a": 01}`, "plan.json is not JSON: invalid character '1' after object key:value pair at line 1, column 8 (offset 7)"},
		{"missing colon", `{"a" 1}`, "plan.json is not JSON: invalid character '1' after object key at line 1, column 6 (offset 5)"},
		{"missing comma", `[1 2]`, "plan.json is not JSON: invalid character '2' after array element at line 1, column 4 (offset 3)"},
		{"key not a string", `{1: 2}`, "plan.json is not JSON: invalid character '1' looking for beginning of object key string at line 1, column 2 (offset 1)"},
		{"trailing comma", `{"a": 1,}`, "plan.json is not JSON: invalid character '}' looking for beginning of object key string at line 1, column 9 (offset 8)"},
		{"byte order mark, then not JSON", "\xef\xbb\xbf{x", "plan.json is not JSON: invalid character 'x' looking for beginning of object key string at line 1, column 5 (offset 4)"},
		{"UTF-16", "\xff\xfe{\x00", "plan.json is UTF-16 text (as Windows PowerShell's > writes it): expected UTF-8, for example from terraform show -json plan | Out-File -Encoding utf8"},
		{"too deep", strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
			"plan.json is not JSON: exceeded max depth of 10000 at line 1, column 10001 (offset 10000)"},

		// JSON, but no document of terraform show -json.
		{"array", `[{"format_version":"1.2"}]`, "plan.json is JSON but not a plan or state from terraform show -json: it is an array, expected an object"},
		{"string", `"plan"`, "plan.json is JSON but not a plan or state from terraform show -json: it is a string, expected an object"},
		{"null", `null`, "plan.json is JSON but not a plan or state from terraform show -json: it is null, expected an object"},
		{"no format_version", `{"resource_changes": []}`, "plan.json is JSON but not a plan or state from terraform show -json: it has no format_version"},
		{"empty object", `{}`, "plan.json is JSON but not a plan or state from terraform show -json: it has no format_version"},
		{"provider schemas", `{"format_version":"1.0","provider_schemas":{}}`,
			"plan.json is JSON but not a plan or state from terraform show -json: it has provider_schemas, so it is from terraform providers schema -json"},
		{"validate", `{"format_version":"1.0","valid":true,"error_count":0,"diagnostics":[]}`,
			"plan.json is JSON but not a plan or state from terraform show -json: it has diagnostics, so it is from terraform validate -json"},

		// Versions.
		{"unsupported format_version", `{"format_version":"2.0"}`, "plan.json has format_version 2.0, which is not supported (0.1 to 1.x are)"},
		{"format_version 0.0", `{"format_version":"0.0"}`, "plan.json has format_version 0.0, which is not supported (0.1 to 1.x are)"},
		{"format_version not a version", `{"format_version":"v1"}`, `plan.json has format_version "v1", which is not a version: expected MAJOR.MINOR such as "1.2"`},
		{"format_version a number", `{"format_version":1.2}`, `plan.json has a format_version that is the number 1.2: expected a string such as "1.2"`},
		{"format_version null", `{"format_version":null}`, `plan.json has a format_version that is null: expected a string such as "1.2"`},

		// Fields of the wrong type, with their exact path.
		{"resource_changes an object", `{"format_version":"1.2","resource_changes":{}}`,
			"plan.json has resource_changes of the wrong type at line 1, column 44 (offset 43): found an object, expected an array"},
		{"actions a string", change(`{` + bucket + `,"change":{"actions":"create"}}`),
			"plan.json has resource_changes[0].change.actions of the wrong type at line 1, column 145 (offset 144): found a string, expected an array of strings"},
		{"action a number", change(`{` + bucket + `,"change":{"actions":[1]}}`),
			"plan.json has resource_changes[0].change.actions[0] of the wrong type at line 1, column 146 (offset 145): found a number, expected a string"},
		{"terraform_version a number", `{"format_version":"1.2","terraform_version":1}`,
			"plan.json has terraform_version of the wrong type at line 1, column 45 (offset 44): found a number, expected a string"},
		{"timestamp a number", `{"format_version":"1.2","timestamp":1}`,
			"plan.json has timestamp of the wrong type at line 1, column 37 (offset 36): found a number, expected a string"},
		{"module address in a state", `{"format_version":"1.0","values":{"root_module":{"child_modules":[{"address":true}]}}}`,
			"plan.json has values.root_module.child_modules[0].address of the wrong type at line 1, column 78 (offset 77): found a bool, expected a string"},
		// A type error is reported only once the whole document is known
		// to be JSON.
		{"type error, then truncated", `{"format_version":"1.2","terraform_version":1,"resource_changes":[`,
			"plan.json is not JSON: it ends in the middle of a value at line 1, column 67 (offset 66); the file may be truncated"},

		// Resources.
		{"no address", change(`{"mode":"managed","type":"a","name":"b","change":{"actions":["create"]}}`),
			`plan.json has resource_changes[0] without an address: expected an address such as "aws_s3_bucket.b"`},
		{"bad mode", change(`{"address":"a.b","mode":"manage","type":"a","name":"b","change":{"actions":["create"]}}`),
			`plan.json has resource_changes[0] (a.b) with mode "manage": expected "managed" or "data"`},
		{"no type", change(`{"address":"a.b","mode":"managed","name":"b","change":{"actions":["create"]}}`),
			"plan.json has resource_changes[0] (a.b) without a type"},
		{"no actions", change(`{` + bucket + `,"change":{}}`),
			`plan.json has resource_changes[0] (aws_s3_bucket.b) without change.actions: expected a list such as ["create"]`},
		{"empty actions", change(`{` + bucket + `,"change":{"actions":[]}}`),
			`plan.json has resource_changes[0] (aws_s3_bucket.b) with change.actions []: expected one action such as ["create"], or two for a replacement such as ["delete","create"]`},
		{"two actions", change(`{` + bucket + `,"change":{"actions":["update","create"]}}`),
			`plan.json has resource_changes[0] (aws_s3_bucket.b) with change.actions ["update","create"]: expected one action, or ["delete","create"], ["create","delete"] or ["create","forget"]`},
		{"fractional index", change(`{` + bucket + `,"index":1.5,"change":{"actions":["create"]}}`),
			"plan.json has resource_changes[0] (aws_s3_bucket.b) with an index that is the number 1.5: expected a string or a whole number"},
		{"index an object", change(`{` + bucket + `,"index":{},"change":{"actions":["create"]}}`),
			"plan.json has resource_changes[0] (aws_s3_bucket.b) with an index that is an object: expected a string or a whole number"},
		{"number out of range", change(`{` + bucket + `,"change":{"actions":["create"],"after":{"tags":{"a b":[1,1e99999999999999999999]}}}}`),
			`plan.json has resource_changes[0] (aws_s3_bucket.b) with the number 1e99999999999999999999 at change.after.tags["a b"][1]: its exponent is too large for a cty number`},
		{"state module without address", `{"format_version":"1.0","values":{"root_module":{"child_modules":[{"resources":[]}]}}}`,
			`plan.json has values.root_module.child_modules[0] without an address: expected a module address such as "module.a"`},
		{"state resource", `{"format_version":"1.0","values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a"}]}}}`,
			"plan.json has values.root_module.resources[0] (a.b) without a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("plan.json", []byte(tt.input))
			if doc != nil {
				t.Errorf("got a document")
			}
			var ferr *FormatError
			if !errors.As(err, &ferr) {
				t.Fatalf("got %T %v, want a *FormatError", err, err)
			}
			if ferr.Name != "plan.json" || err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the message has more than one line")
			}
		})
	}
}

// TestReadAccepted lists documents that are unusual but fine.
func TestReadAccepted(t *testing.T) {
	tests := []struct {
		name, input string
		kind        Kind
		resources   int
	}{
		{"empty state", `{"format_version":"1.0"}`, State, 0},
		{"empty state with version", `{"format_version":"1.0","terraform_version":"1.9.5"}`, State, 0},
		{"state without root module", `{"format_version":"1.0","values":{}}`, State, 0},
		{"state with null values", `{"format_version":"1.0","values":null}`, State, 0},
		{"byte order mark", "\xef\xbb\xbf" + `{"format_version":"1.0"}`, State, 0},
		{"empty plan", `{"format_version":"1.2","planned_values":{"root_module":{}},"configuration":{"root_module":{}}}`, Plan, 0},
		{"plan without configuration", change(`{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"]}}`), Plan, 1},
		{"format 0.2", `{"format_version":"0.2","resource_changes":[]}`, Plan, 0},
		{"format 1.99", `{"format_version":"1.99","resource_changes":[]}`, Plan, 0},
		{"unknown keys", `{"format_version":"1.2","future":{"x":[1,{"y":null}]},"resource_changes":[]}`, Plan, 0},
		{"whole-number index", change(`{"address":"a.b[1]","mode":"managed","type":"a","name":"b","index":1.0,"change":{"actions":["create"]}}`), Plan, 1},
		{"an action of a later Terraform", change(`{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["import"]}}`), Plan, 1},
		{"white space everywhere", " \n{ \"format_version\" : \"1.0\" ,\r\n\t\"values\" : { } } \n", State, 0},
		{"escapes in keys and values", `{"format_vers\u0069on":"1.\u0032","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["cr\u0065ate"],"after":{"k\"ey":"\ud83d\ude00 \ud800"}}}]}`, Plan, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("doc.json", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Kind != tt.kind || len(doc.Resources) != tt.resources {
				t.Errorf("got a %s with %d resources, want a %s with %d", doc.Kind, len(doc.Resources), tt.kind, tt.resources)
			}
		})
	}
}

// TestReadTimestamp: a plan's top-level timestamp (Terraform 1.5 and
// later) is kept as it is; a state or an older plan has none.
func TestReadTimestamp(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"plan", `{"format_version":"1.2","terraform_version":"1.11.4","timestamp":"2026-11-28T21:02:08Z","resource_changes":[]}`, "2026-11-28T21:02:08Z"},
		{"after the resources", `{"format_version":"1.2","resource_changes":[],"timestamp":"2026-01-02T03:04:05Z"}`, "2026-01-02T03:04:05Z"},
		{"null", `{"format_version":"1.2","timestamp":null,"resource_changes":[]}`, ""},
		{"older plan", `{"format_version":"1.1","resource_changes":[]}`, ""},
		{"state", `{"format_version":"1.0","values":{}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("doc.json", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Timestamp != tt.want {
				t.Errorf("Timestamp = %q, want %q", doc.Timestamp, tt.want)
			}
		})
	}
	if doc := readTestdata(t, "plan_1_2.json"); doc.Timestamp != "" {
		t.Errorf("plan_1_2.json: Timestamp = %q, want none", doc.Timestamp)
	}
}

// TestReadTruncated cuts a plan at every byte: each prefix is JSON that
// ends in the middle of a value.
func TestReadTruncated(t *testing.T) {
	for _, file := range []string{"plan_0_1.json", "state_1_0.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.TrimRight(data, " \n")
		for n := 1; n < len(data); n++ {
			_, err := Read(file, data[:n])
			var ferr *FormatError
			if !errors.As(err, &ferr) || !strings.HasPrefix(ferr.Reason, "is not JSON: it ends in the middle of a value at ") {
				t.Fatalf("%s cut after %d bytes: %v", file, n, err)
			}
		}
	}
}

// TestReadDeep reads values and overlays nested as deep as JSON allows.
// Each level is visited once: a quadratic walk would take minutes here.
func TestReadDeep(t *testing.T) {
	const depth = 9990
	deepObject := strings.Repeat(`{"a":`, depth) + "true" + strings.Repeat("}", depth)
	deepArray := strings.Repeat("[", depth) + "true" + strings.Repeat("]", depth)
	rc := func(change string) string {
		return `{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],` + change + `}}]}`
	}
	tests := []struct {
		name, input string
		unknown     bool
	}{
		{"unknown object into nothing", rc(`"after":{},"after_unknown":` + deepObject), true},
		{"unknown array into nothing", rc(`"after_unknown":` + deepArray), true},
		{"deep value, deep sensitive", rc(`"after":` + deepObject + `,"after_sensitive":` + deepObject), false},
		{"deep value, deep unknown", rc(`"after":` + deepArray + `,"after_unknown":` + deepArray), true},
		{"deep modules", `{"format_version":"1.2","configuration":{"root_module":` +
			strings.Repeat(`{"module_calls":{"m":{"module":`, depth/3-1) + "{}" + strings.Repeat("}}}", depth/3-1) + `}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("deep.json", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range doc.Resources {
				if containsUnknown(r.After) != tt.unknown {
					t.Errorf("unknown somewhere: %v, want %v", !tt.unknown, tt.unknown)
				}
			}
		})
	}
}
