package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.regshift.core.CloudflareJson;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.FakePhysicalDevice;
import io.regshift.testkit.FakeRegistration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deprecated device reads through the proxy, against a fake past the end of life: the old
 * caller gets what the same fake's old endpoints answered before it, and the metrics count them.
 */
class LegacyReadsTest {
    static final String TOKEN = "tok-2b9e4c71a0d85f36";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    @RegisterExtension
    static final FakeCloudflare before = FakeCloudflare.builder()
            .apiToken(TOKEN)
            .legacyMode(FakeCloudflare.LegacyMode.BEFORE_END_OF_LIFE)
            .build();

    private static final JsonAdapter<Map<String, Object>> JSON =
            CloudflareJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5))
                        .build())
                .start();
    }

    /** The fakes start each test empty. */
    @BeforeEach
    void twoDevices() {
        for (FakeCloudflare fake : List.of(cloudflare, before)) {
            fake.givenRegistrations("acc", registration("r1", "d1"), registration("r2", "d2"))
                    .givenPhysicalDevices("acc", machine("d1"), machine("d2"));
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private static FakeRegistration registration(String id, String deviceId) {
        return FakeRegistration.builder(id, deviceId)
                .deviceName("laptop " + id)
                .clientVersion("2025.9.1")
                .user(FakeRegistration.User.of("u-" + id, id + "@example.com", "User " + id))
                .overrideCode("3600", "1111111")
                .build();
    }

    private static FakePhysicalDevice machine(String id) {
        return FakePhysicalDevice.builder(id)
                .deviceType("mac")
                .manufacturer("Apple")
                .publicIp("203.0.113.7")
                .serialNumber("SN-" + id)
                .build();
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) throws IOException {
        return JSON.fromJson(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> throughProxy(String path) {
        return Http.get(URI.create(proxy.baseUrl() + path), "Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<byte[]> asBefore(String path) {
        return Http.get(URI.create(before.baseUrl() + path), "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void theOldListGetAndOverrideCodesAnswerAsBeforeTheEndOfLife() throws IOException {
        for (String path : List.of(
                "/accounts/acc/devices", "/accounts/acc/devices/r2", "/accounts/acc/devices/r1/override_codes")) {
            HttpResponse<byte[]> routed = throughProxy(path);
            HttpResponse<byte[]> old = asBefore(path);

            assertThat(routed.statusCode()).as(path + ": " + Http.text(routed)).isEqualTo(200);
            assertThat(json(routed).get("result"))
                    .as(path)
                    .isNotNull()
                    .isNotEqualTo(List.of())
                    .isEqualTo(json(old).get("result"));
        }
    }

    @Test
    void theReadsAreCountedByEndpointInTheMetrics() {
        throughProxy("/accounts/acc/devices");
        throughProxy("/accounts/acc/devices/r1");

        String metrics = Http.text(Http.get(URI.create(proxy.uri() + "/__regshift/metrics")));
        assertThat(metrics).contains("endpoint=\"list-devices\"").contains("endpoint=\"get-device\"");
    }
}
