import requests

TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmJtb2V6Iiwic2NvcGUiOiJvcmRlcnM6d3JpdGUgaW52b2ljZXM6cmVhZCIsImlhdCI6MTcyNTU4NzI0NiwiZXhwIjoxNzU3MTIzMjQ2LCJqdGkiOiJiMjM5NTVlYi1mYzkwLTQwMmQtOTBkOS1lNTlhZWNiMTY4YmQifQ.j17ZFwAjKBlj_ZPOabL1-xBmEgN7CA-D-NHZlEupFuQ"


def run():
    r = requests.get("https://api.orbitpay.io/v1/health/deep", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
    assert r.status_code == 200, r.text
