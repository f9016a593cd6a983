"""Production settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["ledger-api.orbitpay.io"]
TIME_ZONE = "UTC"
CELERY_BROKER_POOL_LIMIT = 10
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/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"
STATIC_URL = "/static/"
SLACK_WORKFLOW_URL = "https://hooks.slack.com/triggers/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"
