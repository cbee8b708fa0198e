package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regshift.testkit.FakeCloudflare;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevokeClientTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder().apiToken("test-token").build();

    @Test
    void revokesThroughTheReplacementEndpoint() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        cloudflare.baseUrl() + "/accounts/acc-1/devices/registrations/revoke?id=reg-a&id=reg-b"))
                .header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Set.of("reg-a", "reg-b"), cloudflare.revokedIds("acc-1"));
    }

    @Test
    void theDeprecatedEndpointAnswersAsAfterItsEndOfLife() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + "/accounts/acc-1/devices/revoke"))
                .header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofString("[\"reg-a\"]"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode(), response.body());
    }
}
