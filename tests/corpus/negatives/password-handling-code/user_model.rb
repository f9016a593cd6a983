class User < ApplicationRecord
  has_secure_password
  validates :password, length: { minimum: 12 }, if: -> { password.present? }

  def self.authenticate(email, password)
    find_by(email: email)&.authenticate(password)
  end
end
