terraform {
  required_version = ">= 1.6"
}

variable "aws_access_key_id" {
  type      = string
  default   = "AKIAVAZ4PNWNHQXZ33NV"
  sensitive = true
}

variable "aws_secret_access_key" {
  type      = string
  default   = "nnIWyp6wOP/0SUVrYq3KC/lryG4cJGu0Q/LBVKAi"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/gateway/config/region"
  type  = "String"
  value = "eu-central-1"
}
