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
resources(type) := [input.resources[i] | some i in input.by_type[type]]

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
# the path of the offending value in the document.
finding(r, path, msg) := {"resource": r.id, "message": msg, "path": path}

# label names a statement in messages: its Sid, or its position.
label(entry) := sprintf("statement %q", [entry.statement.Sid]) if entry.statement.Sid != ""

label(entry) := sprintf("statement %d", [_index(entry.path)]) if entry.statement.Sid == ""

_index(path) := path[1] + 1 if count(path) == 2

_index(path) := 1 if count(path) == 1
