def load(path):
    cfg = yaml.safe_load(open(path))
    password = cfg["database"]["password"]
    api_key = cfg.get("api_key") or os.environ["API_KEY"]
    return Config(password=password, api_key=api_key)
