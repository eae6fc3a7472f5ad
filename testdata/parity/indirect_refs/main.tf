# References made through a local value and through each.value. The HCL
# loader follows them; a plan's configuration shows only "local.bucket_id"
# and "each.value", which name no resource, so the plan loader cannot link
# these companions to their buckets.

locals {
  bucket_id = aws_s3_bucket.direct.id
}

resource "aws_s3_bucket" "direct" {
  bucket = "acme-direct"
}

resource "aws_s3_bucket_public_access_block" "direct" {
  bucket                  = local.bucket_id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "each" {
  for_each = toset(["x", "y"])
  bucket   = "acme-each-${each.key}"
}

resource "aws_s3_bucket_versioning" "each" {
  for_each = aws_s3_bucket.each
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
