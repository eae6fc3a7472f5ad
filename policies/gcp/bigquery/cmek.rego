# METADATA
# title: BigQuery datasets and tables are encrypted with customer-managed keys
# description: >-
#   Every google_bigquery_dataset sets default_encryption_configuration with
#   a kms_key_name, and every google_bigquery_table sets
#   encryption_configuration.kms_key_name or belongs (through dataset_id) to
#   a dataset of this configuration with such a default, which new tables
#   inherit. A customer-managed key lets the organisation rotate, disable
#   and audit the use of the key protecting the data; a table whose dataset
#   is not in the configuration cannot be judged.
# custom:
#   id: GCP-BQ-001
#   severity: medium
#   criteria: [CC6.1, C1.1, PI1.4]
#   resource_types: [google_bigquery_dataset, google_bigquery_table]
#   remediation: >-
#     Add default_encryption_configuration { kms_key_name = google_kms_crypto_key.bq.id }
#     to the dataset (or encryption_configuration on the table), and grant
#     the BigQuery service account roles/cloudkms.cryptoKeyEncrypterDecrypter
#     on the key.
package soc2scan.rules.gcp.bigquery.cmek

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some ds in tf.resources("google_bigquery_dataset")
	not keyed(ds, "default_encryption_configuration")
	not tf.contains_unknown(ds, "default_encryption_configuration")
	finding := {"resource": ds.id, "message": sprintf("%s has no default_encryption_configuration.kms_key_name; tables use Google-managed keys", [ds.id])}
}

deny contains finding if {
	some t in tf.resources("google_bigquery_table")
	not keyed(t, "encryption_configuration")
	not tf.contains_unknown(t, "encryption_configuration")
	datasets := tf.refers_to(t, "dataset_id")
	count(datasets) > 0
	some ds in datasets
	not keyed(ds, "default_encryption_configuration")
	not tf.contains_unknown(ds, "default_encryption_configuration")
	finding := {"resource": t.id, "message": sprintf("%s has no encryption_configuration.kms_key_name and its dataset %s has no default key", [t.id, ds.id])}
}

unknown contains tf.undetermined(ds, "default_encryption_configuration") if {
	some ds in tf.resources("google_bigquery_dataset")
	not keyed(ds, "default_encryption_configuration")
	tf.contains_unknown(ds, "default_encryption_configuration")
}

unknown contains tf.undetermined(t, "encryption_configuration") if {
	some t in tf.resources("google_bigquery_table")
	not keyed(t, "encryption_configuration")
	tf.contains_unknown(t, "encryption_configuration")
}

unknown contains tf.undetermined_because(t, sprintf("the dataset of %s (dataset_id) is not in this configuration", [t.id])) if {
	some t in tf.resources("google_bigquery_table")
	not keyed(t, "encryption_configuration")
	not tf.contains_unknown(t, "encryption_configuration")
	count(tf.refers_to(t, "dataset_id")) == 0
}

# keyed holds when the block at attr names a KMS key, by value or by a
# reference to a key known only after apply.
keyed(r, attr) if {
	some b in gcp.blocks(r, attr)
	is_string(b.kms_key_name)
	b.kms_key_name != ""
}

keyed(r, attr) if {
	some key in tf.refers_to(r, concat(".", [attr, "kms_key_name"]))
	key.type == "google_kms_crypto_key"
}
