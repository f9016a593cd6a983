provider "aws" {
  region     = "us-west-2"
  access_key = "AKIA7FI2KSSAY2KPZCOZ"
  secret_key = "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"
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "orbitpay-build-artifacts"
}
