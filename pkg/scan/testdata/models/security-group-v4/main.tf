# Calls of terraform-aws-modules/security-group/aws that are not installed,
# judged with soc2scan's model: one the rules fail, one they pass.

module "failing" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.9.0"

  name                = "ssh-open"
  vpc_id              = "vpc-1"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["ssh-tcp"]
}

module "passing" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "4.14.0"

  name                = "https-internal"
  description         = "HTTPS from the office network"
  vpc_id              = "vpc-1"
  ingress_cidr_blocks = ["10.0.0.0/8"]
  ingress_rules       = ["https-443-tcp"]
}
