region      = "eu-west-1"
db_password = ""  # set TF_VAR_db_password in CI
