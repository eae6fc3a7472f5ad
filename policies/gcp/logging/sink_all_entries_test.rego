package soc2scan.rules.gcp.logging.sink_all_entries_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.logging.sink_all_entries

sink(name, values) := {"id": sprintf("google_logging_project_sink.%s", [name]), "type": "google_logging_project_sink", "values": object.union({"destination": "storage.googleapis.com/audit"}, values)}

test_fail_only_partial_sinks if {
	findings := sink_all_entries.deny with input as doc([
		sink("errors", {"filter": "severity >= ERROR"}),
		sink("off", {"disabled": true, "exclusions": [{"name": "noisy", "filter": "resource.type = gce_instance"}]}),
	])
	findings == {
		{"resource": "google_logging_project_sink.errors", "message": "google_logging_project_sink.errors filters entries (filter = \"severity >= ERROR\"), and no sink in this configuration exports all log entries"},
		{"resource": "google_logging_project_sink.off", "message": "google_logging_project_sink.off has exclusions and is disabled, and no sink in this configuration exports all log entries"},
	}
}

test_pass_one_complete_sink if {
	count(sink_all_entries.deny) == 0 with input as doc([sink("all", {}), sink("errors", {"filter": "severity >= ERROR"}), sink("empty", {"filter": ""})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(sink("maybe", {}), {"unknown": {"filter": true}}), sink("errors", {"filter": "severity >= ERROR"})])
	count(sink_all_entries.deny) == 0 with input as input_doc
	sink_all_entries.unknown == {{"resource": "google_logging_project_sink.maybe", "message": "filter is known only after apply"}} with input as input_doc
}
