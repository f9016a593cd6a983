Rails.application.config.middleware.use OmniAuth::Builder do
  provider :gitlab,
           "f2c9a8b7e6d5c4b3a2918070605040302010f0e0d0c0b0a09080706050403020",
           "gloas-a3e83309f56ac53be22482d7313123385ad6b9feadb5999ccc4d2a00acbe9640",
           client_options: { site: "https://gitlab.orbitpay.io/api/v4" }
end
