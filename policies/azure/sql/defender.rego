# METADATA
# title: SQL threat detection alerts and vulnerability scans are on
# description: >-
#   No azurerm_mssql_server_security_alert_policy has a state other than
#   "Enabled", and every azurerm_mssql_server_vulnerability_assessment runs
#   recurring scans (recurring_scans { enabled = true }). Defender for SQL
#   alerts on injection and anomalous access, and recurring assessments find
#   misconfigurations: the detection evidence an auditor looks for.
# custom:
#   id: AZ-SQL-005
#   severity: medium
#   criteria: [CC3.2, CC7.1]
#   resource_types: [azurerm_mssql_server_security_alert_policy, azurerm_mssql_server_vulnerability_assessment]
#   remediation: >-
#     Set state = "Enabled" on the security alert policy with email_addresses
#     or email_account_admins, and give the vulnerability assessment
#     recurring_scans { enabled = true, emails = [...] }.
package soc2scan.rules.azure.sql.defender

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some p in tf.resources("azurerm_mssql_server_security_alert_policy")
	state := tf.value(p, "state")
	is_string(state)
	lower(state) != "enabled"
	finding := {"resource": p.id, "message": sprintf("%s has state = %q: threat detection alerts are off", [p.id, state])}
}

deny contains finding if {
	some va in tf.resources("azurerm_mssql_server_vulnerability_assessment")
	not tf.contains_unknown(va, "recurring_scans")
	not azure.truthy(object.get(azure.block(va, "recurring_scans"), "enabled", false))
	finding := {"resource": va.id, "message": sprintf("%s does not set recurring_scans.enabled = true: the database is never scanned", [va.id])}
}

unknown contains tf.undetermined(p, "state") if {
	some p in tf.resources("azurerm_mssql_server_security_alert_policy")
	tf.is_unknown(p, "state")
}

unknown contains tf.undetermined(va, "recurring_scans") if {
	some va in tf.resources("azurerm_mssql_server_vulnerability_assessment")
	tf.contains_unknown(va, "recurring_scans")
}
