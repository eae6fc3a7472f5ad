# soc2scan's model of terraform-aws-modules/elb/aws, versions 2.0.0 to
# 2.5.x (below 3.0.0).
#
# Written by the soc2scan developers from the module's public source:
# the root main.tf and modules/elb (main.tf, variables.tf) of the 2.4/2.5
# series, modules/elb of the 2.0/2.1 series, and the CHANGELOG. Across 2.x
# the classic load balancer is built the same way from the same inputs;
# the releases differ in what they accept, not in what they create:
# 2.2.0 made access_logs optional (before, the block always read
# access_logs["bucket"], so a call without access_logs fails to plan),
# 2.3.0 typed internal as bool, 2.4.0 added create_elb. The model follows
# 2.4/2.5, the releases "~> 2.0" installs: a call that an earlier pinned
# release rejects is judged as if the newer one were installed.
#
# As the real module does, it creates the load balancer in a submodule of
# its own, so its address is module.<call>.module.elb.aws_elb.this[0].
# What it leaves out: the instance attachments (modules/elb_attachment),
# which no rule judges.

variable "create_elb" {
  type    = bool
  default = true
}

variable "name" {
  type    = string
  default = null
}

variable "name_prefix" {
  type    = string
  default = null
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
  type    = bool
  default = true
}

variable "idle_timeout" {
  type    = number
  default = 60
}

variable "connection_draining" {
  type    = bool
  default = false
}

variable "connection_draining_timeout" {
  type    = number
  default = 300
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "listener" {
  type = list(map(string))
}

variable "access_logs" {
  type    = map(string)
  default = {}
}

variable "health_check" {
  type = map(string)
}

variable "number_of_instances" {
  type    = number
  default = 0
}

variable "instances" {
  type    = list(string)
  default = []
}

module "elb" {
  source = "./modules/elb"

  create_elb                  = var.create_elb
  name                        = var.name
  name_prefix                 = var.name_prefix
  subnets                     = var.subnets
  security_groups             = var.security_groups
  internal                    = var.internal
  cross_zone_load_balancing   = var.cross_zone_load_balancing
  idle_timeout                = var.idle_timeout
  connection_draining         = var.connection_draining
  connection_draining_timeout = var.connection_draining_timeout
  listener                    = var.listener
  access_logs                 = var.access_logs
  health_check                = var.health_check
  tags                        = merge(var.tags, { Name = var.name })
}
