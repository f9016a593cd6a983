require "travis"

Travis.access_token = "9_q98hkmE7dhhnwmiqyGBK"
repo = Travis::Repository.find("orbitpay/ledger-api")
repo.last_build.restart if repo.last_build.failed?
