# METADATA
# title: No credentials as literal values in env or ConfigMaps
# description: >-
#   No container environment variable whose name looks like a credential
#   (password, passwd, passphrase, secret, token, credential, api key,
#   private key, access key, secret key) has a literal value, and no
#   ConfigMap key with such a name has a value. A credential written into a
#   manifest is readable by everyone with access to the repository, the
#   CI logs and the API objects, is not rotated and is not access-logged.
#   Values taken from a Secret (valueFrom), $(VAR) references and names of
#   files, paths, URLs and identifiers (PASSWORD_FILE, TOKEN_URL,
#   ACCESS_KEY_ID) are not findings.
# custom:
#   id: K8S-SEC-001
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision, ConfigMap]
#   remediation: >-
#     Move the value into a Secret (or an external secret store synced into
#     one) and mount it as a file (volumes[].secret), or at least reference
#     it with env[].valueFrom.secretKeyRef (see K8S-SEC-002); rotate the
#     credential, since it is in the repository's history.
package soc2scan.rules.kubernetes.secrets.env_literals

import data.soc2scan.lib.config
import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some c in k8s.all_containers
	some j, env in c.container.env
	value := env.value
	is_string(value)
	config.credential_name(env.name)
	literal(value)
	finding := {"resource": c.id, "path": array.concat(c.path, ["env", j, "value"]), "message": concat(" ", [c.subject, "sets credential-like env", env.name, "to a literal value"])}
}

deny contains finding if {
	some cm in k8s.resources("ConfigMap")
	some key, value in object.get(cm.values, "data", {})
	config.credential_name(key)
	literal(value)
	finding := {"resource": cm.id, "path": ["data", key], "message": sprintf("%s holds credential-like key %s in data", [cm.id, key])}
}

# literal holds for a non-empty string that is not only $(VAR) references
# and not a boolean word.
literal(v) if {
	is_string(v)
	trim_space(v) != ""
	regex.replace(v, `\$\([A-Za-z_][A-Za-z0-9_.-]*\)`, "") != ""
	not lower(v) in {"true", "false", "yes", "no"}
}
