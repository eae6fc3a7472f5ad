variable "name" { type = string }
variable "copies" { type = number }
variable "kms_key" { type = string }
variable "secure" { type = bool }

module "bucket" {
  source  = "../bucket"
  count   = var.copies
  name    = "acme-${var.name}-${count.index}"
  secure  = var.secure
  kms_key = var.kms_key
}

resource "aws_kms_key" "stack" {
  description         = var.name
  enable_key_rotation = var.secure
}

output "bucket_ids" {
  value = module.bucket[*].id
}
