# METADATA
# title: BigQuery datasets are not shared with the public
# description: >-
#   No access block of a google_bigquery_dataset, no
#   google_bigquery_dataset_access, and no google_bigquery_dataset_iam_binding,
#   _iam_member or _iam_policy gives a role to allUsers or
#   allAuthenticatedUsers (as special_group or iam_member). A public dataset
#   exposes every table in it to anyone on the internet or with a Google
#   account.
# custom:
#   id: GCP-BQ-002
#   severity: critical
#   criteria: [CC5.2, CC6.1]
#   resource_types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_policy]
#   remediation: >-
#     Remove the access entry or IAM member for allUsers /
#     allAuthenticatedUsers and grant READER to named groups, users or
#     domains instead; publish data meant to be public through an
#     authorised view in a dedicated project.
package soc2scan.rules.gcp.bigquery.dataset_not_public

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

iam_types := ["google_bigquery_dataset_iam_binding", "google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_policy"]

deny contains finding if {
	some ds in tf.resources("google_bigquery_dataset")
	entries := [sprintf("access[%d] %s", [i, d]) | some i, a in tf.blocks(ds, "access"); d := public_entry(a)]
	count(entries) > 0
	finding := {"resource": ds.id, "message": sprintf("%s shares the dataset with the public: %s", [ds.id, concat(", ", entries)])}
}

deny contains finding if {
	some r in tf.resources("google_bigquery_dataset_access")
	d := public_entry(r.values)
	finding := {"resource": r.id, "message": sprintf("%s shares the dataset with the public: %s", [r.id, d])}
}

deny contains finding if {
	some type in iam_types
	some r in tf.resources(type)
	public := gcp.public_grants(r)
	count(public) > 0
	finding := {"resource": r.id, "message": sprintf("%s grants %s", [r.id, gcp.describe_grants(public)])}
}

unknown contains tf.undetermined(ds, "access") if {
	some ds in tf.resources("google_bigquery_dataset")
	tf.contains_unknown(ds, "access")
}

unknown contains tf.undetermined(r, attr) if {
	some r in tf.resources("google_bigquery_dataset_access")
	some attr in ["special_group", "iam_member"]
	tf.is_unknown(r, attr)
}

unknown contains tf.undetermined_because(r, reason) if {
	some type in iam_types
	some r in tf.resources(type)
	count(gcp.public_grants(r)) == 0
	some reason in gcp.undetermined_grants(r)
}

public_entry(a) := sprintf("%s = %q (role %v)", [attr, a[attr], object.get(a, "role", null)]) if {
	some attr in ["special_group", "iam_member"]
	a[attr] in gcp.public_members
}
