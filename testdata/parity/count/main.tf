# count with count.index, conditional counts and splat references.

variable "volumes" {
  type    = number
  default = 3
}

variable "with_default_encryption" {
  type    = bool
  default = false
}

resource "aws_ebs_volume" "data" {
  count             = var.volumes
  availability_zone = "us-east-1a"
  size              = 10 * (count.index + 1)
  encrypted         = count.index % 2 == 0
}

resource "aws_ebs_encryption_by_default" "on" {
  count   = var.with_default_encryption ? 1 : 0
  enabled = true
}

resource "aws_db_instance" "db" {
  count                   = 2
  identifier              = "db-${count.index}"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "not-a-secret-1"
  storage_encrypted       = count.index == 0
  backup_retention_period = [14, 3][count.index]
  skip_final_snapshot     = true
}

resource "aws_kms_key" "per_volume" {
  count               = length(aws_ebs_volume.data)
  description         = "key ${count.index}"
  enable_key_rotation = count.index > 0
}
