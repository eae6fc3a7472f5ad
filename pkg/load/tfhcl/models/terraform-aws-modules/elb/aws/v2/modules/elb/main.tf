# The load balancer of soc2scan's model of terraform-aws-modules/elb/aws
# 2.x (see ../../main.tf): the real module's ./modules/elb, reduced to
# what the rules read.

variable "create_elb" {
  type = bool
}

variable "name" {
  type = string
}

variable "name_prefix" {
  type = string
}

variable "security_groups" {
  type = list(string)
}

variable "subnets" {
  type = list(string)
}

variable "internal" {
  type = bool
}

variable "cross_zone_load_balancing" {
  type = bool
}

variable "idle_timeout" {
  type = number
}

variable "connection_draining" {
  type = bool
}

variable "connection_draining_timeout" {
  type = number
}

variable "tags" {
  type = map(string)
}

variable "listener" {
  type = list(map(string))
}

variable "access_logs" {
  type = map(string)
}

variable "health_check" {
  type = map(string)
}

resource "aws_elb" "this" {
  count = var.create_elb ? 1 : 0

  name            = var.name
  name_prefix     = var.name_prefix
  subnets         = var.subnets
  internal        = var.internal
  security_groups = var.security_groups

  cross_zone_load_balancing   = var.cross_zone_load_balancing
  idle_timeout                = var.idle_timeout
  connection_draining         = var.connection_draining
  connection_draining_timeout = var.connection_draining_timeout

  dynamic "listener" {
    for_each = var.listener

    content {
      lb_port            = listener.value.lb_port
      lb_protocol        = listener.value.lb_protocol
      instance_port      = listener.value.instance_port
      instance_protocol  = listener.value.instance_protocol
      ssl_certificate_id = lookup(listener.value, "ssl_certificate_id", null)
    }
  }

  # Logging is on unless the map says enabled = false.
  dynamic "access_logs" {
    for_each = length(keys(var.access_logs)) == 0 ? [] : [var.access_logs]

    content {
      bucket        = access_logs.value.bucket
      bucket_prefix = lookup(access_logs.value, "bucket_prefix", null)
      interval      = lookup(access_logs.value, "interval", null)
      enabled       = lookup(access_logs.value, "enabled", true)
    }
  }

  health_check {
    target              = var.health_check["target"]
    interval            = var.health_check["interval"]
    timeout             = var.health_check["timeout"]
    healthy_threshold   = var.health_check["healthy_threshold"]
    unhealthy_threshold = var.health_check["unhealthy_threshold"]
  }

  tags = var.tags
}
