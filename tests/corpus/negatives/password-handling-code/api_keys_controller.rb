class ApiKeysController < ApplicationController
  def create
    key = current_user.api_keys.create!(name: params[:name])
    render json: { id: key.id, token: key.plaintext_token_once }
  end
end
