# Nested local modules with for_each and count; inputs and outputs carry
# values and references across module boundaries.

resource "aws_kms_key" "shared" {
  description         = "shared"
  enable_key_rotation = true
}

module "stack" {
  source   = "./modules/stack"
  for_each = { prod = 2, dev = 1 }
  name     = each.key
  copies   = each.value
  kms_key  = aws_kms_key.shared.arn
  secure   = each.key == "prod"
}

module "single" {
  source = "./modules/bucket"
  name   = "acme-single"
  secure = false
}

resource "aws_s3_bucket_versioning" "single" {
  bucket = module.single.id
  versioning_configuration {
    status = "Enabled"
  }
}
