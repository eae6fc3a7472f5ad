# Locals declared in any order, built with functions, decide KMS rotation,
# CloudTrail settings and an IAM policy document.

locals {
  trails     = { for name, cfg in local.trail_cfg : name => merge(local.trail_defaults, cfg) }
  trail_cfg  = { main = { multi_region = true }, audit = { validation = false } }
  trail_defaults = {
    multi_region = false
    validation   = true
    bucket       = "acme-trail-logs"
  }
  key_specs = ["SYMMETRIC_DEFAULT", "RSA_2048"]
  rotate    = contains(local.key_specs, "SYMMETRIC_DEFAULT") && length(local.trails) > 5
  admin_actions = [for a in split(",", "s3:GetObject,*") : trimspace(a)]
}

resource "aws_cloudtrail" "trail" {
  for_each                   = local.trails
  name                       = each.key
  s3_bucket_name             = each.value.bucket
  is_multi_region_trail      = each.value.multi_region
  enable_log_file_validation = each.value.validation
}

resource "aws_kms_key" "symmetric" {
  description             = "symmetric"
  enable_key_rotation     = local.rotate
  deletion_window_in_days = 7
}

resource "aws_kms_key" "asymmetric" {
  description              = "asymmetric"
  customer_master_key_spec = local.key_specs[1]
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 7
}

resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = local.admin_actions, Resource = "*" }]
  })
}

resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = [local.admin_actions[0]], Resource = "*" }]
  })
}
