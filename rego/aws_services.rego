# METADATA
# description: |
#   Helpers shared by the AWS service rules (load balancers, CloudFront,
#   Lambda, API Gateway, OpenSearch, SNS, SQS, ECR, CodeBuild ...): booleans
#   as HCL writes them, the first nested block of a resource, the resources
#   a WAF web ACL protects, secret-looking literals in environment
#   variables, and resource policy statements open to everyone.
package soc2scan.lib.aws_services

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

# flag returns a boolean attribute as a boolean: HCL source loaded without
# provider schemas keeps enabled = "true" as a string. Undefined when the
# value is absent or not a boolean.
flag(r, path) := v if {
	v := tf.value(r, path)
	is_boolean(v)
} else if {
	lower(tf.value(r, path)) == "true"
} else := false if {
	lower(tf.value(r, path)) == "false"
}

# is_true holds when the attribute at path is the boolean true (or "true").
is_true(r, path) if flag(r, path) == true

# is_false holds when the attribute at path is the boolean false (or "false").
is_false(r, path) if flag(r, path) == false

# absent holds when the attribute at path is not set and not unknown: the
# provider default applies.
absent(r, path) if {
	tf.value(r, path) == null
	tf.is_known(r, path)
}

# blank holds when a string attribute is absent, null or empty (and known).
blank(r, path) if absent(r, path)

blank(r, path) if tf.value(r, path) == ""

# block returns the first nested block at path (Terraform writes blocks as
# lists of objects), or {} when there is none.
block(r, path) := b if {
	some b in tf.blocks(r, path)
	is_object(b)
} else := {}

# waf_associations are the types that attach a WAF web ACL to a load
# balancer, API Gateway stage or AppSync API through resource_arn.
waf_associations := ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]

# waf_protected holds when a WAF web ACL association refers to r through
# its resource_arn.
waf_protected(r) if {
	some type in waf_associations
	tf.has_related(r, type, "resource_arn")
}

# secret_findings returns, for a map of environment variable names to
# values, a description of every variable whose literal value looks like a
# credential: an AWS access key id anywhere in the value, or a non-empty
# literal under a name that says password, secret, token or key. Values
# known only after apply never reach this map as literals.
secret_findings(vars) := {sprintf("%s (%s)", [name, why]) |
	some name, value in vars
	is_string(value)
	some why in _secret_reasons(name, value)
}

_secret_reasons(_, value) := {"holds an AWS access key id"} if {
	regex.match(`(^|[^A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}([^A-Z0-9]|$)`, value)
}

_secret_reasons(name, value) := {"a secret-looking name with a literal value"} if {
	not regex.match(`(AKIA|ASIA)[A-Z0-9]{16}`, value)
	regex.match(`(?i)(passw(or)?d|passphrase|secret|token|api_?key|private_?key|access_?key|credential|auth_?key|client_?secret)`, name)
	not _reference_like(value)
}

# _reference_like holds for values that name a secret rather than hold it:
# empty, an ARN or path of a secret store, or a placeholder.
_reference_like(value) if trim_space(value) == ""

_reference_like(value) if startswith(value, "arn:")

_reference_like(value) if startswith(value, "/")

_reference_like(value) if regex.match(`^(\$\{.*\}|<.*>|\{\{.*\}\})$`, value)

_reference_like(value) if lower(value) in {"true", "false", "none", "null", "changeme-not-a-secret"}

# public_statements returns the statements of a policy document that allow
# every principal ("*") with no condition restricting who can use them.
# Conditions that restrict are those AWS itself treats as making a
# resource policy non-public: fixed values of the source or principal
# account, organisation, ARN, VPC, VPC endpoint, or a source IP range
# narrower than the whole Internet.
public_statements(doc) := [s |
	some s in doc.statements
	s.Effect == "Allow"
	iam.everyone(s)
	not _restricted(s)
]

