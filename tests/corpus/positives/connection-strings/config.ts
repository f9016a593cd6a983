import type { AppConfig } from "./types";

export const config: AppConfig = {
  region: "us-east-1",
  retries: 3,
  mysqlUrl: "mysql://ledger:AVW6ApDJMO69J.xyiaZYP@db-prod-1.internal.orbitpay.io:3306/ledger",
  timeoutMs: 15_000,
  mongodbUri: "mongodb+srv://analytics_rw:Rippl3-6463@cluster0.tflap.mongodb.net/analytics?retryWrites=true&w=majority",
  redisUrl: "rediss://default:Jigs4w_3868@redis-18800.c255.us-east-1-2.ec2.cloud.redislabs.com:18611",
};

export default config;
