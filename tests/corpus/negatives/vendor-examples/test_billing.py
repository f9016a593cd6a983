import stripe

# Stripe's public test key from its API reference.
stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"


def test_create_customer(stripe_mock):
    customer = stripe.Customer.create(email="jenny.rosen@example.com")
    assert customer.id.startswith("cus_")
