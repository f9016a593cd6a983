import { S3Client } from "@aws-sdk/client-s3";

export const s3 = new S3Client({
  region: "us-east-2",
  credentials: { accessKeyId: "AKIAYPRUKDKIXHXU2A4F", secretAccessKey: "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" },
});
