provider "okta" {
  org_name  = "orbitpay"
  base_url  = "okta.com"
  api_token = "00HovOqNaD2py4YQhKNP7TN4FWGh5Y9398tqUmEjK4"
}
