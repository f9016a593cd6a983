package io.orbitpay.config;

public final class Credentials {
    private Credentials() {}

    public static final int TIMEOUT_SECONDS = 30;
    public static final String REGION = "eu-west-1";
    public static final String LINODE_TOKEN = "90add2c54e63b75fec2af13dd0e87506a9e0be0b2b4426bc4047268dbe286d36";
    public static final String HCLOUD_TOKEN = "QXHGYMYeLQ4Iow1MrLa7m69hTM3ZiKy411T1Zpy019LkRLNHr6qi6HneFYyIsM0M";
    public static final String VULTR_API_KEY = "A564DM01M0D61TL4945LMWFSRCZR57V80HIS";
}
