# soc2scan's model of terraform-aws-modules/security-group/aws, versions
# 4.0.0 to 4.14.x (below 4.15.0).
#
# Written by the soc2scan developers from the module's public source:
# main.tf and variables.tf of the 4.4-4.8 series (the ones with create_sg and
# the timeouts, before putin_khuylo), rules.tf, and the CHANGELOG, which
# lists no change to the rule resources, their count conditions or the
# variable defaults between 4.0.0 and 4.14.0 (only named rules added, the
# security_group_arn output, and variables: create_sg and security_group_id
# in 4.2.0, create_timeout and delete_timeout in 4.4.0, putin_khuylo in
# 4.9.0). The model declares those variables for the whole range, so a call
# pinned below the release that added one and setting it, which Terraform
# rejects, is judged as if the newer release were installed. Releases from
# 4.15.0 on are not covered: their changes could not be checked.
#
# It creates the security group and the rules that can open it to networks,
# under the real addresses and count conditions.
#
# - The named-rule table (var.rules) holds only the well-known services
#   below, with the ports and protocols of rules.tf; a rule name it lacks
#   gives ports and protocol known only after apply (unknown()), never a
#   guess. smtp-tcp exists from 4.3.0 on (added with the SMTP rules).
# - Rules from a source security group or self open nothing to a network
#   and are left out, as are the computed_* rules of those kinds.
# - Ports stay strings, as the real map(list(any)) table makes them.

variable "create" {
  type    = bool
  default = true
}

variable "create_sg" {
  type    = bool
  default = true
}

variable "security_group_id" {
  type    = string
  default = null
}

variable "name" {
  type    = string
  default = null
}

variable "use_name_prefix" {
  type    = bool
  default = true
}

variable "description" {
  type    = string
  default = "Security Group managed by Terraform"
}

variable "revoke_rules_on_delete" {
  type    = bool
  default = false
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "create_timeout" {
  type    = string
  default = "10m"
}

variable "delete_timeout" {
  type    = string
  default = "15m"
}

variable "putin_khuylo" {
  type    = bool
  default = true
}

variable "ingress_rules" {
  type    = list(string)
  default = []
}

variable "ingress_with_self" {
  type    = list(map(string))
  default = []
}

variable "ingress_with_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "ingress_with_ipv6_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "ingress_with_source_security_group_id" {
  type    = list(map(string))
  default = []
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

variable "ingress_ipv6_cidr_blocks" {
  type    = list(string)
  default = []
}

variable "ingress_prefix_list_ids" {
  type    = list(string)
  default = []
}

variable "computed_ingress_rules" {
  type    = list(string)
  default = []
}

variable "number_of_computed_ingress_rules" {
  type    = number
  default = 0
}

variable "computed_ingress_with_self" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_ingress_with_self" {
  type    = number
  default = 0
}

variable "computed_ingress_with_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_ingress_with_cidr_blocks" {
  type    = number
  default = 0
}

variable "computed_ingress_with_ipv6_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_ingress_with_ipv6_cidr_blocks" {
  type    = number
  default = 0
}

variable "computed_ingress_with_source_security_group_id" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_ingress_with_source_security_group_id" {
  type    = number
  default = 0
}

variable "egress_rules" {
  type    = list(string)
  default = []
}

variable "egress_with_self" {
  type    = list(map(string))
  default = []
}

variable "egress_with_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "egress_with_ipv6_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "egress_with_source_security_group_id" {
  type    = list(map(string))
  default = []
}

variable "egress_cidr_blocks" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "egress_ipv6_cidr_blocks" {
  type    = list(string)
  default = ["::/0"]
}

variable "egress_prefix_list_ids" {
  type    = list(string)
  default = []
}

variable "computed_egress_rules" {
  type    = list(string)
  default = []
}

variable "number_of_computed_egress_rules" {
  type    = number
  default = 0
}

variable "computed_egress_with_self" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_egress_with_self" {
  type    = number
  default = 0
}

variable "computed_egress_with_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_egress_with_cidr_blocks" {
  type    = number
  default = 0
}

variable "computed_egress_with_ipv6_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_egress_with_ipv6_cidr_blocks" {
  type    = number
  default = 0
}

variable "computed_egress_with_source_security_group_id" {
  type    = list(map(string))
  default = []
}

variable "number_of_computed_egress_with_source_security_group_id" {
  type    = number
  default = 0
}

