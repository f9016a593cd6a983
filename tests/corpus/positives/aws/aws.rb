require "aws-sdk-sqs"

Aws.config.update(
  region: "ap-northeast-1",
  credentials: Aws::Credentials.new(
    "AKIAZORC3NSSSDI7DHJ3",
    "Rp0TP5ehnPFRlfnyTU1vUuC7cLckcEjaSzbB43gM"
  )
)
