package tfplan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// parser reads JSON in one pass (see "Reading large documents" in the
// package documentation). It accepts exactly the JSON of RFC 8259 that
// encoding/json accepts, including its limit of 10,000 levels of nesting
// and its acceptance of invalid UTF-8 in strings, which becomes U+FFFD.
// Its error messages are those of encoding/json, with a position.

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// syntaxError is input that is not JSON.
type syntaxError struct {
	offset int    // of the offending byte, or len(data) at the end
	msg    string // "" at an unexpected end of input
}

func (e *syntaxError) Error() string { return e.msg }

// typeError is JSON whose shape is not that of a plan or state: a field of
// the wrong kind.
type typeError struct {
	offset          int
	path            string
	found, expected string
}

// step is one step of the path to a field of the document.
type step struct {
	key   string // "" for an array index
	index int
}

type parser struct {
	data  []byte
	pos   int
	depth int
	// path to the field being read, for type errors.
	path []step
	// typeErr is the first type error. Reading goes on to find syntax
	// errors, which are reported first.
	typeErr *typeError
	// collectVars makes references collect, in vars, the module variables
	// that expressions refer to, qualified ("module.m.var.x"), beside the
	// resources; vars is reused from one expression to the next.
	collectVars bool
	vars        []string
	// scratch holds unescaped strings while they are compared.
	scratch []byte
	// keys interns object keys (see intern).
	keys map[string]string
	// Scratch space for building cty values (see attrMap, tupleValue).
	attrMaps    []map[string]cty.Value
	objectDepth int
	elems       []cty.Value
}

func (p *parser) push(key string) { p.path = append(p.path, step{key: key}) }
func (p *parser) pushIndex(i int) { p.path = append(p.path, step{index: i}) }
func (p *parser) pop()            { p.path = p.path[:len(p.path)-1] }

// pathString renders the current path: resource_changes[3].change.actions.
func (p *parser) pathString() string {
	var b strings.Builder
	for _, s := range p.path {
		if s.key == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// wrongType records a type error at the value that starts at the current
// position, then skips the value.
func (p *parser) wrongType(expected string) error {
	if p.typeErr == nil {
		p.typeErr = &typeError{offset: p.pos, path: p.pathString(), found: p.kind(), expected: expected}
	}
	return p.skipValue()
}

// kind names the JSON value at the current position, for errors.
func (p *parser) kind() string {
	switch p.peek() {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a bool"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (p *parser) peek() byte {
	p.skipSpace()
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

func (p *parser) eof() error { return &syntaxError{offset: len(p.data)} }

// invalid reports the byte at the current position as invalid in context.
func (p *parser) invalid(context string) error {
	if p.pos >= len(p.data) {
		return p.eof()
	}
	return &syntaxError{offset: p.pos, msg: "invalid character " + quoteChar(p.data[p.pos]) + " " + context}
}

// quoteChar formats a byte as encoding/json does in its errors.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < utf8.RuneSelf && strconv.IsPrint(rune(c)):
		return "'" + string(rune(c)) + "'"
	default:
		return strconv.Quote(string(rune(c)))
	}
}

// object reads an object, calling each with the key of every member (the
// bytes are only valid during the call) and the position at its value,
// which each must consume.
func (p *parser) object(each func(key []byte) error) error {
	if p.peek() != '{' {
		return p.invalid("looking for beginning of object")
	}
	if p.depth++; p.depth > maxDepth {
		return &syntaxError{offset: p.pos, msg: fmt.Sprintf("exceeded max depth of %d", maxDepth)}
	}
	p.pos++
	if p.peek() == '}' {
		p.pos++
		p.depth--
		return nil
	}
	for {
		if p.peek() != '"' {
			return p.invalid("looking for beginning of object key string")
		}
		key, err := p.stringBytes()
		if err != nil {
			return err
		}
		if p.peek() != ':' {
			return p.invalid("after object key")
		}
		p.pos++
		if err := each(key); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.depth--
			return nil
		default:
			return p.invalid("after object key:value pair")
		}
	}
}

// array reads an array, calling each for every element, which each must
// consume.
func (p *parser) array(each func(i int) error) error {
	if p.peek() != '[' {
		return p.invalid("looking for beginning of array")
	}
	if p.depth++; p.depth > maxDepth {
		return &syntaxError{offset: p.pos, msg: fmt.Sprintf("exceeded max depth of %d", maxDepth)}
	}
	p.pos++
	if p.peek() == ']' {
		p.pos++
		p.depth--
		return nil
	}
	for i := 0; ; i++ {
		if err := each(i); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.depth--
			return nil
		default:
			return p.invalid("after array element")
		}
	}
}

