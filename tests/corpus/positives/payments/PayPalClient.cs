using PayPalCheckoutSdk.Core;

public static class PayPalClient
{
    public static PayPalHttpClient Client()
    {
        var env = new LiveEnvironment(
            "AXk9m2Qv7rT4wZ1bN6cE8fH3jL5pS0uY2dG4hJ7kM9nP1qR3sT5vW7xZ9aB2cD4e",
            "E14bze_RWQVU9v-fI1ojTZIs8gaXPTndTNoQu4xYYV0J0B7ZsSOh45DjPgGI5_1ydLLJWE_jzhoXErSy");
        return new PayPalHttpClient(env);
    }
}
