cloudflare_api_token = "your-cloudflare-token"
digitalocean_token  = "dop_v1_xxxxxxxxxxxxxxxx"
