region        = "us-west-2"
instance_type = "t3.medium"
admin_token   = "qNOXqZVzdrZlxauVTLIABlyUJySO"
project       = "search-svc"
db_password   = "Lvddhv*Prbfz3561"
min_size      = 2
