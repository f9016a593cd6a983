class S3ClientTest {
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void buildsClient() {
        assertNotNull(S3Factory.create(ACCESS_KEY, SECRET_KEY));
    }
}
