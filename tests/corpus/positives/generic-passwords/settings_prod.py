from .base import *  # noqa

DEBUG = False
SECRET_KEY = "u7=9@=%w62rvu^ad48tcc*#3yj*r)v3kzu6qtpm%_x6zj(wob="
ALLOWED_HOSTS = ["orbitpay.io", "www.orbitpay.io"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "orbit",
        "USER": "orbit",
        "PASSWORD": "K@uihgxj4267",
        "HOST": "db-prod-1.internal.orbitpay.io",
        "PORT": "5432",
    }
}
