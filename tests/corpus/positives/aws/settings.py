"""Production settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["billing-worker.orbitpay.io"]
TIME_ZONE = "UTC"
CELERY_BROKER_POOL_LIMIT = 10
AWS_ACCESS_KEY_ID = "AKIA3VKEKQJSITLPVZLJ"
STATIC_URL = "/static/"
AWS_SECRET_ACCESS_KEY = "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"