# undecided_statements returns the reasons a policy cannot be judged: it
# cannot be read, or a statement that may be public has fields known only
# after apply.
undecided_statements(doc) := {doc.unreadable} if doc.unreadable

undecided_statements(doc) := {sprintf("a statement of %s has values known only after apply", [doc.source]) |
	some s in doc.statements
	count(s.Unknown) > 0
	_may_be_public(s)
} if not doc.unreadable

_may_be_public(s) if {
	s.Effect in {"Allow", ""}
	_principal_may_be_everyone(s)
	_condition_may_be_open(s)
}

_principal_may_be_everyone(s) if "Principal" in s.Unknown

_principal_may_be_everyone(s) if iam.everyone(s)

_condition_may_be_open(s) if "Condition" in s.Unknown

_condition_may_be_open(s) if not _restricted(s)

_restricting_keys := {
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
	"aws:principalorgid", "aws:principalaccount", "aws:principalarn", "aws:principalorgpaths",
	"aws:userid", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourceip",
}

_restricted(s) if {
	some c in s.Condition
	lower(c.variable) in _restricting_keys
	not _negated(c.test)
	not endswith(lower(c.test), "ifexists")
	count(c.values) > 0
	every v in c.values {
		_fixed(lower(c.variable), v)
	}
}

_negated(test) if contains(lower(test), "not")

_fixed("aws:sourceip", v) if {
	not v in {"0.0.0.0/0", "::/0"}
	not contains(v, "*")
}

_fixed(key, v) if {
	key != "aws:sourceip"
	v != "*"
	not contains(v, "${")
	not regex.match(`^\*|:\*$`, v)
}

# load_balancers are the ELBv2 load balancers under both type names.
load_balancers := array.concat(tf.resources("aws_lb"), tf.resources("aws_alb"))

# load_balancer_type returns an ELBv2 load balancer's type: the provider's
# default is "application". Undefined when it is known only after apply.
load_balancer_type(lb) := "application" if {
	absent(lb, "load_balancer_type")
} else := lower(t) if {
	t := tf.value(lb, "load_balancer_type")
	is_string(t)
}

# listeners are the ELBv2 listeners under both type names.
listeners := array.concat(tf.resources("aws_lb_listener"), tf.resources("aws_alb_listener"))

# listener_protocol returns a listener's protocol in upper case: as set,
# or, when absent, the provider's default for its load balancer's type
# (HTTP for an application load balancer, TCP for a network one). Undefined
# when it cannot be told.
listener_protocol(l) := upper(p) if {
	p := tf.value(l, "protocol")
	is_string(p)
} else := "HTTP" if {
	absent(l, "protocol")
	[lb] := tf.refers_to(l, "load_balancer_arn")
	load_balancer_type(lb) == "application"
} else := "TCP" if {
	absent(l, "protocol")
	[lb] := tf.refers_to(l, "load_balancer_arn")
	load_balancer_type(lb) == "network"
}

# modern_tls_policy holds for ELB security policy names that allow only
# TLS 1.2 or later (the TLS13-1-2/1-3, TLS-1-2 and FS-1-2 families, FIPS
# variants included).
modern_tls_policy(name) if regex.match(`^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`, name)

# has_value holds when the attribute at path has a known, non-empty value.
has_value(r, path) if {
	tf.is_known(r, path)
	not blank(r, path)
}

# disabled returns why a boolean attribute that should be true is not: it
# is false, or it is absent and the provider's default is false. Undefined
# when it is true or known only after apply.
disabled(r, path) := sprintf("sets %s = false", [attribute_name(path)]) if {
	is_false(r, path)
} else := sprintf("does not set %s (the default is false)", [attribute_name(path)]) if {
	absent(r, path)
}

# attribute_name names an attribute path for messages: blocks by their
# names, without list indices ("encrypt_at_rest.enabled").
attribute_name(path) := path if is_string(path)

attribute_name(path) := concat(".", [p | some p in path; is_string(p)]) if is_array(path)
