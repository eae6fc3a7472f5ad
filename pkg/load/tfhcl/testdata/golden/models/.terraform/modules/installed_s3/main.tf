# Stands in for the installed module: it, not the model, is evaluated.
variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "installed" {
  bucket = var.bucket
}
