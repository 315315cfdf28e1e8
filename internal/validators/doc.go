// Package validators holds the attribute validators shared by the provider's
// schemas. Each reports at the attribute's path, says what was wrong and
// what is accepted, and suggests the closest accepted value where one is
// near. Unknown and null values are never errors: they are checked once
// known.
package validators
