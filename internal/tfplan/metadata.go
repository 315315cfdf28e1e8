package tfplan

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// ProviderBlock is a provider configuration of the root module as a plan's
// configuration.provider_config writes it: every argument it sets, not only
// ProviderArguments. Read keeps only those for Resource.ProviderConfig;
// ReadProviderBlock is for the callers that need one provider's own
// settings (the report reads the pii provider's organization and
// catalog_files), at the cost of a second pass over the document.
type ProviderBlock struct {
	// Key is the configuration's key in provider_config ("pii").
	Key string
	// Arguments are the arguments the block sets, by name. Nested blocks
	// are not arguments and are left out.
	Arguments map[string]ProviderExpression
}

// ProviderExpression is the expression of one argument of a provider
// block.
type ProviderExpression struct {
	// Constant reports whether the expression is a constant, whose value
	// Terraform writes (constant_value). Terraform writes none for an
	// expression that refers to anything (a variable, path.module, a
	// function of them): such a value is not in the plan.
	Constant bool
	// Value is the constant value; cty.DynamicVal when the expression is
	// not a constant.
	Value cty.Value
	// References are what the expression refers to, as Terraform lists
	// them ("var.org", "path.module").
	References []string
}

// ReadProviderBlock returns the root module's default configuration (no
// alias) of the provider whose local name is local ("pii") in the plan
// data, which Read has accepted; nil when the plan has none (a state never
// has one). An entry whose shape is not Terraform's is skipped, as Read
// skips it. Errors are *FormatError, for data that is not JSON.
func ReadProviderBlock(name string, data []byte, local string) (*ProviderBlock, error) {
	start, ferr := checkEncoding(name, data)
	if ferr != nil {
		return nil, ferr
	}
	p := &parser{data: data, pos: start}
	var found *ProviderBlock
	err := p.object(func(key []byte) error {
		if string(key) != "configuration" || p.peek() != '{' {
			return p.skipValue()
		}
		return p.object(func(key []byte) error {
			if string(key) != "provider_config" || p.peek() != '{' {
				return p.skipValue()
			}
			return p.object(func(key []byte) error {
				// The key of the root module's default configuration is
				// the local name alone: "pii.eu" has an alias,
				// "module.a:pii" is a module's.
				if string(key) != local || p.peek() != '{' {
					return p.skipValue()
				}
				b, alias, module, err := p.providerBlock(string(key))
				if err == nil && alias == "" && module == "" && found == nil {
					found = b
				}
				return err
			})
		})
	})
	if err != nil {
		return nil, jsonError(name, data, err)
	}
	return found, nil
}

// providerBlock reads one entry of provider_config.
func (p *parser) providerBlock(key string) (b *ProviderBlock, alias, module string, err error) {
	b = &ProviderBlock{Key: key, Arguments: map[string]ProviderExpression{}}
	err = p.object(func(k []byte) error {
		switch string(k) {
		case "alias":
			return p.optString(&alias)
		case "module_address":
			return p.optString(&module)
		case "expressions":
			if p.peek() != '{' {
				return p.skipValue()
			}
			return p.object(func(arg []byte) error {
				argName := string(arg)
				if p.peek() != '{' {
					return p.skipValue() // a nested block: an array
				}
				e, err := p.providerExpression()
				if err == nil {
					b.Arguments[argName] = e
				}
				return err
			})
		}
		return p.skipValue()
	})
	return b, alias, module, err
}

// providerExpression reads an expression object: constant_value and
// references.
func (p *parser) providerExpression() (ProviderExpression, error) {
	e := ProviderExpression{Value: cty.DynamicVal}
	err := p.object(func(k []byte) error {
		switch string(k) {
		case "constant_value":
			at, err := p.span()
			if err != nil {
				return err
			}
			// A value cty cannot hold (a number too large) is kept as no
			// constant rather than failing a plan Read accepted.
			q := &parser{data: p.data, pos: at.start}
			if v, err := q.value(nil, nil); err == nil {
				e.Constant, e.Value = true, v
			}
			return nil
		case "references":
			if p.peek() != '[' {
				return p.skipValue()
			}
			return p.array(func(int) error {
				if p.peek() != '"' {
					return p.skipValue()
				}
				s, err := p.str()
				e.References = append(e.References, s)
				return err
			})
		}
		return p.skipValue()
	})
	return e, err
}

// String describes an expression that is not a constant, for messages:
// "refers to var.org".
func (e ProviderExpression) String() string {
	if e.Constant {
		return "a constant"
	}
	if len(e.References) == 0 {
		return "an expression"
	}
	return "an expression that refers to " + strings.Join(e.References, ", ")
}
