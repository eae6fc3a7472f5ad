# METADATA
# title: A log sink exports all log entries
# description: >-
#   Where a configuration declares log sinks (google_logging_project_sink,
#   _folder_sink, _organization_sink), at least one of them is enabled and
#   exports every entry: no filter and no exclusions. Sinks that export a
#   subset are reported when no such sink exists. A complete export to
#   durable storage keeps the logs beyond the default retention of Cloud
#   Logging and out of reach of whoever administers the project, the log
#   evidence an auditor relies on. A configuration without any sink cannot
#   be judged here: the export may be managed elsewhere.
# custom:
#   id: GCP-LOG-002
#   severity: medium
#   criteria: [CC2.1, CC5.2, CC7.2, A1.2, PI1.2]
#   resource_types: [google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink]
#   remediation: >-
#     Add a sink without filter and without exclusions, e.g.
#     google_logging_project_sink { destination = "storage.googleapis.com/${google_storage_bucket.audit.name}" },
#     writing to a bucket with a retention policy, and grant its
#     writer_identity access to the destination.
package soc2scan.rules.gcp.logging.sink_all_entries

import data.soc2scan.lib.terraform as tf

types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink"]

sinks := [s | some type in types; some s in tf.resources(type)]

deny contains finding if {
	not any_complete
	not any_undetermined
	some s in sinks
	finding := {"resource": s.id, "message": sprintf("%s %s, and no sink in this configuration exports all log entries", [s.id, concat(" and ", partial(s))])}
}

unknown contains tf.undetermined(s, attr) if {
	not any_complete
	some s in sinks
	some attr in ["filter", "exclusions", "disabled"]
	tf.contains_unknown(s, attr)
}

any_complete if {
	some s in sinks
	count(partial(s)) == 0
	not undetermined(s)
}

any_undetermined if {
	some s in sinks
	undetermined(s)
}

undetermined(s) if {
	some attr in ["filter", "exclusions", "disabled"]
	tf.contains_unknown(s, attr)
}

partial(s) := [p |
	some check in [
		["filter", sprintf("filters entries (filter = %q)", [tf.value(s, "filter")])],
		["exclusions", "has exclusions"],
		["disabled", "is disabled"],
	]
	applies(s, check[0])
	p := check[1]
]

applies(s, "filter") if {
	f := tf.value(s, "filter")
	is_string(f)
	trim_space(f) != ""
}

applies(s, "exclusions") if count(tf.blocks(s, "exclusions")) > 0

applies(s, "disabled") if tf.value(s, "disabled") == true
