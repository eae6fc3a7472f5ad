// Package plangen generates Terraform plan JSON of any size, in the shape
// terraform show -json writes, for benchmarks: deterministic, so runs
// compare, and made on the fly, so no large fixtures live in git.
package plangen

import (
	"encoding/json"
	"fmt"
)

// resource is one generated resource with its configuration references.
type resource struct {
	typ, name string
	values    map[string]any
	unknown   map[string]any
	refs      map[string][]string // attribute → references, as in configuration
}

// Generate returns a pretty-printed plan of n resources spread over ten
// modules and the seed rules' resource types, about half of them compliant,
// with references between buckets and their configuration resources.
func Generate(n int) []byte {
	const modules = 10
	perModule := make([][]resource, modules)
	for i := 0; i < n; i++ {
		m := (i / 10) % modules // a bucket and its configuration share a module
		perModule[m] = append(perModule[m], generate(i))
	}
	root := map[string]any{"resources": []any{}}
	var children []any
	cfgCalls := map[string]any{}
	var changes []any
	for m, rs := range perModule {
		addr := fmt.Sprintf("module.m%d", m)
		var planned, cfgRes []any
		for _, r := range rs {
			full := addr + "." + r.typ + "." + r.name
			planned = append(planned, map[string]any{
				"address": full, "mode": "managed", "type": r.typ, "name": r.name,
				"provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
				"values": r.values, "sensitive_values": map[string]any{},
			})
			changes = append(changes, map[string]any{
				"address": full, "module_address": addr, "mode": "managed", "type": r.typ, "name": r.name,
				"provider_name": "registry.terraform.io/hashicorp/aws",
				"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": r.values,
					"after_unknown": r.unknown, "before_sensitive": false, "after_sensitive": map[string]any{}},
			})
			exprs := map[string]any{}
			for k, v := range r.values {
				exprs[k] = map[string]any{"constant_value": v}
			}
			for k, refs := range r.refs {
				exprs[k] = map[string]any{"references": refs}
			}
			for k := range r.unknown {
				if _, ok := exprs[k]; !ok {
					exprs[k] = map[string]any{"references": []string{"var.unknown"}}
				}
			}
			cfgRes = append(cfgRes, map[string]any{
				"address": r.typ + "." + r.name, "mode": "managed", "type": r.typ, "name": r.name,
				"provider_config_key": "aws", "expressions": exprs, "schema_version": 0,
			})
		}
		children = append(children, map[string]any{"resources": planned, "address": addr})
		cfgCalls[fmt.Sprintf("m%d", m)] = map[string]any{
			"source": fmt.Sprintf("./modules/m%d", m),
			"module": map[string]any{"resources": cfgRes},
		}
	}
	root["child_modules"] = children
	plan := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.11.4",
		"planned_values":    map[string]any{"root_module": root},
		"resource_changes":  changes,
		"configuration": map[string]any{
			"provider_config": map[string]any{"aws": map[string]any{"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
			"root_module":     map[string]any{"module_calls": cfgCalls},
		},
		"timestamp": "2026-11-25T00:00:00Z",
		"applyable": true,
		"complete":  true,
		"errored":   false,
	}
	out, err := json.MarshalIndent(plan, "", "  ")
	if err != nil {
		panic(err) // only maps of JSON values: cannot fail
	}
	return out
}

// generate makes resource i; the kinds cycle so every seed rule has work.
func generate(i int) resource {
	good := i%2 == 0
	name := fmt.Sprintf("r%d", i)
	bucket := fmt.Sprintf("aws_s3_bucket.r%d", i-i%5)
	switch i % 10 {
	case 0:
		return resource{typ: "aws_s3_bucket", name: name,
			values:  map[string]any{"bucket": fmt.Sprintf("bucket-%d", i), "force_destroy": false, "tags": map[string]any{"team": "platform"}},
			unknown: map[string]any{"id": true, "arn": true}}
	case 1:
		return resource{typ: "aws_s3_bucket_server_side_encryption_configuration", name: name,
			values: map[string]any{"rule": []any{map[string]any{"apply_server_side_encryption_by_default": []any{
				map[string]any{"sse_algorithm": "aws:kms", "kms_master_key_id": ""}}, "bucket_key_enabled": true}}},
			unknown: map[string]any{"bucket": true, "id": true},
			refs:    map[string][]string{"bucket": {bucket + ".id", bucket}}}
	case 2:
		return resource{typ: "aws_s3_bucket_public_access_block", name: name,
			values:  map[string]any{"block_public_acls": true, "block_public_policy": good, "ignore_public_acls": true, "restrict_public_buckets": true},
			unknown: map[string]any{"bucket": true, "id": true},
			refs:    map[string][]string{"bucket": {bucket + ".id", bucket}}}
	case 3:
		return resource{typ: "aws_s3_bucket_versioning", name: name,
			values:  map[string]any{"versioning_configuration": []any{map[string]any{"status": map[bool]string{true: "Enabled", false: "Suspended"}[good]}}},
			unknown: map[string]any{"bucket": true, "id": true},
			refs:    map[string][]string{"bucket": {bucket + ".id", bucket}}}
	case 4:
		return resource{typ: "aws_db_instance", name: name,
			values: map[string]any{"engine": "postgres", "instance_class": "db.t3.micro", "allocated_storage": 20,
				"storage_encrypted": good, "publicly_accessible": !good, "backup_retention_period": 7 * (i % 3)},
			unknown: map[string]any{"id": true, "arn": true, "endpoint": true}}
	case 5:
		return resource{typ: "aws_security_group", name: name,
			values: map[string]any{"name": name, "ingress": []any{map[string]any{
				"cidr_blocks": []any{map[bool]string{true: "10.0.0.0/8", false: "0.0.0.0/0"}[good]}, "ipv6_cidr_blocks": []any{},
				"from_port": 22, "to_port": 22, "protocol": "tcp", "description": "ssh", "prefix_list_ids": []any{},
				"security_groups": []any{}, "self": false}}},
			unknown: map[string]any{"id": true, "arn": true}}
	case 6:
		return resource{typ: "aws_ebs_volume", name: name,
			values:  map[string]any{"availability_zone": "eu-west-1a", "size": 20, "encrypted": good},
			unknown: map[string]any{"id": true}}
	case 7:
		return resource{typ: "aws_kms_key", name: name,
			values:  map[string]any{"description": name, "enable_key_rotation": good, "customer_master_key_spec": "SYMMETRIC_DEFAULT"},
			unknown: map[string]any{"id": true, "arn": true}}
	case 8:
		return resource{typ: "aws_cloudtrail", name: name,
			values: map[string]any{"name": name, "s3_bucket_name": "trail", "is_multi_region_trail": good,
				"enable_log_file_validation": good, "include_global_service_events": true, "enable_logging": true},
			unknown: map[string]any{"id": true, "arn": true}}
	default:
		action := "s3:GetObject"
		if !good {
			action = "*"
		}
		policy := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":%q,"Resource":"*"}]}`, action)
		return resource{typ: "aws_iam_policy", name: name,
			values:  map[string]any{"name": name, "policy": policy},
			unknown: map[string]any{"id": true, "arn": true}}
	}
}
