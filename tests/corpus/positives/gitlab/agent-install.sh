helm repo add gitlab https://charts.gitlab.io
helm upgrade --install prod-agent gitlab/gitlab-agent \
    --namespace gitlab-agent-prod-agent \
    --create-namespace \
    --set config.token=glagent-zt8-jS4WRRwuBDx0YRBLL5Esz-EwEHW5Ts8dTVCdDyGrMICS8p \
    --set config.kasAddress=wss://kas.gitlab.orbitpay.io
