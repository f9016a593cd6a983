import type { AppConfig } from "./types";

export const config: AppConfig = {
  region: "us-east-1",
  retries: 3,
  githubToken: "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",
  timeoutMs: 15_000,
  ghOauthToken: "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",
  githubUserToken: "ghu_RjIt2OVv3T8vefXBchaC2u767PgIYq3IZEpk",
};

export default config;
