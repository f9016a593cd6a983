import Stripe from "stripe";

export const stripe = new Stripe("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", { apiVersion: "2024-04-10" });

export async function refund(chargeId: string) {
  return stripe.refunds.create({ charge: chargeId });
}
