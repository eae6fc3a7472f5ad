# METADATA
# description: |
#   Helpers for rules over config documents (JSON and YAML files that are
#   neither Terraform nor Kubernetes): lookup by config type through the
#   by-type index, the statements of AWS policy documents with the path of
#   each in the file, and the finding constructor with a path, from which
#   the engine finds the offending line.
package soc2scan.lib.config

import data.soc2scan.lib.aws_iam as iam

# resources returns the config documents of a type (iam_policy,
# s3_bucket_policy, resource_policy, kubeconfig, config, or a type the user
# mapped files to).
resources(type) := object.get(input.of_type, type, [])

# policy_types are the config types of AWS policy documents.
policy_types := ["iam_policy", "s3_bucket_policy", "resource_policy"]

# resource_policy_types are the policy types that name principals.
resource_policy_types := ["s3_bucket_policy", "resource_policy"]

# statements returns the statements of a policy document r, each as
# {"statement": the statement in the shape data.soc2scan.lib.aws_iam gives
# (every field a list), "path": its path in the document}.
statements(r) := [{"statement": s, "path": _statement_path(r, i)} |
	some i, s in iam.statements(r.values)
]

_statement_path(r, i) := ["Statement", i] if is_array(r.values.Statement)

_statement_path(r, _) := ["Statement"] if not is_array(r.values.Statement)

# finding is what a rule's deny set contains: the resource, a message, and
# the path of the offending value in the document. The built-in rules write
# the object literally: a Rego function call costs more than the rest of a
# finding.
finding(r, path, msg) := {"resource": r.id, "message": msg, "path": path}

# label names a statement in messages: its Sid, or its position.
label(entry) := sprintf("statement %q", [entry.statement.Sid]) if entry.statement.Sid != ""

label(entry) := sprintf("statement %d", [_index(entry.path)]) if entry.statement.Sid == ""

_index(path) := path[1] + 1 if count(path) == 2

_index(path) := 1 if count(path) == 1

# settings lists every key of every generic config document (type config)
# at any depth up to max_depth, once per evaluation, for rules that find
# settings by name in files of no known schema:
#
#	{"resource": the document, "path": from its values to the value,
#	 "name": the key as written (for a list element, its list's key),
#	 "key": the name normalised (see normalise), "parent": the enclosing
#	 key normalised ("" at the top), "value": the value}
settings := [s |
	some r in resources("config")
	walk(r.values, [path, value])
	count(path) > 0
	count(path) <= max_depth
	s := _setting(r, path, value)
]

# max_depth bounds how deep settings are looked for.
max_depth := 32

_setting(r, path, value) := {"resource": r, "path": path, "name": name, "key": normalise(name), "parent": parent, "value": value} if {
	names := [p | some p in path; is_string(p)]
	count(names) > 0
	name := names[count(names) - 1]
	parent := _parent(names)
}

_parent(names) := normalise(names[count(names) - 2]) if count(names) > 1

_parent(names) := "" if count(names) == 1

# normalise makes a key comparable across naming styles: lower case without
# "_", "-", "." and spaces (TLS_Skip-Verify and tlsSkipVerify are both
# "tlsskipverify").
normalise(key) := regex.replace(lower(key), `[_\-. ]`, "")

# is_true holds for true and the strings that mean it in config files.
is_true(v) if v == true

is_true(v) if {
	is_string(v)
	lower(trim_space(v)) in {"true", "yes", "on", "1", "enabled"}
}

# is_false holds for false and the strings that mean it in config files.
is_false(v) if v == false

is_false(v) if {
	is_string(v)
	lower(trim_space(v)) in {"false", "no", "off", "0", "disabled"}
}

# dotted renders a path for messages: ["server", "tls", 0, "enabled"] is
# "server.tls[0].enabled".
dotted(path) := concat("", [_segment(i, p) | some i, p in path])

_segment(_, p) := sprintf("[%d]", [p]) if is_number(p)

_segment(0, p) := p if is_string(p)

_segment(i, p) := concat("", [".", p]) if {
	is_string(p)
	i > 0
}

# credential_name holds for names such as DB_PASSWORD, clientSecret,
# api-key, GITHUB_TOKEN, but not TOKEN_URL or PASSWORD_FILE: the name is
# split into words at separators and lower-to-upper case changes. Names
# without any of the keywords' stems are passed over before that work.
credential_name(name) if {
	is_string(name)
	regex.match(`(?i)pass|secret|token|credential|key`, name)
	words := name_words(name)
	joined := concat("_", words)
	regex.match(`(^|_)(password|passwd|passphrase|secret|token|credentials?|(api|private|access|secret|auth|signing|encryption|client)_?key)(_|$)`, joined)
	not words[count(words) - 1] in not_a_value
}

# name_words splits a name into lower-case words.
name_words(name) := [w | some w in split(lower(regex.replace(regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}"), `[^A-Za-z0-9]+`, "_")), "_"); w != ""]

# not_a_value are last words of names that hold where a credential is or
# what it is, not the credential.
not_a_value := {
	"file", "path", "dir", "url", "uri", "endpoint", "host", "name", "ref", "id",
	"type", "ttl", "length", "enabled", "header", "arn", "mount", "location",
	"env", "var", "secret_ref", "source", "provider", "store", "expiry", "expiration",
	"rotation", "policy", "field", "param", "prefix", "format", "algorithm", "required",
}

# literal_secret holds for a string that is a value, not a reference to
# where the value is kept: not empty, not only ${VAR}, $(VAR), $VAR,
# {{ template }} or %(name)s references, not a secret-store or file
# reference (vault:, env:, arn:...:secretsmanager, file paths), not a
# boolean word and not a masked placeholder.
literal_secret(v) if {
	is_string(v)
	s := trim_space(v)
	s != ""
	regex.replace(s, `\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|%\([^)]*\)s|<[^>]*>`, "") != ""
	not regex.match(`(?i)^(vault:|env:|ref\+|secret:|secretsmanager:|ssm:|awssm:|gcpsm:|azkv:|keyvault:|op://|file:|arn:aws[a-z-]*:(secretsmanager|ssm|kms):|projects/[^/]+/secrets/|/|\./|~/)`, s)
	not lower(s) in {"true", "false", "yes", "no", "null", "none", "redacted"}
	not regex.match(`^[*xX•.]+$`, s)
}
