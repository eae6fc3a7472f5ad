variable "name" { type = string }
variable "kms_key" { type = string }
variable "size" { type = number }

module "leaf" {
  source = "./modules/leaf"
  count  = var.size
  name   = "${var.name}-${count.index}"
  key    = var.kms_key
}

output "bucket_ids" {
  value = module.leaf[*].id
}
