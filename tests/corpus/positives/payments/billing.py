import stripe

stripe.api_key = "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"
WEBHOOK_SECRET = "whsec_6Q2LXGy332IKLvMc8lBI92rPKmRtxftD"


def handle(payload: bytes, sig_header: str):
    event = stripe.Webhook.construct_event(payload, sig_header, WEBHOOK_SECRET)
    if event["type"] == "invoice.paid":
        mark_paid(event["data"]["object"]["id"])
