const stripe = require("stripe")("sk_test_4eC39HqLyjWDarjtT1zdp7dc");

describe("checkout", () => {
  it("creates a payment intent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: "usd" });
    expect(pi.status).toBe("requires_payment_method");
  });
});
