package plangen

import (
	"fmt"
	"strings"
)

const account = "123456789012"

// vctx builds the values of one instance, planned (after) or before the
// change.
type vctx struct {
	b     *block
	index int
	// known: the resource is in the state (before, or a no-op or update),
	// so its computed attributes are known.
	known bool
	// old: the values before an update or replacement, which differ a
	// little from the planned ones.
	old bool
}

// keyOr is the ARN of the block's KMS key, or, when it has none, of the
// AWS managed key of the service, which AWS chooses at apply.
func (c *vctx) keyOr(service string) any {
	if c.b.key != nil {
		return c.ref(c.b.key, nil, keyARN)
	}
	return c.computed("arn:aws:kms:" + c.b.region() + ":" + account + ":alias/aws/" + service)
}

// computed is v where the resource exists already, else unknown.
func (c *vctx) computed(v any) any {
	if c.known {
		return v
	}
	return unknown
}

// ref is an attribute of the referenced block t: unknown when t is new and
// this resource is not in the state yet; def when there is no t.
func (c *vctx) ref(t *block, def any, v func(t *block) any) any {
	if t == nil {
		return def
	}
	if t.isNew() && !c.known {
		return unknown
	}
	return v(t)
}

var (
	environments = []string{"prod", "prod", "staging", "dev"}
	owners       = []string{"payments-team", "identity-team", "data-platform", "growth-team", "support-tools", "web-team"}
	regions      = []string{"eu-west-1", "eu-west-1", "eu-west-1", "eu-central-1", "eu-central-1", "us-east-1"}
)

func (b *block) env() string    { return environments[b.pick(10, len(environments))] }
func (b *block) region() string { return regions[b.pick(11, len(regions))] }

// physical is the resource's name in AWS.
func (b *block) physical() string {
	return "acme-" + strings.ReplaceAll(b.name, "_", "-") + "-" + b.env()
}

func keyID(k *block) string {
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(k.h), uint16(k.h>>32), k.h>>48&0xfff, k.h>>20&0xfff, k.h>>8&0xffffffffffff)
}

func keyARN(k *block) any {
	return "arn:aws:kms:" + k.region() + ":" + account + ":key/" + keyID(k)
}

func roleARN(r *block) any { return "arn:aws:iam::" + account + ":role/" + r.physical() }

func (c *vctx) tags() map[string]any {
	b := c.b
	t := map[string]any{
		"Name":        b.physical(),
		"environment": b.env(),
		"cost_center": fmt.Sprintf("cc-%04d", 1000+b.pick(12, 40)),
	}
	if !b.chance(13, 8) {
		t["owner"] = owners[b.pick(14, len(owners))]
	}
	if b.class != "" {
		t["data_classification"] = b.class
	}
	if b.store && !b.chance(15, 30) {
		t["retention"] = []string{"P30D", "P1Y", "P7Y", "P90D"}[b.pick(16, 4)]
	}
	if c.old {
		t["cost_center"] = "cc-0999"
	}
	return t
}

// withTags adds region, tags and tags_all (tags and the provider's
// default_tags) to the attributes.
func (c *vctx) withTags(attrs map[string]any) map[string]any {
	t := c.tags()
	all := make(map[string]any, len(t)+1)
	for k, v := range t {
		all[k] = v
	}
	all["managed_by"] = "terraform"
	attrs["tags"], attrs["tags_all"] = t, all
	attrs["region"] = c.b.region()
	return attrs
}

// values returns the instance's values: after when !before, else before.
func (p *planner) values(b *block, index int, before bool) any {
	switch {
	case before && (b.op == opCreate):
		return nil
	case !before && b.op == opDelete:
		return nil
	}
	c := &vctx{b: b, index: index, known: before || b.op == opNoOp || b.op == opUpdate, old: before && b.op != opNoOp}
	switch b.kind {
	case kBucket:
		return c.bucket()
	case kSSE:
		return c.sse()
	case kVersioning:
		return c.versioning()
	case kPublicAccessBlock:
		return c.publicAccessBlock()
	case kLifecycle:
		return c.lifecycle()
	case kDBInstance:
		return c.dbInstance()
	case kRDSCluster:
		return c.rdsCluster()
	case kDynamoDB:
		return c.dynamoDB()
	case kEBS:
		return c.ebs()
	case kLogGroup:
		return c.logGroup()
	case kSQS:
		return c.sqs()
	case kSNS:
		return c.sns()
	case kKMS:
		return c.kms()
	case kIAMRole:
		return c.iamRole()
	case kInstance:
		return c.instance()
	case kCloudTrail:
		return c.cloudTrail()
	case kActivity:
		return c.activity()
	case kControl:
		return c.control()
	default:
		return c.assessment()
	}
}

