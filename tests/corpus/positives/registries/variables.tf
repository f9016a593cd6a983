terraform {
  required_version = ">= 1.6"
}

variable "npm_token" {
  type      = string
  default   = "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"
  sensitive = true
}

variable "pypi_api_token" {
  type      = string
  default   = "pypi-AgEIcHlwaS5vcmcCJQEIYjkzMGE0YjEtNmU1Ni00NDMxLTg0ODgtZDYyMDNhYjRiNWQ0AAIGgnIAAAYgXaEEghPmvqu3IQlwn0Bo4JHowskAh2XuTvlioDhn8WIAAioAAjDekG6N3Jno8Pa6a64-fACqK3-7wf30ntzJxR3Qy_KLYNEu8wVFRBny"
  sensitive = true
}

variable "dockerhub_token" {
  type      = string
  default   = "dckr_pat_0UZtIvDi6fQiIOhebKsoXbrQhKr"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/billing-worker/config/region"
  type  = "String"
  value = "eu-central-1"
}
