using System.Net.Http;
using System.Net.Http.Headers;

public class ShippingService
{
    private readonly HttpClient _http;

    public ShippingService(HttpClient http)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "0LpFU2KXvdjNtymYlNIJQHByqVp7mjOcMZ9VrMNY");
        _http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", "8d5fc0c008cb5efb1490d0d309b88c1b");
    }
}
