# A call pinned to a release no model covers: not judged, and a warning
# says the module is not installed.

module "too_old" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "2.14.1"

  bucket = "old-bucket"
  acl    = "public-read"
}
