resource "github_repository_deploy_key" "docs" {
  title      = "docs deploy"
  repository = "docs"
  key        = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHPBs+/vKwsXX11OCQWt5etcRu8iXycpzbOo3g8fAADH"
  read_only  = false
}
