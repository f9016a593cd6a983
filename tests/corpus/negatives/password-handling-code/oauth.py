token_url = "https://oauth2.googleapis.com/token"
grant_type = "refresh_token"
client_secret = settings.GOOGLE_CLIENT_SECRET
refresh_token = user.credentials.refresh_token
