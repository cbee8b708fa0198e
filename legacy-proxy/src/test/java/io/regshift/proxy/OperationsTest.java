package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.adapter.ErrorCodes;
import io.regshift.adapter.testing.CapturedLogs;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, metrics and the access log: what an operator sees, and what never shows up there. */
class OperationsTest {
    static final String TOKEN = "tok-0f9e8d7c6b5a4321";
    static final String EMAIL = "ops@acme.example";
    static final String KEY = "gkey-a1b2c3d4e5f60718";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).apiKey(EMAIL, KEY).build();

    @RegisterExtension
    static final CapturedLogs logs = new CapturedLogs(TOKEN, KEY, EMAIL, "reg-secretish-1");

    final BlockingQueue<String> access = new LinkedBlockingQueue<>();
    LegacyProxy proxy;

    @BeforeEach
    void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .upstreamTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .accessLog(access::add)
                .start();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    URI ops(String name) {
        return URI.create(proxy.uri() + "/__regshift/" + name);
    }

    URI api(String path) {
        return URI.create(proxy.baseUrl() + path);
    }

    /** The next {@code n} access-log lines; each appears once its request's metrics are recorded. */
    List<String> accessLines(int n) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = access.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("access log line %d of %d", i + 1, n).isNotNull();
            lines.add(line);
        }
        return lines;
    }

    @Test
    void healthAnswers200WhileServing() {
        HttpResponse<byte[]> response = Http.get(ops("health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Http.text(response))
                .startsWith("{\"status\":\"serving\",\"upstream\":\"" + cloudflare.baseUrl() + "\"");
        assertThat(cloudflare.calls()).isEmpty();
    }

    /** The library serves embedders too: its metrics' help speaks of no command line's flags. */
    @Test
    void theMetricsNameNoFlag() {
        HttpResponse<byte[]> response = Http.get(ops("metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.text(response)).doesNotContain("--");
    }

    @Test
    void operationsEndpointsAreLocalAndReadOnly() {
        HttpResponse<byte[]> post = Http.post(ops("health"), new byte[0]);
        HttpResponse<byte[]> unknown = Http.get(ops("debug"));
        HttpResponse<byte[]> head = Http.send(Http.request(ops("metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(Http.envelope(post).errors().get(0).code()).isEqualTo(ErrorCodes.METHOD_NOT_ALLOWED);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(cloudflare.calls()).isEmpty();
        assertThat(cloudflare.wireMock().getAllServeEvents())
                .noneMatch(event -> event.getRequest().getUrl().contains("__regshift"));
    }

    @Test
    void metricsCountWhatHappenedInPrometheusFormat() throws InterruptedException {
        Http.postJson(api("/accounts/acc/devices/revoke"), "[\"reg-1\",\"reg-2\"]", "Authorization", "Bearer " + TOKEN);
        Http.postJson(api("/accounts/acc/devices/unrevoke"), "[\"reg-1\"]", "Authorization", "Bearer " + TOKEN);
        Http.postJson(api("/accounts/acc/devices/revoke"), "not json", "Authorization", "Bearer " + TOKEN);
        cloudflare.inject(Fault.serverError(500).times(1));
        Http.postJson(api("/accounts/acc/devices/revoke"), "[\"reg-3\"]", "Authorization", "Bearer " + TOKEN);
        Http.get(api("/zones"), "Authorization", "Bearer " + TOKEN);
        cloudflare.inject(Fault.latency(Duration.ofSeconds(6)).times(1));
        Http.get(api("/zones"), "Authorization", "Bearer " + TOKEN);
        cloudflare.inject(Fault.connectionReset().times(1));
        Http.get(api("/zones"), "Authorization", "Bearer " + TOKEN);
        accessLines(7);

        HttpResponse<byte[]> response = Http.get(ops("metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = Http.text(response);
        assertThat(text)
                .contains(
                        "regshift_proxy_deprecated_calls_total{endpoint=\"revoke\",outcome=\"routed\"} 1\n",
                        "regshift_proxy_deprecated_calls_total{endpoint=\"revoke\",outcome=\"failed\"} 1\n",
                        "regshift_proxy_deprecated_calls_total{endpoint=\"revoke\",outcome=\"rejected\"} 1\n",
                        "regshift_proxy_deprecated_calls_total{endpoint=\"unrevoke\",outcome=\"routed\"} 1\n",
                        "regshift_proxy_registration_ids_total{endpoint=\"revoke\",result=\"succeeded\"} 2\n",
                        "regshift_proxy_registration_ids_total{endpoint=\"revoke\",result=\"failed\"} 1\n",
                        "regshift_proxy_registration_ids_total{endpoint=\"unrevoke\",result=\"succeeded\"} 1\n",
                        "regshift_proxy_passthrough_requests_total{status_class=\"4xx\"} 1\n",
                        "regshift_proxy_passthrough_requests_total{status_class=\"5xx\"} 2\n",
                        "regshift_proxy_upstream_errors_total{kind=\"server_error\"} 1\n",
                        "regshift_proxy_upstream_errors_total{kind=\"timeout\"} 1\n",
                        "regshift_proxy_upstream_errors_total{kind=\"unreachable\"} 1\n",
                        "regshift_proxy_request_duration_seconds_count{route=\"revoke\"} 3\n",
                        "regshift_proxy_request_duration_seconds_count{route=\"unrevoke\"} 1\n",
                        "regshift_proxy_request_duration_seconds_count{route=\"passthrough\"} 3\n",
                        "regshift_proxy_request_duration_seconds_bucket{route=\"passthrough\",le=\"+Inf\"} 3\n",
                        "# TYPE regshift_proxy_request_duration_seconds histogram\n",
                        "# TYPE regshift_proxy_deprecated_calls_total counter\n");
        // Every sample line is NAME{LABELS} VALUE, the text format's grammar.
        Pattern sample = Pattern.compile("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? -?[0-9.E+-]+");
        assertThat(text.lines().filter(line -> !line.startsWith("#")))
                .allMatch(line -> sample.matcher(line).matches());
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithoutCredentialsQueriesOrBodies() throws InterruptedException {
        Http.postJson(
                api("/accounts/acc/devices/revoke"), "[\"reg-secretish-1\"]", "X-Auth-Email", EMAIL, "X-Auth-Key", KEY);
        Http.get(api("/zones?name=reg-secretish-1&token=" + TOKEN), "Authorization", "Bearer " + TOKEN);
        Http.get(ops("health"));

        List<String> lines = accessLines(3);

        assertThat(lines.get(0))
                .matches(
                        "127\\.0\\.0\\.1 POST /client/v4/accounts/acc/devices/revoke 200 \\d+B \\d+\\.\\dms route=revoke");
        assertThat(lines.get(1))
                .matches("127\\.0\\.0\\.1 GET /client/v4/zones 404 \\d+B \\d+\\.\\dms route=passthrough");
        assertThat(lines.get(2))
                .matches("127\\.0\\.0\\.1 GET /__regshift/health 200 \\d+B \\d+\\.\\dms route=operations");
        assertThat(access).isEmpty();
        for (String secret : List.of(TOKEN, KEY, EMAIL, "reg-secretish-1")) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void byDefaultTheAccessLogGoesToSlf4j() {
        try (LegacyProxy logging = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .start()) {
            Http.get(URI.create(logging.baseUrl() + "/zones/default-log-marker"), "Authorization", "Bearer " + TOKEN);
        }
        // close() waits for the request's completion, access log included.
        assertThat(CapturedLogs.lines())
                .anyMatch(line -> line.startsWith(
                        "INFO io.regshift.proxy.access 127.0.0.1 GET /client/v4/zones/default-log-marker 404 "));
    }
}
