# soc2scan's model of terraform-aws-modules/s3-bucket/aws, versions 3.5.0 to
# 3.8.2 (3.9.0 turned the four public access block flags on by default).
#
# Written by the soc2scan developers from the module's public source (a
# main.tf of the 3.x series before 3.5.0, whose bucket, logging, ACL,
# versioning, encryption, policy, public access block and ownership
# resources are the ones modelled here, and the CHANGELOG, which lists what
# 3.5.0 to 3.8.2 added: bucket metrics in 3.5.0, inventory in 3.6.0,
# analytics in 3.7.0, ELB log delivery statements in 3.8.x). It declares
# the input variables of 3.8.2, with their types and defaults, for the whole
# range: a call pinned below the release that added a variable and setting
# it, which Terraform rejects, is judged as if the newer release were
# installed. It creates the resources soc2scan's rules judge under the real
# addresses and count conditions, with the attributes the real module sets
# from the inputs. What it leaves out:
#
# - Lifecycle, object lock, replication, website, CORS, inventory,
#   analytics, metrics, intelligent tiering, acceleration and request
#   payment resources: rules judge lifecycle and object lock configurations
#   only where they exist, so leaving them out raises no finding.
# - The bucket policy statements the module writes itself (deny insecure
#   transport, latest TLS, log delivery, inventory and analytics
#   destinations): when any of them is attached, the policy is the combined
#   document of a data source, known only after apply, as it is in the real
#   module; with attach_policy alone it is the caller's policy.
# - The public access block refers to the bucket directly: the real module
#   passes aws_s3_bucket_policy.this[0].id when a policy is attached, which
#   is the same bucket name.

variable "create_bucket" {
  type    = bool
  default = true
}

variable "attach_elb_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_lb_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_deny_insecure_transport_policy" {
  type    = bool
  default = false
}

variable "attach_require_latest_tls_policy" {
  type    = bool
  default = false
}

variable "attach_inventory_destination_policy" {
  type    = bool
  default = false
}

variable "attach_analytics_destination_policy" {
  type    = bool
  default = false
}

variable "attach_policy" {
  type    = bool
  default = false
}

variable "attach_public_policy" {
  type    = bool
  default = true
}

variable "bucket" {
  type    = string
  default = null
}

variable "bucket_prefix" {
  type    = string
  default = null
}

variable "acl" {
  type    = string
  default = null
}

variable "policy" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "force_destroy" {
  type    = bool
  default = false
}

variable "acceleration_status" {
  type    = string
  default = null
}

variable "request_payer" {
  type    = string
  default = null
}

variable "website" {
  type    = any
  default = {}
}

variable "cors_rule" {
  type    = any
  default = []
}

variable "versioning" {
  type    = map(string)
  default = {}
}

variable "logging" {
  type    = map(string)
  default = {}
}

variable "grant" {
  type    = any
  default = []
}

variable "owner" {
  type    = map(string)
  default = {}
}

variable "expected_bucket_owner" {
  type    = string
  default = null
}

variable "lifecycle_rule" {
  type    = any
  default = []
}

variable "replication_configuration" {
  type    = any
  default = {}
}

variable "server_side_encryption_configuration" {
  type    = any
  default = {}
}

variable "intelligent_tiering" {
  type    = any
  default = {}
}

variable "object_lock_configuration" {
  type    = any
  default = {}
}

variable "metric_configuration" {
  type    = any
  default = []
}

variable "inventory_configuration" {
  type    = any
  default = {}
}

variable "inventory_source_account_id" {
  type    = string
  default = null
}

variable "inventory_source_bucket_arn" {
  type    = string
  default = null
}

variable "inventory_self_source_destination" {
  type    = bool
  default = false
}

variable "analytics_configuration" {
  type    = any
  default = {}
}

variable "analytics_source_account_id" {
  type    = string
  default = null
}

variable "analytics_source_bucket_arn" {
  type    = string
  default = null
}

variable "analytics_self_source_destination" {
  type    = bool
  default = false
}

variable "object_lock_enabled" {
  type    = bool
  default = false
}

variable "block_public_acls" {
  type    = bool
  default = false
}

variable "block_public_policy" {
  type    = bool
  default = false
}

variable "ignore_public_acls" {
  type    = bool
  default = false
}

variable "restrict_public_buckets" {
  type    = bool
  default = false
}

