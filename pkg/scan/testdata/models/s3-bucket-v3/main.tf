# A call of terraform-aws-modules/s3-bucket/aws that is not installed,
# judged with soc2scan's model: one the rules fail, one they pass.

module "failing" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "3.7.0"

  bucket = "open-bucket"
  acl    = "public-read"
}

module "passing" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "3.8.2"

  bucket        = "closed-bucket"
  versioning    = { enabled = true }
  logging       = { target_bucket = "access-logs", target_prefix = "closed/" }
  attach_policy = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::closed-bucket", "arn:aws:s3:::closed-bucket/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true

  server_side_encryption_configuration = {
    rule = { apply_server_side_encryption_by_default = { sse_algorithm = "aws:kms" } }
  }
}
