resource "aws_s3_bucket" "logs" {
  bucket = "orbitpay-logs-481516234200-eu-west-1"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration { status = "Enabled" }
}