variable "control_object_ownership" {
  type    = bool
  default = false
}

variable "object_ownership" {
  type    = string
  default = "ObjectWriter"
}

variable "putin_khuylo" {
  type    = bool
  default = true
}

locals {
  create_bucket = var.create_bucket && var.putin_khuylo

  # Policies the module writes itself; any of them makes the attached
  # policy the combined document, known only after apply.
  module_statements = (var.attach_elb_log_delivery_policy || var.attach_lb_log_delivery_policy ||
    var.attach_deny_insecure_transport_policy || var.attach_require_latest_tls_policy ||
  var.attach_inventory_destination_policy || var.attach_analytics_destination_policy)
  attach_policy = local.module_statements || var.attach_policy

  grants = try(jsondecode(var.grant), var.grant)
}

data "aws_canonical_user_id" "this" {}

resource "aws_s3_bucket" "this" {
  count = local.create_bucket ? 1 : 0

  bucket              = var.bucket
  bucket_prefix       = var.bucket_prefix
  force_destroy       = var.force_destroy
  object_lock_enabled = var.object_lock_enabled
  tags                = var.tags
}

resource "aws_s3_bucket_logging" "this" {
  count = local.create_bucket && length(keys(var.logging)) > 0 ? 1 : 0

  bucket        = aws_s3_bucket.this[0].id
  target_bucket = var.logging["target_bucket"]
  target_prefix = try(var.logging["target_prefix"], null)
}

resource "aws_s3_bucket_acl" "this" {
  count = local.create_bucket && ((var.acl != null && var.acl != "null") || length(local.grants) > 0) ? 1 : 0

  bucket                = aws_s3_bucket.this[0].id
  expected_bucket_owner = var.expected_bucket_owner
  acl                   = var.acl == "null" ? null : var.acl

  dynamic "access_control_policy" {
    for_each = length(local.grants) > 0 ? [true] : []

    content {
      dynamic "grant" {
        for_each = local.grants

        content {
          permission = grant.value.permission

          grantee {
            type          = grant.value.type
            id            = try(grant.value.id, null)
            uri           = try(grant.value.uri, null)
            email_address = try(grant.value.email, null)
          }
        }
      }

      owner {
        id           = try(var.owner["id"], data.aws_canonical_user_id.this.id)
        display_name = try(var.owner["display_name"], null)
      }
    }
  }
}

resource "aws_s3_bucket_versioning" "this" {
  count = local.create_bucket && length(keys(var.versioning)) > 0 ? 1 : 0

  bucket                = aws_s3_bucket.this[0].id
  expected_bucket_owner = var.expected_bucket_owner
  mfa                   = try(var.versioning["mfa"], null)

  versioning_configuration {
    # No fallback, as in these versions: a map without enabled or status
    # fails in Terraform, and here leaves the status unknown.
    status     = try(var.versioning["enabled"] ? "Enabled" : "Suspended", tobool(var.versioning["status"]) ? "Enabled" : "Suspended", title(lower(var.versioning["status"])))
    mfa_delete = try(tobool(var.versioning["mfa_delete"]) ? "Enabled" : "Disabled", title(lower(var.versioning["mfa_delete"])), null)
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count = local.create_bucket && length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0

  bucket                = aws_s3_bucket.this[0].id
  expected_bucket_owner = var.expected_bucket_owner

  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])

    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)

      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])

        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}

data "aws_iam_policy_document" "combined" {
  count = local.create_bucket && local.attach_policy ? 1 : 0
}

resource "aws_s3_bucket_policy" "this" {
  count = local.create_bucket && local.attach_policy ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  policy = local.module_statements ? data.aws_iam_policy_document.combined[0].json : var.policy
}

resource "aws_s3_bucket_public_access_block" "this" {
  count = local.create_bucket && var.attach_public_policy ? 1 : 0

  bucket                  = aws_s3_bucket.this[0].id
  block_public_acls       = var.block_public_acls
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = var.ignore_public_acls
  restrict_public_buckets = var.restrict_public_buckets
}

resource "aws_s3_bucket_ownership_controls" "this" {
  count = local.create_bucket && var.control_object_ownership ? 1 : 0

  bucket = aws_s3_bucket.this[0].id

  rule {
    object_ownership = var.object_ownership
  }
}
