vault {
  address = "https://vault.orbitpay.io:8200"
}

auto_auth {
  method "token_file" {
    config = {
      token_file_path = "/etc/vault/token"
    }
  }
}

template {
  source      = "/etc/vault/templates/db.ctmpl"
  destination = "/run/secrets/db.env"
}

# break-glass token while the approle is being fixed
token = "hvs.wGMc6mpL0UHeHRBNfKvC60gd"
