# METADATA
# title: Security groups do not open database, file-sharing or legacy ports to the internet
# description: >-
#   No ingress rule allows, over TCP or UDP or all protocols, a port of a
#   database (MySQL 3306, PostgreSQL 5432, SQL Server 1433-1434, Oracle 1521
#   and 2483-2484, MongoDB 27017-27019, Redis 6379, Cassandra, CouchDB,
#   SQL Server Analysis Services 2383), a cache or search engine (Memcached
#   11211, Elasticsearch 9200/9300, Kibana 5601), a message broker (Kafka
#   9092), a directory or file-sharing service (Kerberos 88, LDAP 389/636,
#   RPC 111/135, NetBIOS 137-139, SMB 445, NFS 2049), a container or
#   cluster control plane (Docker 2375-2376, etcd 2379-2380) or a legacy
#   cleartext protocol (FTP 20-21, Telnet 23, TFTP 69, SNMP 161, VNC 5900)
#   from the internet (0.0.0.0/0, ::/0 or any other /0 prefix). These
#   services are not meant to face the internet; an auditor expects them
#   behind the network boundary, reachable only from known networks.
#   SSH and RDP are AWS-EC2-001.
# custom:
#   id: AWS-EC2-005
#   severity: high
#   criteria: [CC6.6]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: >-
#     Restrict the rule's cidr_blocks / ipv6_cidr_blocks (cidr_ipv4 /
#     cidr_ipv6) to the networks that need the service, or reference the
#     client security group (source_security_group_id /
#     referenced_security_group_id) instead of a CIDR; reach the service
#     through a VPN, PrivateLink or a bastion.
package soc2scan.rules.aws.ec2.high_risk_ports_open

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

high_risk_ports := [
	20, 21, 23, 69, 88, 111, 135, 137, 138, 139, 161, 389, 445, 636,
	1433, 1434, 1521, 2049, 2375, 2376, 2379, 2380, 2383, 2483, 2484,
	3306, 5432, 5601, 5900, 5984, 6379, 7000, 7001, 7199, 8888, 9042,
	9092, 9160, 9200, 9300, 11211, 27017, 27018, 27019,
]

protocols := {"tcp", "udp"}

deny contains finding if {
	some rule in aws.internet_ingress_rules
	offending(rule)
	ports := aws.port_description(rule, high_risk_ports, protocols)
	msg := sprintf("%s allows %s from %s", [rule.label, ports, concat(", ", rule.open_cidrs)])
	finding := {"resource": rule.resource.id, "message": msg}
}

unknown contains entry if {
	some rule in aws.internet_ingress_rules
	some entry in aws.undecided_rule(rule, high_risk_ports, protocols)
	not offending(rule)
}

unknown contains tf.undetermined(sg, "ingress") if {
	some sg in aws.unmanaged_inline_groups
}

offending(rule) if {
	rule.is_ingress
	rule.open_cidrs != []
	aws.opens(rule, high_risk_ports, protocols)
}
