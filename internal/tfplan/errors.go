package tfplan

import (
	"bytes"
	"fmt"
)

// FormatError says why a document cannot be read. Its message is one line:
// the document's name followed by Reason, for example
// `plan.json is not JSON: invalid character 'x' looking for beginning of
// value at line 1, column 13 (offset 12)`.
type FormatError struct {
	// Name is the document's name as given to Read.
	Name string
	// Reason completes the sentence that starts with the name: "is not
	// JSON: ...", "has ...".
	Reason string
}

func (e *FormatError) Error() string {
	return e.Name + " " + e.Reason
}

func formatErrorf(name, format string, args ...any) *FormatError {
	return &FormatError{Name: name, Reason: fmt.Sprintf(format, args...)}
}

// notDocument is the start of the reason for JSON that is no document of
// terraform show -json.
const notDocument = "is JSON but not a plan or state from terraform show -json: "

// position describes the byte at offset in data as "line L, column C
// (offset N)", lines and columns counted from 1 and columns in bytes.
func position(data []byte, offset int) string {
	off := max(0, min(offset, len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := off - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d (offset %d)", line, col, off)
}
