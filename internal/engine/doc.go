// Package engine evaluates a policy pack over Terraform plan and state
// documents. For every resource of a document and every policy whose type
// pattern matches it, the engine decides pass, fail, unknown,
// not_applicable or error:
//
//   - not_applicable when the resource's operation is not among the
//     policy's operations, or its filter is false;
//   - error when an expression cannot be evaluated (the message names the
//     policy file and line): failing closed, an error blocks like a fail;
//   - fail when an enforce condition is false (one fail is enough);
//   - unknown when a condition depends on values the plan does not know
//     yet, and no other condition fails;
//   - pass otherwise.
//
// Expressions see attrs (planned or current values), prior_attrs, meta
// (address, type, name, mode, module_path, provider, provider_config,
// actions, operation, holds_pii, document), input (the pack's parameters)
// and local (the file's and the policy's locals, evaluated lazily, so that
// a local that cannot be evaluated for a resource the filter excludes is
// no error). meta.provider_config is tfplan.Resource.ProviderConfig: the
// location arguments of the resource's provider configuration, {} when
// the document has none.
//
// Besides the go-cty standard library functions, expressions can call
// core::getresources(type, filter) and core::referrers(type), which read
// the document; core::known(value), true when a value is wholly known at
// plan time, never sensitive; and core::today(), the date of the check
// (YYYY-MM-DD, UTC), read once when the Engine is made or set with
// Options.Today.
//
// Values the document marks sensitive keep their cty marks through every
// expression. Decisions unmark them deliberately; messages are rendered
// from redacted values, so a sensitive value appears only as
// "(sensitive)".
package engine