func (c *vctx) bucket() any {
	b := c.b
	name := b.physical()
	return c.withTags(map[string]any{
		"acceleration_status":         c.computed(""),
		"acl":                         nil,
		"arn":                         c.computed("arn:aws:s3:::" + name),
		"bucket":                      name,
		"bucket_domain_name":          c.computed(name + ".s3.amazonaws.com"),
		"bucket_prefix":               c.computed(""),
		"bucket_regional_domain_name": c.computed(name + ".s3." + b.region() + ".amazonaws.com"),
		"cors_rule":                   c.computed([]any{}),
		"force_destroy":               b.chance(20, 10),
		"grant": c.computed([]any{map[string]any{
			"id": fmt.Sprintf("%016x%016x", b.h, mix(b.h)), "permissions": []any{"FULL_CONTROL"}, "type": "CanonicalUser", "uri": "",
		}}),
		"hosted_zone_id":            c.computed("Z1BKCTXD74EZPE"),
		"id":                        c.computed(name),
		"lifecycle_rule":            c.computed([]any{}),
		"logging":                   c.computed([]any{}),
		"object_lock_configuration": c.computed([]any{}),
		"object_lock_enabled":       c.computed(false),
		"policy":                    c.computed(""),
		"replication_configuration": c.computed([]any{}),
		"request_payer":             c.computed("BucketOwner"),
		"server_side_encryption_configuration": c.computed([]any{map[string]any{
			"rule": []any{map[string]any{
				"apply_server_side_encryption_by_default": []any{map[string]any{"kms_master_key_id": "", "sse_algorithm": "AES256"}},
				"bucket_key_enabled":                      false,
			}},
		}}),
		"timeouts":         nil,
		"versioning":       c.computed([]any{map[string]any{"enabled": false, "mfa_delete": false}}),
		"website":          c.computed([]any{}),
		"website_domain":   c.computed(nil),
		"website_endpoint": c.computed(nil),
	})
}

// bucketRef is the bucket's name, as the split resources take it.
func (c *vctx) bucketRef() any {
	return c.ref(c.b.bucket, "", func(t *block) any { return t.physical() })
}

func (c *vctx) sse() any {
	b := c.b
	algorithm := "aws:kms"
	var key any = ""
	switch {
	case b.chance(21, 15):
		algorithm = "AES256"
	case b.key != nil:
		key = c.ref(b.key, "", keyARN)
	}
	return map[string]any{
		"bucket":                c.bucketRef(),
		"expected_bucket_owner": "",
		"id":                    c.computed(b.bucket.physical()),
		"region":                b.bucket.region(),
		"rule": []any{map[string]any{
			"apply_server_side_encryption_by_default": []any{map[string]any{"kms_master_key_id": key, "sse_algorithm": algorithm}},
			"bucket_key_enabled":                      algorithm == "aws:kms",
		}},
	}
}

func (c *vctx) versioning() any {
	b := c.b
	status := "Enabled"
	if b.chance(22, 20) || c.old {
		status = "Suspended"
	}
	return map[string]any{
		"bucket":                   c.bucketRef(),
		"expected_bucket_owner":    "",
		"id":                       c.computed(b.bucket.physical()),
		"mfa":                      nil,
		"region":                   b.bucket.region(),
		"versioning_configuration": []any{map[string]any{"mfa_delete": c.computed("Disabled"), "status": status}},
	}
}

func (c *vctx) publicAccessBlock() any {
	b := c.b
	open := b.chance(23, 10)
	return map[string]any{
		"block_public_acls":       true,
		"block_public_policy":     !open,
		"bucket":                  c.bucketRef(),
		"id":                      c.computed(b.bucket.physical()),
		"ignore_public_acls":      true,
		"region":                  b.bucket.region(),
		"restrict_public_buckets": !open,
		"skip_destroy":            nil,
	}
}

