variable "db_password" {
  type      = string
  sensitive = true
  default   = "Pa55w0rd!"
}
