terraform {
  required_version = ">= 1.6"
}

variable "gcs_hmac_access_id" {
  type      = string
  default   = "GOOG1EVSHACUW85FJUW1KFR4RPRWHCWZYBJ6D8GYPAB6AQWO5UXK6AGCCWFGR"
  sensitive = true
}

variable "gcs_hmac_secret" {
  type      = string
  default   = "BaYB70hXZiragzAosOIaCgxqL0IRgpWglV8bwSnC"
  sensitive = true
}

resource "aws_ssm_parameter" "app_config" {
  name  = "/ledger-api/config/region"
  type  = "String"
  value = "eu-central-1"
}
