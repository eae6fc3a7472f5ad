# Calls of terraform-aws-modules/alb/aws that are not installed, judged
# with soc2scan's model: one the rules fail, one they pass.

module "failing" {
  source  = "terraform-aws-modules/alb/aws"
  version = "6.5.0"

  name            = "public-web"
  subnets         = ["subnet-a", "subnet-b"]
  security_groups = ["sg-1"]
}

module "passing" {
  source  = "terraform-aws-modules/alb/aws"
  version = "6.10.0"

  name                       = "guarded-web"
  internal                   = true
  subnets                    = ["subnet-a", "subnet-b"]
  security_groups            = ["sg-1"]
  enable_deletion_protection = true
  drop_invalid_header_fields = true
  access_logs                = { bucket = "lb-logs" }
}
