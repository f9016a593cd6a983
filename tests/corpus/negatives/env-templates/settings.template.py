SECRET_KEY = "{{ secret_key }}"
DATABASES = {"default": {"PASSWORD": "%(db_password)s"}}
API_KEY = None  # set in local_settings.py
