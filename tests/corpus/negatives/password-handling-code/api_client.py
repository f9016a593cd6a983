class ApiClient:
    def __init__(self, api_key: str | None = None, token: str | None = None):
        self.api_key = api_key or load_api_key()
        self.token = token
        self.headers = {"Authorization": f"Bearer {self.token}"} if token else {}
