import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DATABASE_PASSWORD = os.getenv("DB_PASSWORD")
STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY", "")
OPENAI_API_KEY = os.getenv("OPENAI_API_KEY")
