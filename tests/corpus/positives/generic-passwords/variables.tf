terraform {
  required_version = ">= 1.6"
}

variable "smtp_password" {
  type      = string
  default   = "dKIvo.kJRbrJ33RV"
  sensitive = true
}

variable "jwt_secret" {
  type      = string
  default   = "OCMve6yqaPKAbOM8jmIZ134ZnH4PPWxDacGqSBtt6on9IXXa"
  sensitive = true
}

variable "api_token" {
  type      = string
  default   = "mwotktqooaghkbuwypovtodp"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/billing-worker/config/region"
  type  = "String"
  value = "eu-central-1"
}
