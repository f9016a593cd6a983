terraform {
  required_version = ">= 1.6"
}

variable "dd_api_key" {
  type      = string
  default   = "b48c36b6ab2a4af1dd2eeeedd419d6ef"
  sensitive = true
}

variable "dd_app_key" {
  type      = string
  default   = "0de7285944c1c40549ffd568cac42649e0e8c262"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/notifier/config/region"
  type  = "String"
  value = "eu-central-1"
}
