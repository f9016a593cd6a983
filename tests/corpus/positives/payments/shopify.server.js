import "@shopify/shopify-api/adapters/node";
import { shopifyApi, LATEST_API_VERSION } from "@shopify/shopify-api";

export const shopify = shopifyApi({
  apiKey: process.env.SHOPIFY_API_KEY!,
  apiSecretKey: "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",
  adminApiAccessToken: "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",
  apiVersion: LATEST_API_VERSION,
  hostName: "orbit-shop.myshopify.com",
  isEmbeddedApp: false,
});
