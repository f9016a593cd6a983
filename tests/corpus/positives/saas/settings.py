"""Production settings."""
import os

DEBUG = False
ALLOWED_HOSTS = ["ledger-api.orbitpay.io"]
TIME_ZONE = "UTC"
CELERY_BROKER_POOL_LIMIT = 10
DOPPLER_TOKEN = "dp.pt.swMfUiVafK0erM2I7pmmZh7j9JzY22il1HcsAOdyoVZ"
STATIC_URL = "/static/"
DATABRICKS_TOKEN = "dapi424b9e7982317d60b7b587cf971b88a6"
