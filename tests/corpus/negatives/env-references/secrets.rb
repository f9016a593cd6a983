STRIPE_KEY = ENV.fetch("STRIPE_SECRET_KEY")
DB_PASSWORD = ENV["DB_PASSWORD"]
SLACK_TOKEN = Rails.application.credentials.dig(:slack, :bot_token)