func (c *vctx) lifecycle() any {
	b := c.b
	days := []int{30, 90, 365, 730, 2555}[b.pick(24, 5)]
	if c.old {
		days += 30
	}
	return map[string]any{
		"bucket":                c.bucketRef(),
		"expected_bucket_owner": "",
		"id":                    c.computed(b.bucket.physical()),
		"region":                b.bucket.region(),
		"rule": []any{map[string]any{
			"abort_incomplete_multipart_upload": []any{map[string]any{"days_after_initiation": 7}},
			"expiration":                        []any{map[string]any{"date": nil, "days": days, "expired_object_delete_marker": c.computed(false)}},
			"filter":                            []any{map[string]any{"and": []any{}, "object_size_greater_than": nil, "object_size_less_than": nil, "prefix": "", "tag": []any{}}},
			"id":                                "expire-objects",
			"noncurrent_version_expiration":     []any{map[string]any{"newer_noncurrent_versions": nil, "noncurrent_days": 30}},
			"noncurrent_version_transition":     []any{},
			"prefix":                            "",
			"status":                            "Enabled",
			"transition":                        []any{map[string]any{"date": nil, "days": 90, "storage_class": "GLACIER"}},
		}},
		"timeouts":                               nil,
		"transition_default_minimum_object_size": c.computed("all_storage_classes_128K"),
	}
}

// password is a database password: sensitive, and unknown when it comes
// from a random_password created with it.
func (c *vctx) password() any {
	b := c.b
	if !c.known && b.chance(30, 50) {
		return sensitive(unknown)
	}
	n := []int{8, 12, 16, 20, 24, 32}[b.pick(31, 6)]
	return sensitive(strings.Repeat("Tr0ub4dor&3x", 3)[:n])
}

func (c *vctx) dbInstance() any {
	b := c.b
	id := b.physical()
	region := b.region()
	engine, version, family, port := "postgres", "16.4", "postgres16", 5432
	if b.chance(32, 35) {
		engine, version, family, port = "mysql", "8.0.39", "mysql8.0", 3306
	}
	if c.old && engine == "postgres" {
		version, family = "15.8", "postgres15"
	}
	return c.withTags(map[string]any{
		"address":                             c.computed(id + ".c1a2b3c4d5e6." + region + ".rds.amazonaws.com"),
		"allocated_storage":                   []int{20, 100, 200, 500}[b.pick(33, 4)],
		"allow_major_version_upgrade":         nil,
		"apply_immediately":                   false,
		"arn":                                 c.computed("arn:aws:rds:" + region + ":" + account + ":db:" + id),
		"auto_minor_version_upgrade":          true,
		"availability_zone":                   c.computed(region + "a"),
		"backup_retention_period":             []int{0, 1, 7, 14, 35}[b.pick(34, 5)],
		"backup_target":                       c.computed("region"),
		"backup_window":                       c.computed("03:00-04:00"),
		"blue_green_update":                   []any{},
		"ca_cert_identifier":                  c.computed("rds-ca-rsa2048-g1"),
		"character_set_name":                  c.computed(""),
		"copy_tags_to_snapshot":               true,
		"customer_owned_ip_enabled":           nil,
		"db_name":                             strings.ReplaceAll(b.name, "-", "_"),
		"db_subnet_group_name":                "acme-private-" + b.env(),
		"dedicated_log_volume":                false,
		"delete_automated_backups":            true,
		"deletion_protection":                 !b.chance(35, 20),
		"domain":                              nil,
		"enabled_cloudwatch_logs_exports":     []any{map[string]string{"postgres": "postgresql", "mysql": "error"}[engine]},
		"endpoint":                            c.computed(fmt.Sprintf("%s.c1a2b3c4d5e6.%s.rds.amazonaws.com:%d", id, region, port)),
		"engine":                              engine,
		"engine_lifecycle_support":            c.computed("open-source-rds-extended-support"),
		"engine_version":                      version,
		"engine_version_actual":               c.computed(version),
		"final_snapshot_identifier":           id + "-final",
		"hosted_zone_id":                      c.computed("Z29XKXDKYMONMX"),
		"iam_database_authentication_enabled": b.chance(36, 50),
		"id":                                  c.computed("db-" + strings.ToUpper(fmt.Sprintf("%016x", b.h))[:16]),
		"identifier":                          id,
		"identifier_prefix":                   c.computed(""),
		"instance_class":                      []string{"db.t4g.medium", "db.m6g.large", "db.r6g.xlarge"}[b.pick(37, 3)],
		"iops":                                c.computed(3000),
		"kms_key_id":                          c.keyOr("rds"),
		"latest_restorable_time":              c.computed("2025-01-01T00:00:00Z"),
		"license_model":                       c.computed("postgresql-license"),
		"listener_endpoint":                   c.computed([]any{}),
		"maintenance_window":                  c.computed("sun:05:00-sun:06:00"),
		"manage_master_user_password":         nil,
		"master_user_secret":                  c.computed([]any{}),
		"max_allocated_storage":               1000,
		"monitoring_interval":                 []int{0, 60}[b.pick(38, 2)],
		"monitoring_role_arn":                 c.ref(b.role, "", roleARN),
		"multi_az":                            b.chance(39, 60),
		"network_type":                        c.computed("IPV4"),
		"option_group_name":                   c.computed("default:" + engine),
		"parameter_group_name":                "default." + family,
		"password":                            c.password(),
		"performance_insights_enabled":        b.chance(40, 50),
		"port":                                c.computed(port),
		"publicly_accessible":                 b.chance(41, 5),
		"replica_mode":                        nil,
		"replicas":                            c.computed([]any{}),
		"resource_id":                         c.computed(fmt.Sprintf("db-%X", b.h)),
		"restore_to_point_in_time":            []any{},
		"s3_import":                           []any{},
		"skip_final_snapshot":                 false,
		"status":                              c.computed("available"),
		"storage_encrypted":                   !b.chance(42, 12),
		"storage_throughput":                  c.computed(125),
		"storage_type":                        "gp3",
		"timeouts":                            nil,
		"username":                            "app_admin",
		"vpc_security_group_ids":              []any{fmt.Sprintf("sg-%017x", b.h>>4)},
	})
}

