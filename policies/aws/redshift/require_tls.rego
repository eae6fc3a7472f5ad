# METADATA
# title: Redshift clusters require TLS connections
# description: >-
#   Every aws_redshift_cluster uses a parameter group with require_ssl =
#   true: its cluster_parameter_group_name refers to an
#   aws_redshift_parameter_group that sets the parameter. Without a
#   parameter group the cluster gets the default one, whose require_ssl is
#   false, and clients may connect and send queries and results in clear
#   text.
# custom:
#   id: AWS-RS-002
#   severity: medium
#   criteria: [CC6.7]
#   resource_types: [aws_redshift_cluster]
#   remediation: >-
#     Create an aws_redshift_parameter_group with parameter { name =
#     "require_ssl", value = "true" } and set cluster_parameter_group_name =
#     aws_redshift_parameter_group.NAME.name.
package soc2scan.rules.aws.redshift.require_tls

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	aws.absent(c, "cluster_parameter_group_name")
	finding := {"resource": c.id, "message": sprintf("%s does not set cluster_parameter_group_name; the default parameter group has require_ssl = false", [c.id])}
}

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	name := tf.value(c, "cluster_parameter_group_name")
	is_string(name)
	startswith(name, "default.")
	finding := {"resource": c.id, "message": sprintf("%s uses the default parameter group %s, whose require_ssl is false", [c.id, name])}
}

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	[group] := groups(c)
	not requires_ssl(group)
	not tf.contains_unknown(group, "parameter")
	finding := {"resource": c.id, "message": sprintf("%s uses %s, which does not set require_ssl = true", [c.id, group.id])}
}

unknown contains tf.undetermined_because(c, sprintf("%s is not in this configuration", [name])) if {
	some c in tf.resources("aws_redshift_cluster")
	name := tf.value(c, "cluster_parameter_group_name")
	is_string(name)
	not startswith(name, "default.")
	count(groups(c)) == 0
}

unknown contains tf.undetermined(c, "cluster_parameter_group_name") if {
	some c in tf.resources("aws_redshift_cluster")
	tf.is_unknown(c, "cluster_parameter_group_name")
	count(groups(c)) == 0
}

unknown contains tf.undetermined_because(c, sprintf("%s.parameter is known only after apply", [group.id])) if {
	some c in tf.resources("aws_redshift_cluster")
	some group in groups(c)
	not requires_ssl(group)
	tf.contains_unknown(group, "parameter")
}

groups(c) := [g | some g in tf.refers_to(c, "cluster_parameter_group_name"); g.type == "aws_redshift_parameter_group"]

requires_ssl(group) if {
	some p in tf.blocks(group, "parameter")
	p.name == "require_ssl"
	lower(sprintf("%v", [p.value])) == "true"
}
