public final class Config {
    public static final String API_KEY = System.getenv("API_KEY");
    public static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
    @Value("${stripe.secret-key}")
    private String stripeSecretKey;
}
