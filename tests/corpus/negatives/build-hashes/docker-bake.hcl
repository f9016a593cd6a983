target "api" {
  context = "."
  cache-from = ["type=registry,ref=registry.orbitpay.io/api:cache"]
  args = {
    BASE_DIGEST = "sha256:be0bb26ca1298f58b2bea98845a3f120c6340486b521320eaedc989625a0c77e"
  }
}