func (c *vctx) rdsCluster() any {
	b := c.b
	id := b.physical()
	region := b.region()
	version := "16.4"
	if c.old {
		version = "15.8"
	}
	return c.withTags(map[string]any{
		"allocated_storage":                   c.computed(1),
		"allow_major_version_upgrade":         nil,
		"apply_immediately":                   nil,
		"arn":                                 c.computed("arn:aws:rds:" + region + ":" + account + ":cluster:" + id),
		"availability_zones":                  []any{region + "a", region + "b", region + "c"},
		"backtrack_window":                    c.computed(0),
		"backup_retention_period":             []int{1, 7, 14, 35}[b.pick(50, 4)],
		"cluster_identifier":                  id,
		"cluster_members":                     c.computed([]any{}),
		"cluster_resource_id":                 c.computed(fmt.Sprintf("cluster-%X", b.h)),
		"copy_tags_to_snapshot":               true,
		"database_name":                       b.name,
		"db_subnet_group_name":                "acme-private-" + b.env(),
		"deletion_protection":                 !b.chance(51, 20),
		"enabled_cloudwatch_logs_exports":     []any{"postgresql"},
		"endpoint":                            c.computed(id + ".cluster-c1a2b3c4d5e6." + region + ".rds.amazonaws.com"),
		"engine":                              "aurora-postgresql",
		"engine_mode":                         "provisioned",
		"engine_version":                      version,
		"engine_version_actual":               c.computed(version),
		"final_snapshot_identifier":           id + "-final",
		"hosted_zone_id":                      c.computed("Z29XKXDKYMONMX"),
		"iam_database_authentication_enabled": b.chance(52, 50),
		"id":                                  c.computed(id),
		"kms_key_id":                          c.keyOr("rds"),
		"master_password":                     c.password(),
		"master_username":                     "app_admin",
		"port":                                c.computed(5432),
		"preferred_backup_window":             c.computed("03:00-04:00"),
		"preferred_maintenance_window":        c.computed("sun:05:00-sun:06:00"),
		"reader_endpoint":                     c.computed(id + ".cluster-ro-c1a2b3c4d5e6." + region + ".rds.amazonaws.com"),
		"serverlessv2_scaling_configuration":  []any{map[string]any{"max_capacity": 16, "min_capacity": 1}},
		"skip_final_snapshot":                 false,
		"storage_encrypted":                   !b.chance(53, 10),
		"storage_type":                        c.computed(""),
		"timeouts":                            nil,
		"vpc_security_group_ids":              []any{fmt.Sprintf("sg-%017x", b.h>>4)},
	})
}

