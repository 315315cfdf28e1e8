// Package tfplan reads the JSON documents that `terraform show -json`
// writes, plans (format_version 0.1 to 1.x) and states, into resources whose
// values a policy engine evaluates with go-cty.
//
// # Documents and resources
//
// Read parses one document into a Document: its kind (plan or state), its
// versions, its timestamp (plans of Terraform 1.5 and later), and every
// resource instance, managed and data, of every module,
// in document order. A plan's resources come from resource_changes (never
// from resource_drift, which is what changed outside Terraform, nor from
// planned_values, which repeats the same values without unknowns); a
// state's from values.root_module and its child_modules. An empty state
// (`{"format_version":"1.0"}`) is a state with no resources.
//
// Each Resource keeps Terraform's addresses (Address and ModuleAddress with
// instance keys, ConfigAddress without them: module.a["x"].aws_s3_bucket.b[0]
// is an instance of the block module.a.aws_s3_bucket.b), its Actions as the
// plan lists them and one Operation summarising them (create, update,
// delete, replace, no-op, read, or forget), and two cty values: After
// (planned or current values) and Before (the values before the change;
// null on create and in states). An object that a create_before_destroy
// replacement left behind appears as a second resource at the same address,
// with Deposed set; Lookup returns the current one.
//
// # Values without schemas
//
// The document carries no provider schemas, so values are converted from
// JSON as they are: objects become cty objects, arrays cty tuples, numbers
// exact cty numbers (never through float64), strings and bools their cty
// kind, and null a null of cty.DynamicPseudoType. A Terraform list, set or
// map is therefore a tuple or an object here; functions that take any
// collection (length, contains, for expressions) work on both.
//
// # The unknown overlay
//
// At plan time some values are not known yet ("known after apply"). The plan
// leaves them out of "after" (an object attribute is omitted, a list element
// is null) and says where they are in "after_unknown", a tree of the same
// shape whose leaves are true where the value is unknown. Read overlays it:
// at every path where after_unknown is true, After holds
// cty.UnknownVal(cty.DynamicPseudoType), adding the attribute or element
// when "after" left it out. A policy that reads such a value sees an
// unknown, which the engine reports as "unknown", never as a failure.
//
// # The sensitive overlay
//
// "after_sensitive" and "before_sensitive" (and a state resource's
// "sensitive_values") have the same shape, with true where the provider or
// the configuration marked a value sensitive. Read marks the value at every
// such path, and its whole subtree, with the Sensitive mark. The values stay
// readable to the engine (a policy may test them), but whoever prints one
// must check for the mark (cty.Value.HasMark, or ContainsMarked for a
// subtree) and print "(sensitive)" instead. Terraform wrote these
// overlays from 0.15 on; Read applies them in whatever format_version they
// appear, including 0.1 documents from Terraform 0.15 and 1.0.
//
// cty refuses some operations (AsString, LengthInt, ElementIterator...) on
// marked values: unmark first (Unmark, UnmarkDeep) or go through HCL, which
// carries marks through expressions.
//
// # References
//
// A plan's configuration section records, for each resource block, the
// expressions of its arguments and nested blocks with the references each
// one makes. Resource.References lists the configuration addresses of the
// resources (managed, and data sources with their "data." prefix) that a
// resource's arguments, nested blocks, count, for_each and provisioners
// refer to, resolved within the resource's module: in module.a,
// "aws_s3_bucket.orders.id" becomes "module.a.aws_s3_bucket.orders".
// References to variables, locals, each, count, path, self, terraform and
// module outputs are not resources and are left out, and so is depends_on,
// which orders operations but passes no value. Document.ReferencedBy answers
// the reverse question, one hop: which resources refer to this one. States
// have no configuration; there the references are the dependencies
// Terraform recorded for each resource (its depends_on in the state), which
// include every resource its configuration referred to.
//
// # Provider configurations
//
// Resource.ProviderConfig holds the arguments of the resource's provider
// configuration that the plan can resolve, among ProviderArguments (region,
// location, project, zone, subscription_id, tenant_id, profile, and the
// configuration's alias): never credentials, since the plan does not say
// which provider arguments are sensitive. The configuration is the entry
// of configuration.provider_config that the resource block's
// provider_config_key names, following inheritance up the module tree for
// the keys of Terraform before 1.2 (see resolveProviderKey), else the root
// module's configuration of the resource's provider. An argument written
// as a constant has its value; one whose only reference is a variable, in
// a configuration of the root module, has the variable's value from the
// plan's variables; any other has an unknown value. States have no
// configuration: their resources have the empty object. Resources of one
// configuration share its value.
//
// # Errors
//
// Read never panics. A document it cannot use is a *FormatError whose
// message names the file, says what was wrong (with a line and column when
// there is a position) and what is accepted. Input that is not JSON is
// reported as such before anything about its content, and the files people
// give by mistake are named with the command that makes the document: a
// plan saved by terraform plan -out (a zip with a tfplan entry), another
// zip, a gzip, the text terraform plan or terraform show prints, an empty
// file (a redirect whose command failed), and terraform's own state file
// (terraform.tfstate, JSON with serial and lineage).
//
// # Reading large documents
//
// A plan of 20,000 resources is about 50 MB of JSON, most of it of no use
// here (planned_values and prior_state repeat the values). Read does not
// use encoding/json, which would scan it all twice and build a map for
// every object: its own parser checks the JSON in one pass (accepting
// exactly what encoding/json accepts), skips what is not needed, keeps only
// where each resource's values are, then builds the cty values from the
// bytes directly, splitting the resources between goroutines.
//
// A Document is not modified after Read returns and is safe for concurrent
// use; its indexes (ByType, Lookup, ReferencedBy) are built once, on first
// use.
package tfplan
