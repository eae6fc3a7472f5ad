# Variables from defaults, terraform.tfvars, *.auto.tfvars and optional()
# attribute defaults decide the outcome of the RDS and S3 rules.

variable "environment" {
  type    = string
  default = "dev"
}

variable "database" {
  type = object({
    engine    = optional(string, "postgres")
    encrypted = optional(bool, false)
    retention = optional(number, 7)
    public    = optional(bool, false)
  })
  default = {}
}

variable "replica" {
  type = object({
    encrypted = optional(bool, true)
    retention = optional(number, 1)
  })
  default = {}
}

variable "versioned" {
  type    = bool
  default = false
}

resource "aws_db_instance" "main" {
  identifier              = "main-${var.environment}"
  engine                  = var.database.engine
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "not-a-secret-1"
  storage_encrypted       = var.database.encrypted
  backup_retention_period = var.database.retention
  publicly_accessible     = var.database.public
  skip_final_snapshot     = true
}

resource "aws_db_instance" "replica" {
  identifier              = "replica-${var.environment}"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "admin"
  password                = "not-a-secret-1"
  storage_encrypted       = var.replica.encrypted
  backup_retention_period = var.replica.retention
  skip_final_snapshot     = true
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data-${var.environment}"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = var.versioned ? "Enabled" : "Suspended"
  }
}
