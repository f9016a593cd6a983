region        = "us-west-2"
instance_type = "t3.medium"
apim_subscription_key = "b6bba073e4fe133409fe84e7369b377d"
project       = "ledger-api"
azure_storage_key = "jDyr0J5i6BEiVgziwdyHGJiM/KdgVUbjA1LYXKR/qjqAKSDCMJHcoQBN5oxqors/EwjNamoY7Roq7ZLzYuwFBA=="
min_size      = 2
azure_client_secret = "3vp7Q~jZX~vtBKOF7VQlS6tTGVlYCVz1yzqe6pz0"
