import { S3Client } from "@aws-sdk/client-s3";

describe("s3 client", () => {
  it("uses static credentials from the docs", () => {
    const client = new S3Client({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    });
    expect(client).toBeDefined();
  });
});
