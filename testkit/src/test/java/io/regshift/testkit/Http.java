package io.regshift.testkit;

import com.github.tomakehurst.wiremock.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Real HTTP against a fake, and its JSON answers as maps and lists. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    static HttpResponse<String> get(FakeCloudflare fake, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        }
    }

    static HttpResponse<String> authorizedGet(FakeCloudflare fake, String pathAndQuery) {
        return get(fake, pathAndQuery, "Authorization", "Bearer test-token");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(HttpResponse<String> response) {
        return (Map<String, Object>) json(response).get("result");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(HttpResponse<String> response) {
        return (List<Map<String, Object>>) json(response).get("result");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resultInfo(HttpResponse<String> response) {
        return (Map<String, Object>) json(response).get("result_info");
    }
}
