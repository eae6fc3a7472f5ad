# METADATA
# title: Instances do not get public IP addresses
# description: >-
#   No aws_instance gets a public IPv4 address: associate_public_ip_address
#   is not true and, where it is not set, the instance is not launched into
#   a subnet that assigns one (a subnet of the document with
#   map_public_ip_on_launch = true, or no subnet_id at all, which means the
#   default VPC, whose subnets assign public addresses). No
#   aws_launch_template network interface sets associate_public_ip_address
#   = true, and no aws_subnet sets map_public_ip_on_launch = true. Instances
#   with public addresses are reachable from the internet whenever a
#   security group allows it; an auditor expects workloads behind load
#   balancers, NAT or Session Manager instead. Instances that attach their
#   own network_interface blocks are judged by those interfaces and pass.
# custom:
#   id: AWS-EC2-004
#   severity: medium
#   criteria: [CC6.6]
#   resource_types: [aws_instance, aws_launch_template, aws_subnet]
#   remediation: >-
#     Set associate_public_ip_address = false and launch into a private
#     subnet (subnet_id of a subnet with map_public_ip_on_launch = false);
#     publish services through a load balancer and reach instances through
#     Session Manager.
package soc2scan.rules.aws.ec2.public_ip

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some i in tf.resources("aws_instance")
	aws.is_true(i, "associate_public_ip_address")
	finding := {"resource": i.id, "message": sprintf("%s has associate_public_ip_address = true", [i.id])}
}

deny contains finding if {
	some i in tf.resources("aws_instance")
	unset(i)
	tf.value(i, "subnet_id") == null
	tf.is_known(i, "subnet_id")
	finding := {"resource": i.id, "message": sprintf("%s sets neither associate_public_ip_address nor subnet_id: it launches into a default subnet of the default VPC, which assigns public IP addresses", [i.id])}
}

deny contains finding if {
	some i in tf.resources("aws_instance")
	unset(i)
	some subnet in tf.refers_to(i, "subnet_id")
	subnet.type == "aws_subnet"
	aws.is_true(subnet, "map_public_ip_on_launch")
	finding := {"resource": i.id, "message": sprintf("%s does not set associate_public_ip_address and launches into %s, which has map_public_ip_on_launch = true", [i.id, subnet.id])}
}

deny contains finding if {
	some lt in tf.resources("aws_launch_template")
	some n, nic in tf.blocks(lt, "network_interfaces")
	aws.bool(object.get(nic, "associate_public_ip_address", null)) == true
	finding := {"resource": lt.id, "message": sprintf("%s has network_interfaces[%d].associate_public_ip_address = true", [lt.id, n])}
}

deny contains finding if {
	some subnet in tf.resources("aws_subnet")
	aws.is_true(subnet, "map_public_ip_on_launch")
	finding := {"resource": subnet.id, "message": sprintf("%s has map_public_ip_on_launch = true: instances launched into it get public IP addresses", [subnet.id])}
}

unknown contains tf.undetermined(r, attr) if {
	some r in tf.resources("aws_instance")
	some attr in ["associate_public_ip_address", "network_interface"]
	tf.is_unknown(r, attr)
}

unknown contains tf.undetermined(i, "subnet_id") if {
	some i in tf.resources("aws_instance")
	unset(i)
	tf.is_unknown(i, "subnet_id")
	count(tf.refers_to(i, "subnet_id")) == 0
}

unknown contains tf.undetermined(r, "map_public_ip_on_launch") if {
	some r in tf.resources("aws_subnet")
	tf.is_unknown(r, "map_public_ip_on_launch")
}

unknown contains tf.undetermined(r, "network_interfaces") if {
	some r in tf.resources("aws_launch_template")
	tf.contains_unknown(r, "network_interfaces")
}

# unset holds for an instance that leaves the choice to its subnet.
unset(i) if {
	tf.value(i, "associate_public_ip_address") == null
	tf.is_known(i, "associate_public_ip_address")
	count(tf.blocks(i, "network_interface")) == 0
	tf.is_known(i, "network_interface")
}