// skipValue checks and skips one value.
func (p *parser) skipValue() error {
	switch p.peek() {
	case '{':
		return p.object(func([]byte) error { return p.skipValue() })
	case '[':
		return p.array(func(int) error { return p.skipValue() })
	case '"':
		return p.skipString()
	case 't':
		return p.literal("true")
	case 'f':
		return p.literal("false")
	case 'n':
		return p.literal("null")
	default:
		_, err := p.number()
		return err
	}
}

// span checks and skips one value, and returns where it is.
func (p *parser) span() (span, error) {
	p.skipSpace()
	start := p.pos
	if err := p.skipValue(); err != nil {
		return span{}, err
	}
	return span{start: start, end: p.pos}, nil
}

// span is where a value is in the document; the zero span is no value.
type span struct{ start, end int }

func (s span) present() bool { return s.end > s.start }

func (p *parser) literal(word string) error {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.data) {
			return p.eof()
		}
		if p.data[p.pos] != word[i] {
			if i == 0 {
				return p.invalid("looking for beginning of value")
			}
			return p.invalid("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
		p.pos++
	}
	return nil
}

// number checks and skips a number, and returns its text.
func (p *parser) number() ([]byte, error) {
	start := p.pos
	if p.pos < len(p.data) && p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos >= len(p.data):
		return nil, p.eof()
	case p.data[p.pos] == '0':
		p.pos++
	case p.data[p.pos] >= '1' && p.data[p.pos] <= '9':
		p.digits()
	case p.pos == start:
		return nil, p.invalid("looking for beginning of value")
	default:
		return nil, p.invalid("in numeric literal")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if err := p.someDigits("after decimal point in numeric literal"); err != nil {
			return nil, err
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if err := p.someDigits("in exponent of numeric literal"); err != nil {
			return nil, err
		}
	}
	return p.data[start:p.pos], nil
}

func (p *parser) digits() {
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
}

func (p *parser) someDigits(context string) error {
	if p.pos >= len(p.data) {
		return p.eof()
	}
	if c := p.data[p.pos]; c < '0' || c > '9' {
		return p.invalid(context)
	}
	p.digits()
	return nil
}

// skipString checks and skips a string.
func (p *parser) skipString() error {
	_, _, err := p.rawString()
	return err
}

// rawString checks and skips a string, and returns its bytes between the
// quotes and whether they need unescaping (escapes, invalid UTF-8).
func (p *parser) rawString() (raw []byte, plain bool, err error) {
	p.pos++ // the opening quote
	start := p.pos
	// Fast path: no escape before the closing quote.
	if q := bytes.IndexByte(p.data[start:], '"'); q >= 0 {
		raw = p.data[start : start+q]
		if bytes.IndexByte(raw, '\\') < 0 {
			plain, ok := true, true
			for _, c := range raw {
				if c-0x20 >= 0x60 { // one comparison for c < 0x20 and c >= 0x80
					if c < 0x20 {
						ok = false // the slow path reports it
						break
					}
					plain = false
				}
			}
			if ok {
				p.pos = start + q + 1
				return raw, plain, nil
			}
		}
	}
	plain = true
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			raw = p.data[start:p.pos]
			p.pos++
			return raw, plain, nil
		case c == '\\':
			plain = false
			p.pos++
			if p.pos >= len(p.data) {
				return nil, false, p.eof()
			}
			switch p.data[p.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos++
			case 'u':
				p.pos++
				for range 4 {
					if p.pos >= len(p.data) {
						return nil, false, p.eof()
					}
					if !isHex(p.data[p.pos]) {
						return nil, false, p.invalid("in \\u hexadecimal character escape")
					}
					p.pos++
				}
			default:
				return nil, false, p.invalid("in string escape code")
			}
		case c < 0x20:
			return nil, false, p.invalid("in string literal")
		case c >= utf8.RuneSelf:
			plain = false
			p.pos++
		default:
			p.pos++
		}
	}
	return nil, false, p.eof()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// stringBytes reads a string and returns its content, unescaped. The bytes
