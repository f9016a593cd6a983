import sentry_sdk

sentry_sdk.init(
    dsn="https://4f1e2d3c4b5a69788796a5b4c3d2e1f0:d7339e143fd273f755275aab53ad8834@sentry.orbitpay.io/12",
    traces_sample_rate=0.2,
    environment="production",
)
