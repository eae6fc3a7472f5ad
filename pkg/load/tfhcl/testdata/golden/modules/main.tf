resource "aws_kms_key" "root" {
  enable_key_rotation = true
}

module "app" {
  source   = "./modules/app"
  for_each = { blue = 1, green = 2 }
  name     = "app-${each.key}"
  kms_key  = aws_kms_key.root.arn
  size     = each.value
}

module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = module.app["blue"].bucket_ids[0]
  policy = jsonencode({ Statement = [] })
}
