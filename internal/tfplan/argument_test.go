package tfplan

import (
	"reflect"
	"testing"
)

// A resource's references are also kept by the argument that holds them:
// an aws_s3_bucket_logging names the bucket it configures in "bucket" and
// the log bucket in "target_bucket", also inside a module.
func TestArgumentReferences(t *testing.T) {
	const plan = `{"format_version":"1.2","resource_changes":[
 {"address":"aws_s3_bucket.orders","mode":"managed","type":"aws_s3_bucket","name":"orders","change":{"actions":["create"],"after":{}}},
 {"address":"aws_s3_bucket.logs","mode":"managed","type":"aws_s3_bucket","name":"logs","change":{"actions":["create"],"after":{}}},
 {"address":"aws_s3_bucket_logging.orders","mode":"managed","type":"aws_s3_bucket_logging","name":"orders","change":{"actions":["create"],"after":{}}},
 {"address":"module.m.aws_s3_bucket.b","module_address":"module.m","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"after":{}}},
 {"address":"module.m.aws_s3_bucket_versioning.b","module_address":"module.m","mode":"managed","type":"aws_s3_bucket_versioning","name":"b","change":{"actions":["create"],"after":{}}}
],"configuration":{"root_module":{"resources":[
 {"address":"aws_s3_bucket_logging.orders","mode":"managed","type":"aws_s3_bucket_logging","name":"orders","expressions":{
  "bucket":{"references":["aws_s3_bucket.orders.id","aws_s3_bucket.orders"]},
  "target_bucket":{"references":["aws_s3_bucket.logs.id","aws_s3_bucket.logs"]},
  "target_prefix":{"constant_value":"orders/"}}}
 ],"module_calls":{"m":{"module":{"resources":[
  {"address":"aws_s3_bucket_versioning.b","mode":"managed","type":"aws_s3_bucket_versioning","name":"b","expressions":{
   "bucket":{"references":["aws_s3_bucket.b.id","aws_s3_bucket.b"]},
   "versioning_configuration":[{"status":{"references":["var.status"]}}]}}]}}}}}}`
	doc, err := Read("plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	addresses := func(rs []*Resource) []string {
		out := []string{}
		for _, r := range rs {
			out = append(out, r.Address)
		}
		return out
	}
	orders, logs, logging := doc.Lookup("aws_s3_bucket.orders"), doc.Lookup("aws_s3_bucket.logs"), doc.Lookup("aws_s3_bucket_logging.orders")
	if want := []ArgumentReference{{"bucket", "aws_s3_bucket.orders"}, {"target_bucket", "aws_s3_bucket.logs"}}; !reflect.DeepEqual(logging.ArgumentReferences, want) {
		t.Errorf("ArgumentReferences = %v, want %v", logging.ArgumentReferences, want)
	}
	for _, tt := range []struct {
		of       *Resource
		argument string
		want     []string
	}{
		{orders, "bucket", []string{"aws_s3_bucket_logging.orders"}},
		{orders, "target_bucket", []string{}},
		{logs, "bucket", []string{}},
		{logs, "target_bucket", []string{"aws_s3_bucket_logging.orders"}},
		{doc.Lookup("module.m.aws_s3_bucket.b"), "bucket", []string{"module.m.aws_s3_bucket_versioning.b"}},
		{doc.Lookup("module.m.aws_s3_bucket.b"), "versioning_configuration", []string{}},
		{nil, "bucket", []string{}},
	} {
		if got := addresses(doc.ReferencedByArgument(tt.of, tt.argument)); !reflect.DeepEqual(got, tt.want) {
			name := "<nil>"
			if tt.of != nil {
				name = tt.of.Address
			}
			t.Errorf("ReferencedByArgument(%s, %s) = %v, want %v", name, tt.argument, got, tt.want)
		}
	}
	// And the other way: what the logging configuration's arguments refer to.
	for argument, want := range map[string][]string{"bucket": {"aws_s3_bucket.orders"}, "target_bucket": {"aws_s3_bucket.logs"}, "target_prefix": {}} {
		if got := addresses(doc.ReferencesOfArgument(logging, argument)); !reflect.DeepEqual(got, want) {
			t.Errorf("ReferencesOfArgument(logging, %s) = %v, want %v", argument, got, want)
		}
	}
	// Both buckets still count as referenced, whatever the argument.
	if got := addresses(doc.ReferencedBy(logs)); !reflect.DeepEqual(got, []string{"aws_s3_bucket_logging.orders"}) {
		t.Errorf("ReferencedBy(logs) = %v", got)
	}
}

