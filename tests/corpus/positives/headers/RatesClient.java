package io.orbitpay.fx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

public class RatesClient {
    private final HttpClient http = HttpClient.newHttpClient();

    HttpRequest latest() {
        return HttpRequest.newBuilder(URI.create("https://fx.partnerbank.com/v1/rates/latest"))
                .header("Authorization", "Bearer 4qhAa1d981jmaKbHldCXOISA9TPEoqMCEco5tHYFD2VBJzZRXSOmV77tyf7IhLRP")
                .header("Accept", "application/json")
                .build();
    }
}
