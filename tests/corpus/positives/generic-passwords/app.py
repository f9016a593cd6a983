from flask import Flask

app = Flask(__name__)
app.secret_key = b"\x55\x35\xec\xab\x1c\xf5\x8b\xd6\xc8\x99\x2a\x1e\x6e\xef\x00\x33"
app.config["MAIL_PASSWORD"] = "Vqqihw9554!"


@app.get("/")
def index():
    return "ok"
