import type { AppConfig } from "./types";

export const config: AppConfig = {
  region: "us-east-1",
  retries: 3,
  mysqlUrl: "mysql://ledger:AVW6ApDJMO69J.xyiaZYP@db-prod-1.internal.orbitpay.io:3306/ledger",
  timeoutMs: 15_000,
  mongodbUri: "mongodb+srv://analytics_rw:Mr1drmd~597@cluster0.i8j7v.mongodb.net/billing?retryWrites=true&w=majority",
  redisUrl: "rediss://default:F3a45-hIkqSBCs53N9qG@redis-17764.c395.us-east-1-2.ec2.cloud.redislabs.com:16835",
};

export default config;
