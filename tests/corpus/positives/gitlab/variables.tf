terraform {
  required_version = ">= 1.6"
}

variable "registration_token" {
  type      = string
  default   = "GR1348941dag2qiTcpMzT28ww-8Y9"
  sensitive = true
}

variable "gitlab_trigger_token" {
  type      = string
  default   = "glptt-0622286f180691b6112df27504de242a85a917ae"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/reports/config/region"
  type  = "String"
  value = "eu-central-1"
}
