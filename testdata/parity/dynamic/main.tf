# dynamic blocks: security group ingress, instance block devices, policy
# document statements.

variable "ingress" {
  type = list(object({ port = number, cidr = string }))
  default = [
    { port = 443, cidr = "0.0.0.0/0" },
    { port = 22, cidr = "10.0.0.0/8" },
  ]
}

variable "admin_ingress" {
  type = map(number)
  default = {
    ssh = 22
    rdp = 3389
  }
}

resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = var.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }
}

resource "aws_security_group" "admin" {
  name = "admin"
  dynamic "ingress" {
    for_each = var.admin_ingress
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value
      to_port     = rule.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  dynamic "ebs_block_device" {
    for_each = { "/dev/sdf" = true, "/dev/sdg" = false }
    content {
      device_name = ebs_block_device.key
      encrypted   = ebs_block_device.value
      volume_size = 10
    }
  }
}

data "aws_iam_policy_document" "admin" {
  dynamic "statement" {
    for_each = ["*", "s3:GetObject"]
    content {
      actions   = [statement.value]
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "from_document" {
  name   = "from-document"
  policy = data.aws_iam_policy_document.admin.json
}