func (c *vctx) dynamoDB() any {
	b := c.b
	name := b.physical()
	region := b.region()
	sse := []any{}
	if !b.chance(60, 15) {
		sse = []any{map[string]any{"enabled": true, "kms_key_arn": c.keyOr("dynamodb")}}
	}
	capacity := 0
	mode := "PAY_PER_REQUEST"
	if b.chance(61, 30) {
		mode, capacity = "PROVISIONED", 5
	}
	return c.withTags(map[string]any{
		"arn":                         c.computed("arn:aws:dynamodb:" + region + ":" + account + ":table/" + name),
		"attribute":                   []any{map[string]any{"name": "pk", "type": "S"}, map[string]any{"name": "sk", "type": "S"}},
		"billing_mode":                mode,
		"deletion_protection_enabled": !b.chance(62, 30),
		"global_secondary_index":      []any{},
		"hash_key":                    "pk",
		"id":                          c.computed(name),
		"import_table":                []any{},
		"local_secondary_index":       []any{},
		"name":                        name,
		"point_in_time_recovery":      []any{map[string]any{"enabled": !b.chance(63, 25), "recovery_period_in_days": c.computed(35)}},
		"range_key":                   "sk",
		"read_capacity":               c.computed(capacity),
		"replica":                     []any{},
		"restore_date_time":           nil,
		"server_side_encryption":      sse,
		"stream_arn":                  c.computed(""),
		"stream_enabled":              false,
		"stream_label":                c.computed(""),
		"stream_view_type":            c.computed(""),
		"table_class":                 "STANDARD",
		"timeouts":                    nil,
		"ttl":                         []any{map[string]any{"attribute_name": "expires_at", "enabled": b.chance(64, 60)}},
		"write_capacity":              c.computed(capacity),
	})
}

func (c *vctx) ebs() any {
	b := c.b
	region := b.region()
	size := []int{20, 100, 500, 1000}[b.pick(70, 4)]
	if c.old {
		size /= 2
	}
	return c.withTags(map[string]any{
		"arn":                  c.computed(fmt.Sprintf("arn:aws:ec2:%s:%s:volume/vol-%017x", region, account, b.h>>4)),
		"availability_zone":    region + "a",
		"encrypted":            !b.chance(71, 12),
		"final_snapshot":       false,
		"id":                   c.computed(fmt.Sprintf("vol-%017x", b.h>>4)),
		"iops":                 c.computed(3000),
		"kms_key_id":           c.keyOr("ebs"),
		"multi_attach_enabled": nil,
		"outpost_arn":          nil,
		"size":                 size,
		"snapshot_id":          c.computed(""),
		"throughput":           c.computed(125),
		"timeouts":             nil,
		"type":                 "gp3",
	})
}

func (c *vctx) logGroup() any {
	b := c.b
	name := "/acme/" + b.env() + "/" + strings.ReplaceAll(b.name, "_", "-")
	retention := []int{0, 7, 14, 30, 90, 365, 3653}[b.pick(80, 7)]
	if c.old {
		retention = 0
	}
	return c.withTags(map[string]any{
		"arn":               c.computed("arn:aws:logs:" + b.region() + ":" + account + ":log-group:" + name),
		"id":                c.computed(name),
		"kms_key_id":        c.ref(b.key, "", keyARN),
		"log_group_class":   "STANDARD",
		"name":              name,
		"name_prefix":       c.computed(""),
		"retention_in_days": retention,
		"skip_destroy":      false,
	})
}

func (c *vctx) sqs() any {
	b := c.b
	name := b.physical()
	region := b.region()
	managed := b.key == nil && !b.chance(90, 20)
	return c.withTags(map[string]any{
		"arn":                               c.computed("arn:aws:sqs:" + region + ":" + account + ":" + name),
		"content_based_deduplication":       false,
		"deduplication_scope":               c.computed(""),
		"delay_seconds":                     0,
		"fifo_queue":                        false,
		"fifo_throughput_limit":             c.computed(""),
		"id":                                c.computed("https://sqs." + region + ".amazonaws.com/" + account + "/" + name),
		"kms_data_key_reuse_period_seconds": c.computed(300),
		"kms_master_key_id":                 c.ref(b.key, nil, keyARN),
		"max_message_size":                  262144,
		"message_retention_seconds":         []int{86400, 345600, 1209600}[b.pick(91, 3)],
		"name":                              name,
		"name_prefix":                       c.computed(""),
		"policy":                            c.computed(""),
		"receive_wait_time_seconds":         20,
		"redrive_allow_policy":              c.computed(""),
		"redrive_policy":                    c.computed(""),
		"sqs_managed_sse_enabled":           managed,
		"timeouts":                          nil,
		"url":                               c.computed("https://sqs." + region + ".amazonaws.com/" + account + "/" + name),
		"visibility_timeout_seconds":        30,
	})
}

