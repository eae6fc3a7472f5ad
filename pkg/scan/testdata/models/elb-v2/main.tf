# Calls of terraform-aws-modules/elb/aws that are not installed, judged
# with soc2scan's model: one the rules fail, one they pass. The model, as
# the real module, creates the load balancer in a submodule.

module "failing" {
  source  = "terraform-aws-modules/elb/aws"
  version = "~> 2.0"

  name            = "plain-http"
  subnets         = ["subnet-a", "subnet-b"]
  security_groups = ["sg-1"]
  internal        = false

  listener = [{ instance_port = 80, instance_protocol = "HTTP", lb_port = 80, lb_protocol = "HTTP" }]
  health_check = {
    target              = "HTTP:80/"
    interval            = 30
    healthy_threshold   = 2
    unhealthy_threshold = 2
    timeout             = 5
  }
  access_logs = { bucket = "lb-logs", enabled = false }
}

module "passing" {
  source  = "terraform-aws-modules/elb/aws"
  version = "2.4.0"

  name            = "tls-only"
  subnets         = ["subnet-a", "subnet-b"]
  security_groups = ["sg-1"]
  internal        = false

  listener = [{
    instance_port      = 443
    instance_protocol  = "HTTPS"
    lb_port            = 443
    lb_protocol        = "HTTPS"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  }]
  health_check = {
    target              = "HTTPS:443/"
    interval            = 30
    healthy_threshold   = 2
    unhealthy_threshold = 2
    timeout             = 5
  }
  access_logs = { bucket = "lb-logs", bucket_prefix = "tls-only" }
}
