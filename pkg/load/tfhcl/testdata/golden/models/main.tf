# Calls of registry modules that are not installed, judged with soc2scan's
# module models, and the calls that are not.

module "public" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "3.7.0"

  bucket     = "public-bucket"
  acl        = "public-read"
  versioning = { enabled = false }
}

module "secure" {
  source  = "registry.terraform.io/terraform-aws-modules/s3-bucket/aws"
  version = "~> 3.7.0"

  bucket        = "secure-bucket"
  versioning    = { enabled = true }
  logging       = { target_bucket = "logs", target_prefix = "secure/" }
  attach_policy = true
  policy        = "{\"Statement\":[]}"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true

  server_side_encryption_configuration = {
    rule = { apply_server_side_encryption_by_default = { sse_algorithm = "aws:kms" } }
  }
}

module "not_created" {
  source        = "terraform-aws-modules/s3-bucket/aws"
  version       = "3.7.0"
  create_bucket = false
}

module "counted" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "3.7.0"
  count   = 0
}

module "each" {
  source   = "terraform-aws-modules/s3-bucket/aws"
  version  = ">= 3.6, < 3.8"
  for_each = toset(["a"])
  bucket   = "each-${each.key}"
}

module "too_new" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "~> 3.0"
}

module "unpinned" {
  source = "terraform-aws-modules/s3-bucket/aws"
}

module "unknown_argument" {
  source   = "terraform-aws-modules/s3-bucket/aws"
  version  = "3.7.0"
  no_such  = true
}

module "installed_s3" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "3.7.0"
  bucket  = "from-the-installed-module"
}

module "sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.3.0"

  name                = "web"
  vpc_id              = "vpc-1"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["ssh-tcp", "not-in-the-table"]
  ingress_with_cidr_blocks = [
    { rule = "https-443-tcp" },
    { from_port = 8080, to_port = 8080, protocol = "tcp", cidr_blocks = "10.0.0.0/8" },
  ]
}

module "sg_cidrs_only" {
  source              = "terraform-aws-modules/security-group/aws"
  version             = "4.3.0"
  name                = "cidrs-only"
  use_name_prefix     = false
  ingress_cidr_blocks = ["0.0.0.0/0"]
}

module "sg_block" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.3.0"
  name    = "block"

  ingress {
    from_port = 22
  }
}

module "sg_too_new" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 4.0"
  name    = "too-new"
}

module "alb_defaults" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 6.0"

  name            = "defaults"
  subnets         = ["subnet-a", "subnet-b"]
  security_groups = ["sg-1"]
  access_logs     = { bucket = "lb-logs" }
  target_groups   = [{ name_prefix = "pref-", backend_protocol = "HTTP", backend_port = 80 }]
  http_tcp_listeners = [{ port = 80, protocol = "HTTP", target_group_index = 0 }]
}

module "alb_protected" {
  source  = "terraform-aws-modules/alb/aws"
  version = "6.5.0"

  name                       = "protected"
  enable_deletion_protection = true
  drop_invalid_header_fields = true
}

module "alb_network" {
  source             = "terraform-aws-modules/alb/aws"
  version            = ">= 6.2, < 6.8"
  name               = "network"
  load_balancer_type = "network"
  internal           = true
  access_logs        = { bucket = "lb-logs", enabled = "false" }
}

module "alb_not_created" {
  source    = "terraform-aws-modules/alb/aws"
  version   = "6.5.0"
  create_lb = false
}

module "alb_v5" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 5.0"
  name    = "older"
}

module "alb_v6_or_7" {
  source  = "terraform-aws-modules/alb/aws"
  version = ">= 6.0, < 8.0"
  name    = "wider"
}

module "elb_no_logs" {
  source          = "terraform-aws-modules/elb/aws"
  version         = "~> 2.0"
  name            = "classic"
  subnets         = ["subnet-a"]
  security_groups = ["sg-1"]
  internal        = false
  listener        = [{ instance_port = 80, instance_protocol = "HTTP", lb_port = 80, lb_protocol = "HTTP" }]
  health_check    = { target = "HTTP:80/", interval = 30, healthy_threshold = 2, unhealthy_threshold = 2, timeout = 5 }
}

module "elb_not_created" {
  source          = "terraform-aws-modules/elb/aws"
  version         = "2.4.0"
  create_elb      = false
  subnets         = []
  security_groups = []
  internal        = true
  listener        = []
  health_check    = {}
}

module "elb_v3" {
  source  = "terraform-aws-modules/elb/aws"
  version = "~> 3.0"
  name    = "newer"
}
