package io.orbitpay.config;

public final class Credentials {
    private Credentials() {}

    public static final int TIMEOUT_SECONDS = 30;
    public static final String REGION = "eu-west-1";
    public static final String JWT_SECRET = "V7yFDDJYXjTrA11J4PTykfCD3YcJFkW5PFUFDHO3rAgUkS8r";
    public static final String API_TOKEN = "vdufgsbcofzkobnwfqamhsqk";
}