variable "rules" {
  type = map(list(any))
  default = {
    "_"                 = ["", "", ""]
    "all-all"           = [-1, -1, "-1", "All protocols"]
    "all-tcp"           = [0, 65535, "tcp", "All TCP ports"]
    "all-udp"           = [0, 65535, "udp", "All UDP ports"]
    "all-icmp"          = [-1, -1, "icmp", "All IPV4 ICMP"]
    "ssh-tcp"           = [22, 22, "tcp", "SSH"]
    "http-80-tcp"       = [80, 80, "tcp", "HTTP"]
    "http-8080-tcp"     = [8080, 8080, "tcp", "HTTP"]
    "https-443-tcp"     = [443, 443, "tcp", "HTTPS"]
    "rdp-tcp"           = [3389, 3389, "tcp", "Remote Desktop"]
    "rdp-udp"           = [3389, 3389, "udp", "Remote Desktop"]
    "mysql-tcp"         = [3306, 3306, "tcp", "MySQL/Aurora"]
    "postgresql-tcp"    = [5432, 5432, "tcp", "PostgreSQL"]
    "mssql-tcp"         = [1433, 1433, "tcp", "MSSQL Server"]
    "oracle-db-tcp"     = [1521, 1521, "tcp", "Oracle"]
    "redis-tcp"         = [6379, 6379, "tcp", "Redis"]
    "mongodb-27017-tcp" = [27017, 27017, "tcp", "MongoDB"]
    "memcached-tcp"     = [11211, 11211, "tcp", "Memcached"]
    "dns-udp"           = [53, 53, "udp", "DNS"]
    "dns-tcp"           = [53, 53, "tcp", "DNS"]
    "ntp-udp"           = [123, 123, "udp", "NTP"]
    "smtp-tcp"          = [25, 25, "tcp", "SMTP"]
    "winrm-http-tcp"    = [5985, 5985, "tcp", "WinRM HTTP"]
    "winrm-https-tcp"   = [5986, 5986, "tcp", "WinRM HTTPS"]
    "nfs-tcp"           = [2049, 2049, "tcp", "NFS/EFS"]
  }
}

variable "auto_groups" {
  type    = map(map(list(string)))
  default = {}
}

locals {
  create = var.create && var.putin_khuylo
  this_sg_id = var.create_sg ? concat(aws_security_group.this[*].id, aws_security_group.this_name_prefix[*].id, [""])[0] : var.security_group_id
}

resource "aws_security_group" "this" {
  count = local.create && var.create_sg && !var.use_name_prefix ? 1 : 0

  name                   = var.name
  description            = var.description
  vpc_id                 = var.vpc_id
  revoke_rules_on_delete = var.revoke_rules_on_delete
  tags                   = merge({ "Name" = format("%s", var.name) }, var.tags)
}

resource "aws_security_group" "this_name_prefix" {
  count = local.create && var.create_sg && var.use_name_prefix ? 1 : 0

  name_prefix            = "${var.name}-"
  description            = var.description
  vpc_id                 = var.vpc_id
  revoke_rules_on_delete = var.revoke_rules_on_delete
  tags                   = merge({ "Name" = format("%s", var.name) }, var.tags)
}

resource "aws_security_group_rule" "ingress_rules" {
  count = local.create ? length(var.ingress_rules) : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  cidr_blocks       = var.ingress_cidr_blocks
  ipv6_cidr_blocks  = var.ingress_ipv6_cidr_blocks
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = try(var.rules[var.ingress_rules[count.index]][3], unknown())
  from_port         = try(var.rules[var.ingress_rules[count.index]][0], unknown())
  to_port           = try(var.rules[var.ingress_rules[count.index]][1], unknown())
  protocol          = try(var.rules[var.ingress_rules[count.index]][2], unknown())
}

resource "aws_security_group_rule" "computed_ingress_rules" {
  count = local.create ? var.number_of_computed_ingress_rules : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  cidr_blocks       = var.ingress_cidr_blocks
  ipv6_cidr_blocks  = var.ingress_ipv6_cidr_blocks
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = try(var.rules[var.computed_ingress_rules[count.index]][3], unknown())
  from_port         = try(var.rules[var.computed_ingress_rules[count.index]][0], unknown())
  to_port           = try(var.rules[var.computed_ingress_rules[count.index]][1], unknown())
  protocol          = try(var.rules[var.computed_ingress_rules[count.index]][2], unknown())
}

