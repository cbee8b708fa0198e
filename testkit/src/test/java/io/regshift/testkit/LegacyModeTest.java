package io.regshift.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LegacyModeTest {
    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.builder()
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static HttpResponse<String> legacy(String verb, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloudflare.baseUrl() + "/accounts/acc/devices/" + verb))
                                .header("Authorization", "Bearer test-token")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beforeEndOfLifeTheOldEndpointsTakeAJsonArrayBody() throws Exception {
        assertThat(legacy("revoke", "[\"a\",\"b\",\"c\"]").statusCode()).isEqualTo(200);
        assertThat(legacy("unrevoke", "[\"b\"]").statusCode()).isEqualTo(200);

        assertThat(cloudflare.revokedIds("acc")).containsExactlyInAnyOrder("a", "c");
        assertThat(cloudflare.calls().get(0).ids()).containsExactly("a", "b", "c");
    }

    @Test
    void bodiesThatAreNotArraysOfStringsAreRefused() throws Exception {
        for (String body : new String[] {"{\"id\":\"a\"}", "[1]", "[\"a\",null]", "[[\"a\"]]", "not json", "[]"}) {
            HttpResponse<String> response = legacy("revoke", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("\"success\":false");
        }
        assertThat(cloudflare.revokedIds("acc")).isEmpty();
    }

    @Test
    void moreThan200IdsAreRefusedAsTheOldEndpointDid() throws Exception {
        String body = "[" + String.join(",", Collections.nCopies(201, "\"x\"")) + "]";

        HttpResponse<String> response = legacy("revoke", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 200");
    }
}