// are only valid until the next call.
func (p *parser) stringBytes() ([]byte, error) {
	raw, plain, err := p.rawString()
	if err != nil || plain {
		return raw, err
	}
	p.scratch = unescape(p.scratch[:0], raw)
	return p.scratch, nil
}

// str reads a string.
func (p *parser) str() (string, error) {
	raw, plain, err := p.rawString()
	if err != nil {
		return "", err
	}
	if plain {
		return string(raw), nil
	}
	return string(unescape(nil, raw)), nil
}

// unescape appends the content of a checked string to buf, as
// encoding/json decodes it: escapes resolved, invalid UTF-8 and unpaired
// surrogates replaced by U+FFFD.
func unescape(buf, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			e := raw[i+1]
			i += 2
			switch e {
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r := hex4(raw, i)
				i += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						r2 = hex4(raw, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						i += 6
						r = dec
					} else {
						r = utf8.RuneError
					}
				}
				buf = utf8.AppendRune(buf, r)
			default: // '"', '\\', '/'
				buf = append(buf, e)
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			i += size
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf
}

// hex4 decodes the four hexadecimal digits at raw[i:], which rawString
// checked; -1 if there are not four.
func hex4(raw []byte, i int) rune {
	if i+4 > len(raw) {
		return -1
	}
	var r rune
	for _, c := range raw[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// Typed readers for the fields of the document. A value of the wrong kind
// is recorded as a type error and skipped; null is the zero value, as with
// encoding/json.

func (p *parser) readString(dst *string) error {
	switch p.peek() {
	case '"':
		s, err := p.str()
		*dst = s
		return err
	case 'n':
		return p.literal("null")
	default:
		return p.wrongType("a string")
	}
}

func (p *parser) readStrings(dst *[]string) error {
	switch p.peek() {
	case '[':
		list := []string{}
		err := p.array(func(i int) error {
			p.pushIndex(i)
			defer p.pop()
			var s string
			if err := p.readString(&s); err != nil {
				return err
			}
			list = append(list, s)
			return nil
		})
		*dst = list
		return err
	case 'n':
		return p.literal("null")
	default:
		return p.wrongType("an array of strings")
	}
}

// readObject reads an object field; null is no object.
func (p *parser) readObject(each func(key []byte) error) error {
	switch p.peek() {
	case '{':
		return p.object(each)
	case 'n':
		return p.literal("null")
	default:
		return p.wrongType("an object")
	}
}

// readArray reads an array field; null is no array.
func (p *parser) readArray(each func(i int) error) error {
	switch p.peek() {
	case '[':
		return p.array(func(i int) error {
			p.pushIndex(i)
			defer p.pop()
			return each(i)
		})
	case 'n':
		return p.literal("null")
	default:
		return p.wrongType("an array")
	}
}

// readScalar reads a string, number, bool or null into a Go value (string,
// number text as numberText, bool, nil); an object or array is skipped and
// returned as kindOf it.
func (p *parser) readScalar() (any, error) {
	switch c := p.peek(); c {
	case '"':
		return p.str()
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	case '{', '[':
		k := kindOf(p.kind())
		return k, p.skipValue()
	default:
		n, err := p.number()
		return numberText(n), err
	}
}

// numberText is a JSON number as written.
type numberText string

// kindOf is an object or array read where a scalar was expected.
type kindOf string

// readOverlay reads an unknown or sensitive overlay (after_unknown,
// after_sensitive...): a tree of objects and arrays with bool leaves. It
// keeps only what leads to a true leaf, so it returns nil for the common
// overlays without any ({}, false, {"tags":{}}): true, or a map[string]any
// or []any whose members are overlays. Other values count as false.
func (p *parser) readOverlay() (any, error) {
	switch p.peek() {
	case 't':
		return true, p.literal("true")
	case '{':
		var m map[string]any
		err := p.object(func(key []byte) error {
			o, err := p.readOverlay()
			if err != nil || o == nil {
				return err
			}
			if m == nil {
				m = make(map[string]any)
			}
			m[string(key)] = o
			return nil
		})
		if err != nil || m == nil {
			return nil, err
		}
		return m, nil
	case '[':
		var list []any
		err := p.array(func(i int) error {
			o, err := p.readOverlay()
			if err != nil || o == nil {
				return err
			}
			for len(list) < i {
				list = append(list, nil)
			}
			list = append(list, o)
			return nil
		})
		if err != nil || list == nil {
			return nil, err
		}
		return list, nil
	default:
		return nil, p.skipValue()
	}
}