resource "aws_security_group_rule" "ingress_with_cidr_blocks" {
  count = local.create ? length(var.ingress_with_cidr_blocks) : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  cidr_blocks = split(",", lookup(var.ingress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.ingress_cidr_blocks)))
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = lookup(var.ingress_with_cidr_blocks[count.index], "description", "Ingress Rule")
  from_port         = lookup(var.ingress_with_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.ingress_with_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.ingress_with_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.ingress_with_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "computed_ingress_with_cidr_blocks" {
  count = local.create ? var.number_of_computed_ingress_with_cidr_blocks : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  cidr_blocks = split(",", lookup(var.computed_ingress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.ingress_cidr_blocks)))
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = lookup(var.computed_ingress_with_cidr_blocks[count.index], "description", "Ingress Rule")
  from_port         = lookup(var.computed_ingress_with_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.computed_ingress_with_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.computed_ingress_with_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.computed_ingress_with_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "ingress_with_ipv6_cidr_blocks" {
  count = local.create ? length(var.ingress_with_ipv6_cidr_blocks) : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  ipv6_cidr_blocks = split(",", lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "ipv6_cidr_blocks", join(",", var.ingress_ipv6_cidr_blocks)))
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "description", "Ingress Rule")
  from_port         = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "computed_ingress_with_ipv6_cidr_blocks" {
  count = local.create ? var.number_of_computed_ingress_with_ipv6_cidr_blocks : 0

  security_group_id = local.this_sg_id
  type              = "ingress"
  ipv6_cidr_blocks = split(",", lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "ipv6_cidr_blocks", join(",", var.ingress_ipv6_cidr_blocks)))
  prefix_list_ids   = var.ingress_prefix_list_ids
  description       = lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "description", "Ingress Rule")
  from_port         = lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.computed_ingress_with_ipv6_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "egress_rules" {
  count = local.create ? length(var.egress_rules) : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  cidr_blocks       = var.egress_cidr_blocks
  ipv6_cidr_blocks  = var.egress_ipv6_cidr_blocks
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = try(var.rules[var.egress_rules[count.index]][3], unknown())
  from_port         = try(var.rules[var.egress_rules[count.index]][0], unknown())
  to_port           = try(var.rules[var.egress_rules[count.index]][1], unknown())
  protocol          = try(var.rules[var.egress_rules[count.index]][2], unknown())
}

resource "aws_security_group_rule" "computed_egress_rules" {
  count = local.create ? var.number_of_computed_egress_rules : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  cidr_blocks       = var.egress_cidr_blocks
  ipv6_cidr_blocks  = var.egress_ipv6_cidr_blocks
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = try(var.rules[var.computed_egress_rules[count.index]][3], unknown())
  from_port         = try(var.rules[var.computed_egress_rules[count.index]][0], unknown())
  to_port           = try(var.rules[var.computed_egress_rules[count.index]][1], unknown())
  protocol          = try(var.rules[var.computed_egress_rules[count.index]][2], unknown())
}

resource "aws_security_group_rule" "egress_with_cidr_blocks" {
  count = local.create ? length(var.egress_with_cidr_blocks) : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  cidr_blocks = split(",", lookup(var.egress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.egress_cidr_blocks)))
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = lookup(var.egress_with_cidr_blocks[count.index], "description", "Egress Rule")
  from_port         = lookup(var.egress_with_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.egress_with_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.egress_with_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.egress_with_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.egress_with_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.egress_with_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "computed_egress_with_cidr_blocks" {
  count = local.create ? var.number_of_computed_egress_with_cidr_blocks : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  cidr_blocks = split(",", lookup(var.computed_egress_with_cidr_blocks[count.index], "cidr_blocks", join(",", var.egress_cidr_blocks)))
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = lookup(var.computed_egress_with_cidr_blocks[count.index], "description", "Egress Rule")
  from_port         = lookup(var.computed_egress_with_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.computed_egress_with_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.computed_egress_with_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.computed_egress_with_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.computed_egress_with_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.computed_egress_with_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "egress_with_ipv6_cidr_blocks" {
  count = local.create ? length(var.egress_with_ipv6_cidr_blocks) : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  ipv6_cidr_blocks = split(",", lookup(var.egress_with_ipv6_cidr_blocks[count.index], "ipv6_cidr_blocks", join(",", var.egress_ipv6_cidr_blocks)))
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = lookup(var.egress_with_ipv6_cidr_blocks[count.index], "description", "Egress Rule")
  from_port         = lookup(var.egress_with_ipv6_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.egress_with_ipv6_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.egress_with_ipv6_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}

resource "aws_security_group_rule" "computed_egress_with_ipv6_cidr_blocks" {
  count = local.create ? var.number_of_computed_egress_with_ipv6_cidr_blocks : 0

  security_group_id = local.this_sg_id
  type              = "egress"
  ipv6_cidr_blocks = split(",", lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "ipv6_cidr_blocks", join(",", var.egress_ipv6_cidr_blocks)))
  prefix_list_ids   = var.egress_prefix_list_ids
  description       = lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "description", "Egress Rule")
  from_port         = lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "from_port", try(var.rules[lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][0], unknown()))
  to_port           = lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "to_port", try(var.rules[lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][1], unknown()))
  protocol          = lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "protocol", try(var.rules[lookup(var.computed_egress_with_ipv6_cidr_blocks[count.index], "rule", "_")][2], unknown()))
}