func (c *vctx) sns() any {
	b := c.b
	name := b.physical()
	region := b.region()
	return c.withTags(map[string]any{
		"application_failure_feedback_role_arn": nil,
		"application_success_feedback_role_arn": nil,
		"arn":                                   c.computed("arn:aws:sns:" + region + ":" + account + ":" + name),
		"archive_policy":                        nil,
		"beginning_archive_time":                c.computed(""),
		"content_based_deduplication":           false,
		"delivery_policy":                       nil,
		"display_name":                          strings.ReplaceAll(b.name, "_", " "),
		"fifo_throughput_scope":                 c.computed(""),
		"fifo_topic":                            false,
		"id":                                    c.computed("arn:aws:sns:" + region + ":" + account + ":" + name),
		"kms_master_key_id":                     c.ref(b.key, nil, keyARN),
		"name":                                  name,
		"name_prefix":                           c.computed(""),
		"owner":                                 c.computed(account),
		"policy":                                c.computed(""),
		"signature_version":                     c.computed(0),
		"tracing_config":                        c.computed(""),
	})
}

func (c *vctx) kms() any {
	b := c.b
	rotation := !b.chance(100, 15)
	if c.old {
		rotation = false
	}
	return c.withTags(map[string]any{
		"arn":                                c.computed(keyARN(b)),
		"bypass_policy_lockout_safety_check": false,
		"custom_key_store_id":                nil,
		"customer_master_key_spec":           "SYMMETRIC_DEFAULT",
		"deletion_window_in_days":            []int{7, 14, 30, 30}[b.pick(101, 4)],
		"description":                        "Key for " + strings.ReplaceAll(b.name, "_", " "),
		"enable_key_rotation":                rotation,
		"id":                                 c.computed(keyID(b)),
		"is_enabled":                         true,
		"key_id":                             c.computed(keyID(b)),
		"key_usage":                          "ENCRYPT_DECRYPT",
		"multi_region":                       c.computed(false),
		"policy":                             c.computed(""),
		"rotation_period_in_days":            c.computed(365),
		"timeouts":                           nil,
		"xks_key_id":                         nil,
	})
}

func (c *vctx) iamRole() any {
	b := c.b
	service := []string{"ec2.amazonaws.com", "lambda.amazonaws.com", "monitoring.rds.amazonaws.com", "cloudtrail.amazonaws.com"}[b.pick(110, 4)]
	principal := `{"Service":"` + service + `"}`
	if b.chance(111, 6) {
		principal = `{"AWS":"*"}`
	}
	policy := `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":` + principal + `}],"Version":"2012-10-17"}`
	name := b.physical()
	return c.withTags(map[string]any{
		"arn":                   c.computed(roleARN(b)),
		"assume_role_policy":    policy,
		"create_date":           c.computed("2024-06-01T12:00:00Z"),
		"description":           "Role for " + strings.ReplaceAll(b.name, "_", " "),
		"force_detach_policies": false,
		"id":                    c.computed(name),
		"inline_policy":         c.computed([]any{}),
		"managed_policy_arns":   c.computed([]any{}),
		"max_session_duration":  3600,
		"name":                  name,
		"name_prefix":           c.computed(""),
		"path":                  "/",
		"permissions_boundary":  nil,
		"unique_id":             c.computed(fmt.Sprintf("AROA%017X", b.h)),
	})
}

