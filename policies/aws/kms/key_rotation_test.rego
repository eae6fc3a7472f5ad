package soc2scan.rules.aws.kms.key_rotation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.kms.key_rotation

key(name, values) := {"id": sprintf("aws_kms_key.%s", [name]), "type": "aws_kms_key", "values": values}

test_fail_rotation_off if {
	findings := key_rotation.deny with input as doc([key("legacy", {"enable_key_rotation": false}), key("main", {"enable_key_rotation": true})])
	findings == {{"resource": "aws_kms_key.legacy", "message": "aws_kms_key.legacy has enable_key_rotation = false"}}
}

test_fail_rotation_not_set_on_explicit_symmetric_key if {
	findings := key_rotation.deny with input as doc([key("data", {"customer_master_key_spec": "SYMMETRIC_DEFAULT"})])
	findings == {{"resource": "aws_kms_key.data", "message": "aws_kms_key.data does not set enable_key_rotation (the default is false)"}}
}

test_pass_rotation_on if {
	count(key_rotation.deny) == 0 with input as doc([key("main", {"enable_key_rotation": true, "rotation_period_in_days": 90})])
}

# Automatic rotation does not apply to asymmetric or HMAC keys: AWS rejects
# enable_key_rotation for them, so they pass without it.
test_pass_asymmetric_and_hmac_keys_need_no_rotation if {
	count(key_rotation.deny) == 0 with input as doc([
		key("signing", {"customer_master_key_spec": "RSA_4096", "key_usage": "SIGN_VERIFY"}),
		key("ecc", {"customer_master_key_spec": "ECC_NIST_P256", "enable_key_rotation": false}),
		key("mac", {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"}),
	])
}

test_unknown_rotation_is_not_a_finding if {
	input_doc := doc([object.union(key("main", {}), {"unknown": {"enable_key_rotation": true}})])
	count(key_rotation.deny) == 0 with input as input_doc
	key_rotation.unknown == {{"resource": "aws_kms_key.main", "message": "enable_key_rotation is known only after apply"}} with input as input_doc
}

test_unknown_key_spec_is_not_a_finding if {
	input_doc := doc([object.union(key("main", {"enable_key_rotation": false}), {"unknown": {"customer_master_key_spec": true}})])
	count(key_rotation.deny) == 0 with input as input_doc
	key_rotation.unknown == {{"resource": "aws_kms_key.main", "message": "customer_master_key_spec is known only after apply"}} with input as input_doc
}
