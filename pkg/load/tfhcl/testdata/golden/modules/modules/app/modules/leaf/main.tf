variable "name" { type = string }
variable "key" { type = string }

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.key
    }
  }
}

output "id" {
  value = aws_s3_bucket.this.id
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = templatefile("${path.module}/policy.json.tpl", { name = var.name })
}

resource "aws_s3_object" "readme" {
  bucket  = aws_s3_bucket.this.id
  key     = "README"
  content = file("${path.module}/README.txt")
  etag    = filemd5("${path.module}/README.txt")
  exists  = fileexists("${path.module}/missing.txt")
}
