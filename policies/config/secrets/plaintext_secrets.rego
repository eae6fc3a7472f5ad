# METADATA
# title: Config files hold no plaintext credentials
# description: >-
#   In generic config files, no key named like a credential (password,
#   passphrase, secret, token, credentials, api/private/access/client key
#   ...) holds a literal value, and no value is a PEM private key. A
#   credential in a file is readable by everyone with the repository, its
#   history and its build logs, is not rotated and its use is not logged.
#   References are not findings: ${VAR}, $(VAR), {{ templates }},
#   vault:, env:, secret-manager ARNs and file paths, and names of where
#   a credential is (PASSWORD_FILE, TOKEN_URL, ...).
# custom:
#   id: CFG-SEC-001
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [config]
#   remediation: >-
#     Move the credential into a secret store (Vault, AWS Secrets Manager,
#     GCP Secret Manager, Azure Key Vault, a Kubernetes Secret) and
#     reference it (${ENV_VAR}, a mounted file path, the store's URI);
#     rotate it, since it is in the repository's history.
package soc2scan.rules.config.secrets.plaintext_secrets

import data.soc2scan.lib.config

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	config.credential_name(s.name)
	config.literal_secret(s.value)
	not contains(s.value, "PRIVATE KEY-----")
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s holds a literal credential", [s.resource.id, config.dotted(s.path)])}
}

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	regex.match(`-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`, s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s holds a PEM private key", [s.resource.id, config.dotted(s.path)])}
}