func (c *vctx) instance() any {
	b := c.b
	region := b.region()
	instanceType := []string{"t3.micro", "t3.medium", "m6i.large", "c6i.xlarge"}[b.pick(120, 4)]
	if c.old {
		instanceType = "t3.small"
	}
	id := fmt.Sprintf("i-%017x", mix(b.h+uint64(c.index))>>4)
	tokens := "required"
	if b.chance(121, 25) {
		tokens = "optional"
	}
	return c.withTags(map[string]any{
		"ami":                         "ami-0a1b2c3d4e5f67890",
		"arn":                         c.computed("arn:aws:ec2:" + region + ":" + account + ":instance/" + id),
		"associate_public_ip_address": c.computed(false),
		"availability_zone":           c.computed(region + "b"),
		"credit_specification":        []any{},
		"disable_api_stop":            c.computed(false),
		"disable_api_termination":     c.computed(false),
		"ebs_block_device":            c.computed([]any{}),
		"ebs_optimized":               c.computed(true),
		"get_password_data":           false,
		"hibernation":                 c.computed(false),
		"iam_instance_profile":        c.ref(b.role, "", func(t *block) any { return t.physical() }),
		"id":                          c.computed(id),
		"instance_state":              c.computed("running"),
		"instance_type":               instanceType,
		"key_name":                    c.computed(""),
		"metadata_options": []any{map[string]any{
			"http_endpoint": "enabled", "http_protocol_ipv6": "disabled", "http_put_response_hop_limit": 1,
			"http_tokens": tokens, "instance_metadata_tags": "disabled",
		}},
		"monitoring": b.chance(122, 50),
		"private_ip": c.computed(fmt.Sprintf("10.%d.%d.%d", b.pick(123, 250), b.pick(124, 250), 10+c.index)),
		"public_ip":  c.computed(""),
		"root_block_device": []any{map[string]any{
			"delete_on_termination": true, "device_name": c.computed("/dev/xvda"), "encrypted": !b.chance(125, 20),
			"iops": c.computed(3000), "kms_key_id": c.computed(""), "tags": nil, "tags_all": c.computed(map[string]any{}),
			"throughput": c.computed(125), "volume_id": c.computed(fmt.Sprintf("vol-%017x", mix(b.h+99)>>4)), "volume_size": 30, "volume_type": "gp3",
		}},
		"source_dest_check":           true,
		"subnet_id":                   fmt.Sprintf("subnet-%017x", mix(b.h+1)>>4),
		"tenancy":                     c.computed("default"),
		"timeouts":                    nil,
		"user_data":                   fmt.Sprintf("%040x", mix(b.h+2)),
		"user_data_replace_on_change": false,
		"vpc_security_group_ids":      []any{fmt.Sprintf("sg-%017x", b.h>>4)},
	})
}

