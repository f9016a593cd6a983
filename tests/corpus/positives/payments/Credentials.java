package io.orbitpay.config;

public final class Credentials {
    private Credentials() {}

    public static final int TIMEOUT_SECONDS = 30;
    public static final String REGION = "eu-west-1";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_gogLsrwYbTEzc2LfagDQ174FyE3s2vT5";
    public static final String SQUARE_ACCESS_TOKEN = "EAAAFtWbgWS-9qDO1lr_PlS70eOusz3TW712gCKj6R-Oso3FrVPC3lUuNSyG9Sou";
}
