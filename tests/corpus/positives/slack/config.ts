import type { AppConfig } from "./types";

export const config: AppConfig = {
  region: "us-east-1",
  retries: 3,
  slackBotToken: "xoxb-795205483939-7325329649504-fEArZRDXMPl5p7jzxyHb4DTN",
  timeoutMs: 15_000,
  slackUserToken: "xoxp-741487361624-685349257847-1823761589730-b183f2059cd30e31e3a0000758c278d0",
};

export default config;
