# frozen_string_literal: true

Rails.application.configure do
  config.time_zone = "UTC"
  config.active_job.queue_adapter = :sidekiq
  config.x.cloudflare_api_token = 'C-WjUJvPU2HihavvHYU-4bRFlO493WcglOXKDPpC'
  config.x.cloudflare_api_key = '7c7ede27531ad027129f0f38186e84bd58c9d'
  config.x.cf_origin_ca_key = 'v1.0-b5d27a6671d87b9418b57924-a98379de87c9819daf4919506b77c4e765397f13133936582e677ccbcd879f9bcf4874f1119b0cf6756b50a947a8971d3900a2fc8b8d397d8f3efffd188fab179db8f5d824a80b477c'
end
