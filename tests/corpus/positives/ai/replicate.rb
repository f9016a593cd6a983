require "replicate"

Replicate.configure do |config|
  config.api_token = "r8_PYlvk0iKzG3koIx6C30Mgmm3kOYXtRoSVZ44l"
end

model = Replicate.client.retrieve_model("stability-ai/sdxl")