func (c *vctx) cloudTrail() any {
	b := c.b
	region := b.region()
	name := b.physical()
	return c.withTags(map[string]any{
		"advanced_event_selector": []any{},
		"arn":                     c.computed("arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name),
		"cloud_watch_logs_group_arn": c.ref(b.logGroup, "", func(t *block) any {
			return "arn:aws:logs:" + t.region() + ":" + account + ":log-group:/acme/" + t.env() + "/" + strings.ReplaceAll(t.name, "_", "-") + ":*"
		}),
		"cloud_watch_logs_role_arn":     c.ref(b.role, "", roleARN),
		"enable_log_file_validation":    !b.chance(130, 20),
		"enable_logging":                true,
		"event_selector":                []any{},
		"home_region":                   c.computed(region),
		"id":                            c.computed(name),
		"include_global_service_events": true,
		"insight_selector":              []any{},
		"is_multi_region_trail":         b.chance(131, 70),
		"is_organization_trail":         false,
		"kms_key_id":                    c.ref(b.key, nil, keyARN),
		"name":                          name,
		"s3_bucket_name":                c.ref(b.bucket, "acme-central-trail-logs", func(t *block) any { return t.physical() }),
		"s3_key_prefix":                 "trail",
		"sns_topic_arn":                 c.computed(nil),
		"sns_topic_name":                nil,
	})
}

var (
	piiCategories = []string{"identifiers.name", "contact.email", "contact.phone", "contact.postal_address", "financial.payment_card",
		"identifiers.online", "behavioral.browsing", "behavioral.purchase_history", "financial.bank_account", "special.health"}
	legalBases = []string{"contract", "consent", "legitimate_interests", "legal_obligation"}
	triggers   = []string{"evaluation_scoring", "large_scale", "matching_combining", "sensitive_data", "systematic_monitoring"}
)

func activityID(a *block) string { return fmt.Sprintf("pa-%012x", a.h>>16) }

func (c *vctx) activity() any {
	b := c.b
	n := 2 + b.pick(140, 4)
	cats := make([]any, 0, n)
	for i := range n {
		cats = append(cats, piiCategories[(b.pick(141, len(piiCategories))+i*3)%len(piiCategories)])
	}
	var pia []any
	if b.piaRequired {
		pia = []any{triggers[b.pick(142, 2)], triggers[2+b.pick(143, 3)]}
	} else if b.chance(144, 50) {
		pia = []any{triggers[1]}
	} else {
		pia = []any{}
	}
	systems := make([]any, len(b.systems))
	for i, s := range b.systems {
		systems[i] = s
	}
	transfer := []any{}
	if b.chance(145, 40) {
		transfer = []any{map[string]any{
			"country": "US", "mechanism": "scc", "recipient": "Analytics processor", "recipient_role": "processor", "systems": nil,
		}}
	}
	sensitivity := "high"
	if len(pia) < 2 {
		sensitivity = "medium"
	}
	return map[string]any{
		"collection":                 map[string]any{"source": "data_subject", "systems": []any{"web_frontend"}},
		"datasets_combined":          b.chance(146, 30),
		"description":                "Processing of customer data by " + owners[b.pick(147, len(owners))] + ".",
		"disposal":                   map[string]any{"method": "deletion", "systems": nil},
		"id":                         activityID(b),
		"legal_basis":                legalBases[b.pick(148, len(legalBases))],
		"lifecycle_stages":           []any{"collection", "storage", "use", "disposal"},
		"name":                       "Activity " + b.name[len("activity_"):],
		"owner":                      "Head of " + owners[b.pick(147, len(owners))],
		"pia_required":               b.piaRequired,
		"pia_triggers":               pia,
		"pii_categories":             cats,
		"principals":                 []any{"customer"},
		"profiling":                  b.chance(149, 20),
		"purposes":                   []any{"Provide the service the customer ordered"},
		"retention":                  []string{"P1Y", "P3Y", "P7Y"}[b.pick(150, 3)],
		"sensitivity":                sensitivity,
		"special_categories":         false,
		"special_category_condition": nil,
		"storage":                    map[string]any{"countries": []any{"IE"}, "systems": systems},
		"transfer":                   transfer,
		"use":                        map[string]any{"systems": []any{"app_backend"}},
		"volume":                     []int{5000, 50000, 250000}[b.pick(151, 3)],
	}
}

var controlIDs = []string{"9.1.1", "9.2.3", "10.1.1", "10.1.2", "11.1.4", "12.1.3", "12.4.1", "A.11"}

func (c *vctx) control() any {
	b := c.b
	id := controlIDs[b.pick(160, len(controlIDs))]
	var activities any
	if b.activity != nil {
		activities = []any{activityID(b.activity)}
	}
	status := "implemented"
	if b.chance(161, 20) {
		status = "planned"
	}
	return map[string]any{
		"activities":      activities,
		"catalog":         "iso29151",
		"control_id":      id,
		"evidence":        []any{"ISMS-POL-" + id},
		"id":              "iso29151:" + id + "/" + b.name,
		"implementation":  "Implemented by the platform team for " + b.name + ".",
		"justification":   nil,
		"last_reviewed":   "2025-09-15",
		"owner":           "Security team",
		"principle":       "information_security",
		"reduces":         "likelihood",
		"review_due":      "2026-09-15",
		"review_interval": "P1Y",
		"role":            "controller",
		"status":          status,
		"treats":          []any{"illegitimate_access", "data_loss"},
	}
}

func (c *vctx) assessment() any {
	b := c.b
	act := b.activity
	controls := make([]any, len(b.controls))
	for i, ctl := range b.controls {
		controls[i] = map[string]any{"control_id": controlIDs[ctl.pick(160, len(controlIDs))], "id": "iso29151:" + controlIDs[ctl.pick(160, len(controlIDs))] + "/" + ctl.name, "status": "implemented"}
	}
	covered := !b.chance(170, 15)
	coverage, uncovered := "covered", []any{}
	if !covered {
		coverage, uncovered = "uncovered", []any{"Stored data breached"}
	}
	return map[string]any{
		"activity": map[string]any{
			"id": activityID(act), "name": "Activity " + act.name[len("activity_"):], "pia_required": act.piaRequired,
		},
		"approved_by": "Data protection officer",
		"assessed_on": "2025-10-06",
		"assessor":    "Privacy team",
		"covered":     covered,
		"id":          fmt.Sprintf("ra-%012x", b.h>>16),
		"next_review": "2026-10-06",
		"risks": []any{map[string]any{
			"acceptance": nil, "category": "illegitimate_access", "controls": controls, "coverage": coverage,
			"description": "Stored personal data is copied by an attacker.", "impact": "significant", "lifecycle_stage": "storage",
			"likelihood": "significant", "name": "Stored data breached", "residual_impact": "limited", "residual_level": "medium",
			"residual_likelihood": "limited", "residual_score": 4, "risk_source": "External attacker", "transfer_to": nil, "treatment": "mitigate",
		}},
		"status":          "approved",
		"uncovered_risks": uncovered,
	}
}
