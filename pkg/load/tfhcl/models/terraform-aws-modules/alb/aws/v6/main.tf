# soc2scan's model of terraform-aws-modules/alb/aws, versions 6.0.0 to
# 6.11.x (below 7.0.0).
#
# Written by the soc2scan developers from the module's public source:
# main.tf and variables.tf of the 6.4-6.6 series (create_lb and the
# http/tcp listener rules, before enable_waf_fail_open), and the CHANGELOG,
# which lists no change to the load balancer resource, its count condition
# or the defaults of its variables across 6.x other than: listener tags in
# 6.1.0, http/tcp listener rules in 6.4.0, enable_waf_fail_open and
# desync_mitigation_mode in 6.7.0, putin_khuylo in 6.8.0. The model declares
# those variables for the whole range, so a call pinned below the release
# that added one and setting it, which Terraform rejects, is judged as if
# the newer release were installed.
#
# It creates the load balancer, aws_lb.this, with the attributes the real
# module sets from the inputs. What it leaves out:
#
# - Target groups, their attachments, listeners, listener certificates and
#   listener rules: rules judge listeners only where they exist, so leaving
#   them out raises no finding (an HTTP listener of the real module goes
#   unjudged; terraform init gives it).
# - enable_waf_fail_open and desync_mitigation_mode (6.7.0 on) are declared
#   without passing them on: no rule reads them, and their defaults are not
#   taken from a checked source.

variable "create_lb" {
  type    = bool
  default = true
}

variable "putin_khuylo" {
  type    = bool
  default = true
}

variable "drop_invalid_header_fields" {
  type    = bool
  default = false
}

variable "enable_deletion_protection" {
  type    = bool
  default = false
}

variable "enable_http2" {
  type    = bool
  default = true
}

variable "enable_cross_zone_load_balancing" {
  type    = bool
  default = false
}

variable "enable_waf_fail_open" {
  type    = bool
  default = null
}

variable "desync_mitigation_mode" {
  type    = string
  default = null
}

variable "extra_ssl_certs" {
  type    = list(map(string))
  default = []
}

variable "https_listeners" {
  type    = any
  default = []
}

variable "http_tcp_listeners" {
  type    = any
  default = []
}

variable "https_listener_rules" {
  type    = any
  default = []
}

variable "http_tcp_listener_rules" {
  type    = any
  default = []
}

variable "idle_timeout" {
  type    = number
  default = 60
}

variable "ip_address_type" {
  type    = string
  default = "ipv4"
}

variable "listener_ssl_policy_default" {
  type    = string
  default = "ELBSecurityPolicy-2016-08"
}

variable "internal" {
  type    = bool
  default = false
}

variable "load_balancer_create_timeout" {
  type    = string
  default = "10m"
}

variable "load_balancer_delete_timeout" {
  type    = string
  default = "10m"
}

variable "load_balancer_update_timeout" {
  type    = string
  default = "10m"
}

variable "name" {
  type    = string
  default = null
}

variable "name_prefix" {
  type    = string
  default = null
}

variable "load_balancer_type" {
  type    = string
  default = "application"
}

variable "access_logs" {
  type    = map(string)
  default = {}
}

variable "subnets" {
  type    = list(string)
  default = null
}

variable "subnet_mapping" {
  type    = list(map(string))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "lb_tags" {
  type    = map(string)
  default = {}
}

variable "target_group_tags" {
  type    = map(string)
  default = {}
}

variable "https_listener_rules_tags" {
  type    = map(string)
  default = {}
}

variable "http_tcp_listener_rules_tags" {
  type    = map(string)
  default = {}
}

variable "https_listeners_tags" {
  type    = map(string)
  default = {}
}

variable "http_tcp_listeners_tags" {
  type    = map(string)
  default = {}
}

variable "security_groups" {
  type    = list(string)
  default = []
}

variable "target_groups" {
  type    = any
  default = []
}

variable "vpc_id" {
  type    = string
  default = null
}

locals {
  create_lb = var.create_lb && var.putin_khuylo
}

resource "aws_lb" "this" {
  count = local.create_lb ? 1 : 0

  name        = var.name
  name_prefix = var.name_prefix

  load_balancer_type = var.load_balancer_type
  internal           = var.internal
  security_groups    = var.security_groups
  subnets            = var.subnets

  idle_timeout                     = var.idle_timeout
  enable_cross_zone_load_balancing = var.enable_cross_zone_load_balancing
  enable_deletion_protection       = var.enable_deletion_protection
  enable_http2                     = var.enable_http2
  ip_address_type                  = var.ip_address_type
  drop_invalid_header_fields       = var.drop_invalid_header_fields

  dynamic "access_logs" {
    for_each = length(keys(var.access_logs)) == 0 ? [] : [var.access_logs]

    content {
      enabled = lookup(access_logs.value, "enabled", lookup(access_logs.value, "bucket", null) != null)
      bucket  = lookup(access_logs.value, "bucket", null)
      prefix  = lookup(access_logs.value, "prefix", null)
    }
  }

  dynamic "subnet_mapping" {
    for_each = var.subnet_mapping

    content {
      subnet_id            = subnet_mapping.value.subnet_id
      allocation_id        = lookup(subnet_mapping.value, "allocation_id", null)
      private_ipv4_address = lookup(subnet_mapping.value, "private_ipv4_address", null)
      ipv6_address         = lookup(subnet_mapping.value, "ipv6_address", null)
    }
  }

  tags = merge(var.tags, var.lb_tags, { Name = var.name != null ? var.name : var.name_prefix })
}
