# Values known only after apply. Both sides must say "unknown" for them, and
# never fail a rule because of them.

resource "aws_eip" "bastion" {
  domain = "vpc"
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.bastion.public_ip}/32"]
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Action    = "s3:*"
      Principal = "*"
      Resource  = "${aws_s3_bucket.logs.arn}/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = aws_s3_bucket.logs.object_lock_enabled ? "Enabled" : "Suspended"
  }
}

resource "aws_db_instance" "db" {
  identifier              = "db-${substr(timestamp(), 0, 4)}"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "not-a-secret-1"
  storage_encrypted       = aws_kms_key.k.key_id != ""
  backup_retention_period = 7
  skip_final_snapshot     = true
}

resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = true
}

# enable_key_rotation copies an attribute the other key leaves to its
# provider default: the plan knows it (is_enabled defaults to true), the
# HCL source without the provider's schema cannot.
resource "aws_kms_key" "copy" {
  description         = "copy"
  enable_key_rotation = aws_kms_key.k.is_enabled
}
