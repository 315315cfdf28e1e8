package tfplan

import "strings"

// isIdentifier reports whether s is an HCL identifier: a letter or
// underscore, then letters, digits, underscores and hyphens. (Non-ASCII
// letters, which HCL also allows, are not used in addresses.)
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// stripKeys removes the instance keys from an address:
// `module.a["x.y"].module.b[0]` becomes "module.a.module.b". A key is a
// bracketed number or quoted string; quotes and backslash escapes inside a
// string key are respected, so a key may hold dots and brackets.
func stripKeys(addr string) string {
	if strings.IndexByte(addr, '[') < 0 {
		return addr
	}
	var b strings.Builder
	b.Grow(len(addr))
	depth, inString, escaped := 0, false, false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"' && depth > 0:
			inString = true
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// notResources are the first steps of references that name no resource.
var notResources = map[string]bool{
	"var": true, "local": true, "each": true, "count": true, "path": true,
	"self": true, "module": true, "terraform": true,
	// Ephemeral resources (Terraform 1.10) are never in a plan's resource
	// changes; run and action blocks are not resources either.
	"ephemeral": true, "run": true, "action": true,
}

// referencedResource returns the configuration address, relative to the
// module, of the resource a reference from the configuration names:
// "aws_s3_bucket.orders.id" and `aws_s3_bucket.orders["x"]` name
// "aws_s3_bucket.orders", "data.aws_iam_policy_document.p.json" names
// "data.aws_iam_policy_document.p". It reports false for references to
// anything else (var.x, local.y, module.m.out, count.index...).
func referencedResource(ref string) (string, bool) {
	prefix := ""
	rest := ref
	if strings.HasPrefix(ref, "data.") {
		prefix, rest = "data.", ref[len("data."):]
	}
	typ, rest, ok := strings.Cut(rest, ".")
	if !ok || !isIdentifier(typ) || (prefix == "" && notResources[typ]) {
		return "", false
	}
	name, ok := leadingName(rest)
	if !ok {
		return "", false
	}
	return prefix + typ + "." + name, true
}

// leadingName is the identifier that starts a reference's remainder, before
// any attribute or index ("orders" of "orders.arn" or "orders[0]").
func leadingName(rest string) (string, bool) {
	name := rest
	if i := strings.IndexAny(rest, ".["); i >= 0 {
		name = rest[:i]
	}
	return name, isIdentifier(name)
}

// referencedVariable returns "var.NAME" for a reference to a module
// variable ("var.kms_key_id", "var.keys.orders", "var.list[0]").
func referencedVariable(ref string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, "var.")
	if !ok {
		return "", false
	}
	name, ok := leadingName(rest)
	return "var." + name, ok
}
