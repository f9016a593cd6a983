# config/initializers/credentials.rb
ENV['SLACK_CONFIG_TOKEN'] ||= 'xoxe.xoxp-1-MHRhGWGyydi8dtMzzYJUau71In6PS4vCj6pegflpmWJXDpGiPuaA4QKstMH4S77M5l2O2ZHWLS9rYksruamVsXu3MwPNWmfsZqw3j4xOjPuuNr1izUlUpPQfJnAIIX4YQ9JaK478aZL1c4HaFmjMVZ'
ENV['SLACK_BOT_TOKEN'] ||= 'xoxb-878452284502-9442134092227-dkF7EmV2Z7LaWJsdjOwTGvD8'

Sidekiq.configure_server { |c| c.redis = { url: ENV["REDIS_URL"] } }
