variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  username = "app"
  password = var.db_password
}

data "aws_secretsmanager_secret_version" "api" {
  secret_id = "prod/api/key"
}

locals {
  api_key = jsondecode(data.aws_secretsmanager_secret_version.api.secret_string)["api_key"]
}