// A state records dependencies, not arguments: asked by argument, it
// answers with every resource that depends on the bucket.
func TestArgumentReferencesInAState(t *testing.T) {
	const state = `{"format_version":"1.0","values":{"root_module":{"resources":[
 {"address":"aws_s3_bucket.orders","mode":"managed","type":"aws_s3_bucket","name":"orders","values":{}},
 {"address":"aws_s3_bucket_versioning.orders","mode":"managed","type":"aws_s3_bucket_versioning","name":"orders","values":{},"depends_on":["aws_s3_bucket.orders"]}]}}}`
	doc, err := Read("state.json", []byte(state))
	if err != nil {
		t.Fatal(err)
	}
	by := doc.ReferencedByArgument(doc.Lookup("aws_s3_bucket.orders"), "bucket")
	if len(by) != 1 || by[0].Address != "aws_s3_bucket_versioning.orders" {
		t.Errorf("ReferencedByArgument in a state = %v", by)
	}
}

// A key passed into a module, and on into a nested one, is followed back
// to the resource that makes it: kms_master_key_id = var.key_arn refers to
// aws_kms_key.orders of the root module.
func TestArgumentReferencesThroughModuleVariables(t *testing.T) {
	const plan = `{"format_version":"1.2","resource_changes":[{"address":"aws_kms_key.orders","mode":"managed","type":"aws_kms_key","name":"orders","change":{"actions":["create"],"after":{}}},{"address":"module.queue.module.inner.aws_sqs_queue.q","module_address":"module.queue.module.inner","mode":"managed","type":"aws_sqs_queue","name":"q","change":{"actions":["create"],"after":{}}},{"address":"module.queue.aws_sqs_queue.plain","module_address":"module.queue","mode":"managed","type":"aws_sqs_queue","name":"plain","change":{"actions":["create"],"after":{}}}],"configuration":{"root_module":{"resources":[{"address":"aws_kms_key.orders","mode":"managed","type":"aws_kms_key","name":"orders","expressions":{}}],"module_calls":{"queue":{"expressions":{"key_arn":{"references":["aws_kms_key.orders.arn","aws_kms_key.orders"]},"name":{"constant_value":"q"}},"module":{"resources":[{"address":"aws_sqs_queue.plain","mode":"managed","type":"aws_sqs_queue","name":"plain","expressions":{"kms_master_key_id":{"references":["var.alias"]}}}],"module_calls":{"inner":{"expressions":{"key":{"references":["var.key_arn"]}},"module":{"resources":[{"address":"aws_sqs_queue.q","mode":"managed","type":"aws_sqs_queue","name":"q","expressions":{"kms_master_key_id":{"references":["var.key"]},"name":{"references":["var.name"]}}}]}}}}}}}}}`
	doc, err := Read("plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	queue := doc.Lookup("module.queue.module.inner.aws_sqs_queue.q")
	if want := []ArgumentReference{{"kms_master_key_id", "aws_kms_key.orders"}}; !reflect.DeepEqual(queue.ArgumentReferences, want) {
		t.Errorf("ArgumentReferences = %v, want %v", queue.ArgumentReferences, want)
	}
	if by := doc.ReferencesOfArgument(queue, "kms_master_key_id"); len(by) != 1 || by[0].Address != "aws_kms_key.orders" {
		t.Errorf("ReferencesOfArgument = %v", by)
	}
	if by := doc.ReferencedByArgument(doc.Lookup("aws_kms_key.orders"), "kms_master_key_id"); len(by) != 1 || by[0] != queue {
		t.Errorf("ReferencedByArgument = %v", by)
	}
	// A variable no caller passes a resource to refers to nothing.
	if plain := doc.Lookup("module.queue.aws_sqs_queue.plain"); plain.ArgumentReferences != nil {
		t.Errorf("plain queue: ArgumentReferences = %v", plain.ArgumentReferences)
	}
}

func TestIsVariableRef(t *testing.T) {
	for ref, want := range map[string]bool{
		"var.x": true, "module.a.var.x": true, "module.a.module.b.var.x": true,
		"aws_s3_bucket.var": false, "module.var.aws_s3_bucket.x": false, "module.a": false, "data.aws_kms_alias.var": false,
	} {
		if got := isVariableRef(ref); got != want {
			t.Errorf("isVariableRef(%q) = %v, want %v", ref, got, want)
		}
	}
}
