DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "orbit",
        "USER": "orbit",
        "PASSWORD": "P@ssword1234",
        "HOST": "db-prod-1.internal.orbitpay.io",
    }
}
EMAIL_HOST_PASSWORD = "Summer2024!"
