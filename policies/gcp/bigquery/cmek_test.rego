package soc2scan.rules.gcp.bigquery.cmek_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.bigquery.cmek

key := "projects/p/locations/eu/keyRings/r/cryptoKeys/bq"

dataset(name, values) := {"id": sprintf("google_bigquery_dataset.%s", [name]), "type": "google_bigquery_dataset", "values": values}

table(name, dataset, values) := {
	"id": sprintf("google_bigquery_table.%s", [name]),
	"type": "google_bigquery_table",
	"values": values,
	"refs": {"dataset_id": [dataset]},
}

test_fail_no_keys if {
	findings := cmek.deny with input as doc([dataset("plain", {}), table("t", "google_bigquery_dataset.plain", {})])
	findings == {
		{"resource": "google_bigquery_dataset.plain", "message": "google_bigquery_dataset.plain has no default_encryption_configuration.kms_key_name; tables use Google-managed keys"},
		{"resource": "google_bigquery_table.t", "message": "google_bigquery_table.t has no encryption_configuration.kms_key_name and its dataset google_bigquery_dataset.plain has no default key"},
	}
}

test_pass_dataset_default_or_table_key if {
	count(cmek.deny) == 0 with input as doc([
		dataset("keyed", {"default_encryption_configuration": [{"kms_key_name": key}]}),
		table("inherits", "google_bigquery_dataset.keyed", {}),
		dataset("plain", {"default_encryption_configuration": [{"kms_key_name": key}]}),
		table("own", "google_bigquery_dataset.plain", {"encryption_configuration": [{"kms_key_name": key}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([
		object.union(dataset("d", {"default_encryption_configuration": [{"kms_key_name": null}]}), {"unknown": {"default_encryption_configuration": [{"kms_key_name": true}]}}),
		{"id": "google_bigquery_table.elsewhere", "type": "google_bigquery_table", "values": {"dataset_id": "shared"}},
	])
	count(cmek.deny) == 0 with input as input_doc
	cmek.unknown == {
		{"resource": "google_bigquery_dataset.d", "message": "default_encryption_configuration is known only after apply"},
		{"resource": "google_bigquery_table.elsewhere", "message": "the dataset of google_bigquery_table.elsewhere (dataset_id) is not in this configuration"},
	} with input as input_doc
}
