terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
    alt = { source = "example/awsalt" }
  }
}

variable "env" {
  type    = string
  default = "dev"
}

variable "settings" {
  type = object({
    retention = optional(number, 7)
    public    = optional(bool, false)
    tags      = optional(map(string), {})
  })
  default = {}
}

variable "unset" {
  type = string
}

variable "ports" {
  type    = list(number)
  default = [22]
}

locals {
  # Declared before what it uses: locals resolve in any order.
  name   = "${local.prefix}-${var.env}"
  prefix = "acme"
  names  = toset(["a", "b"])
}

resource "aws_s3_bucket" "logs" {
  bucket = local.name
  tags   = merge(var.settings.tags, { Env = upper(var.env) })
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket            = aws_s3_bucket.logs.id
  block_public_acls = !var.settings.public
}

resource "aws_s3_bucket" "many" {
  for_each = local.names
  bucket   = "${local.name}-${each.key}"
}

resource "aws_s3_bucket_versioning" "many" {
  for_each = aws_s3_bucket.many
  bucket   = each.value.id
  versioning_configuration {
    status = each.key == "a" ? "Enabled" : "Suspended"
  }
}

resource "aws_db_instance" "db" {
  count                   = 2
  identifier              = "db-${count.index}"
  backup_retention_period = var.settings.retention
  storage_encrypted       = count.index == 0
  publicly_accessible     = var.unset == "x"
  password                = timestamp()
}

resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
}

resource "alt_thing" "x" {
  name = try(var.missing_thing, "fallback")
  ok   = can(regex("^a", "abc"))
  cidr = cidrsubnet("10.0.0.0/16", 8, 2)
  len  = length("héllo")
}

resource "aws_kms_key" "k" {
  provider            = alt.west
  enable_key_rotation = length([for p in var.ports : p if p > 100]) == 0
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.logs.arn, "*"]
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.d.json
}
