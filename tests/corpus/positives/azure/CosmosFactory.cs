using Microsoft.Azure.Cosmos;

public static class CosmosFactory
{
    private const string Endpoint = "https://orbit-catalog.documents.azure.com:443/";
    private const string Key = "EE9jaHZ55lx7dKI73cbnRFXuz30F8UfwfibBiqpifRLN5QymPQNzrycapno9ePsaoV/+qnV2vLR2rofkMvIG7Q==";

    public static CosmosClient Create() => new CosmosClient(Endpoint, Key, new CosmosClientOptions { ApplicationName = "catalog" });
}
