package io.orbitpay.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

public class S3Config {
    public static S3Client client() {
        AwsBasicCredentials creds = AwsBasicCredentials.create("AKIA6QA26ETPWBUTZHYZ", "MjB+3TrToKYThV6nny5AtkvSbJRGYErxNr+v9/Df");
        return S3Client.builder()
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(creds))
                .build();
    }
}
