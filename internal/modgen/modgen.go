// Package modgen writes a deterministic Terraform module tree of a given
// number of resources, for benchmarks of the HCL loader and the rules: 100
// files over a root module, a module it calls with for_each, and a module
// nested in that one, every resource block expanded with for_each.
package modgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// perGroup is the number of resource blocks written for each for_each key.
const perGroup = 5

// layout of the tree: the root module and the modules, each with its files
// and how many instances of it the tree evaluates.
var layout = []struct {
	dir       string
	files     int
	instances int
}{
	{".", 40, 1},
	{"modules/app", 40, 2},              // called with for_each over two keys
	{"modules/app/modules/leaf", 20, 2}, // called once per app instance
}

// Write writes the tree into dir (which must exist) and returns the number
// of resource instances it holds: resources rounded to a multiple of 5.
func Write(dir string, resources int) (int, error) {
	groups := resources / perGroup
	type file struct {
		module, index, weight, keys int
	}
	var files []*file
	for m, l := range layout {
		for i := 0; i < l.files; i++ {
			files = append(files, &file{module: m, index: i, weight: l.instances})
		}
	}
	// Hand out the groups one key at a time, round robin, so that every
	// file gets a share and the total is exact.
	for left := groups; left > 0; {
		progress := false
		for _, f := range files {
			if f.weight <= left {
				f.keys++
				left -= f.weight
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	total := 0
	for m, l := range layout {
		d := filepath.Join(dir, filepath.FromSlash(l.dir))
		if err := os.MkdirAll(d, 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(d, "variables.tf"), []byte(header(m)), 0o644); err != nil {
			return 0, err
		}
		for _, f := range files {
			if f.module != m {
				continue
			}
			total += f.keys * perGroup * l.instances
			name := filepath.Join(d, fmt.Sprintf("f%02d.tf", f.index))
			if err := os.WriteFile(name, []byte(body(f.index, f.keys)), 0o644); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

// header declares a module's inputs and its call of the next module down.
func header(module int) string {
	var b strings.Builder
	b.WriteString(`variable "prefix" {
  type    = string
  default = "acme"
}

variable "strict" {
  type    = bool
  default = true
}

variable "ports" {
  type    = list(number)
  default = [443, 22]
}

locals {
  tags = { Owner = "platform", Prefix = var.prefix }
}
`)
	switch module {
	case 0:
		b.WriteString(`
module "app" {
  source   = "./modules/app"
  for_each = { blue = true, green = false }
  prefix   = "${var.prefix}-${each.key}"
  strict   = each.value
}
`)
	case 1:
		b.WriteString(`
module "leaf" {
  source = "./modules/leaf"
  prefix = "${var.prefix}-leaf"
  strict = var.strict
  ports  = [443]
}
`)
	}
	return b.String()
}

// body is one file: five resource blocks over the same keys.
func body(i, keys int) string {
	return strings.ReplaceAll(fmt.Sprintf(`locals {
  names_N = toset([for i in range(%d) : "f%02d-${i}"])
}

resource "aws_s3_bucket" "b_N" {
  for_each = local.names_N
  bucket   = "${var.prefix}-${each.key}"
  tags     = local.tags
}

resource "aws_s3_bucket_public_access_block" "b_N" {
  for_each                = aws_s3_bucket.b_N
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.strict
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b_N" {
  for_each = local.names_N
  bucket   = aws_s3_bucket.b_N[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_kms_key" "k_N" {
  for_each            = local.names_N
  description         = each.key
  enable_key_rotation = !endswith(each.key, "-0")
}

resource "aws_security_group" "sg_N" {
  for_each = local.names_N
  name     = each.key
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`, keys, i), "_N", fmt.Sprintf("_%02d", i))
}
