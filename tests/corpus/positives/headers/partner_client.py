import requests

session = requests.Session()
session.headers.update({
    "User-Agent": "orbitpay-sync/1.4",
    "X-Api-Key": "KFBuYFmgeut9hCwfhhlE8E0bgYCxcVkBtqoChGFY",
})


def fetch_orders(since: str):
    return session.get("https://partner.logisticsco.com/api/orders", params={"since": since}, timeout=20).json()
