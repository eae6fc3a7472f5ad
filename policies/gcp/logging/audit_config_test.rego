package soc2scan.rules.gcp.logging.audit_config_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.logging.audit_config

config(name, service, logs) := {"id": sprintf("google_project_iam_audit_config.%s", [name]), "type": "google_project_iam_audit_config", "values": {"service": service, "audit_log_config": logs}}

all_logs := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]

test_fail_missing_types_and_exemptions if {
	findings := audit_config.deny with input as doc([
		config("partial", "allServices", [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": ["user:joe@example.com"]}]),
		config("storage", "storage.googleapis.com", [{"log_type": "DATA_READ", "exempted_members": ["user:joe@example.com"]}]),
	])
	findings == {
		{
			"resource": "google_project_iam_audit_config.partial",
			"message": "google_project_iam_audit_config.partial (service \"allServices\") does not enable DATA_WRITE; exempts user:joe@example.com from DATA_READ",
		},
		{
			"resource": "google_project_iam_audit_config.storage",
			"message": "google_project_iam_audit_config.storage (service \"storage.googleapis.com\") exempts user:joe@example.com from DATA_READ",
		},
	}
}

test_pass_all_types_no_exemptions if {
	count(audit_config.deny) == 0 with input as doc([
		config("all", "allServices", all_logs),
		config("storage", "storage.googleapis.com", [{"log_type": "DATA_READ"}]),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(config("all", "allServices", [{"log_type": "ADMIN_READ", "exempted_members": null}]), {"unknown": {"audit_log_config": [{"exempted_members": true}]}})])
	count(audit_config.deny) == 0 with input as input_doc
	audit_config.unknown == {{"resource": "google_project_iam_audit_config.all", "message": "audit_log_config is known only after apply"}} with input as input_doc
}
