provider "cloudflare" {
  api_user_service_key = "v1.0-ff271152b18180897d6f7f76-5ca655993401daf6d00e1ea8a57048570f20321e667661d4b679f9a646124323eefd2be7bbe84b676b9d2f5001f0918635d07406db6e818985b3b0ec9d4c0e27df309e5790733c9d4f"
}

resource "cloudflare_origin_ca_certificate" "origin" {
  csr                = tls_cert_request.origin.cert_request_pem
  hostnames          = ["orbitpay.io", "*.orbitpay.io"]
  request_type       = "origin-rsa"
  requested_validity = 5475
}
