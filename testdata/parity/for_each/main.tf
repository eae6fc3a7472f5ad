# for_each over maps and sets; companion resources keyed like their bucket.

variable "buckets" {
  type = map(object({
    versioned = bool
    public    = optional(bool, false)
  }))
  default = {
    logs    = { versioned = true }
    assets  = { versioned = false, public = true }
    backups = { versioned = true }
  }
}

resource "aws_s3_bucket" "b" {
  for_each = var.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_versioning" "b" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.b[each.key].id
  versioning_configuration {
    status = each.value.versioned ? "Enabled" : "Disabled"
  }
}

resource "aws_s3_bucket_public_access_block" "b" {
  for_each                = { for k, v in var.buckets : k => v if !v.public }
  bucket                  = aws_s3_bucket.b[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  for_each = toset(["logs", "backups"])
  bucket   = aws_s3_bucket.b[each.value].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_kms_key" "k" {
  for_each            = toset(["a", "b"])
  description         = each.key
  enable_key_rotation = each.key == "a"
}
