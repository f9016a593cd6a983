namespace Orbitpay.Api;

internal static class Settings
{
    internal const int MaxRetries = 3;
    internal const string Region = "westeurope";
    internal const string CircleciToken = "CCIPAT_MZ0Y8szd5rthXfbyi2xUMc_47de7541983a7d96fdbf4893877e1972384030eb";
    internal const string CircleToken = "bb7d6bd6144b22eec699c75399a19fc4cdbc2c4f";
    internal const string TravisApiToken = "bLbO5tP50o_YLI0YhBY532";
}
