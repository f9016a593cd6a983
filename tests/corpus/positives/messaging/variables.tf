terraform {
  required_version = ">= 1.6"
}

variable "sendgrid_api_key" {
  type      = string
  default   = "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"
  sensitive = true
}

variable "mailgun_api_key" {
  type      = string
  default   = "key-86b521b038dd16fe8f611867bdf1450b"
  sensitive = true
}

variable "mailgun_private_key" {
  type      = string
  default   = "6d290838dfdd274893773b58ce2ed398-2a4ad3f2-9b7d76bb"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/notifier/config/region"
  type  = "String"
  value = "eu-central-1"
}
