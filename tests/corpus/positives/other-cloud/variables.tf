terraform {
  required_version = ">= 1.6"
}

variable "alibaba_cloud_access_key_id" {
  type      = string
  default   = "LTAI5tKL9PQvLIHRk4KXrpY0"
  sensitive = true
}

variable "alibaba_cloud_access_key_secret" {
  type      = string
  default   = "QDSuA1Hu79fJ3omDxeM5QzKrkUWVfG"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/reports/config/region"
  type  = "String"
  value = "eu-central-1"
}
