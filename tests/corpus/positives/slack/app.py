from slack_bolt import App

app = App(
    token="xoxb-832116336853-4614598844140-KfllhvaNV67AlCWV2rI9D8jW",
    signing_secret="69905785be919fe13816e31df00d8019",
)


@app.command("/deploy")
def deploy(ack, respond, command):
    ack()
    respond(f"Deploying {command['text']}...")


if __name__ == "__main__":
    app.start(port=3000)
