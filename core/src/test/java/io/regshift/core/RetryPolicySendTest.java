package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RetryPolicy#send} against a real HTTP server: what happens to the answers it retries. */
class RetryPolicySendTest {
    private static final String TOKEN = "token-1234567890";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .initialBackoff(Duration.ZERO)
            .maxBackoff(Duration.ZERO)
            .build();

    /** A pool that keeps idle connections for the whole test, so counting them is exact. */
    private static ConnectionPool pool() {
        return new ConnectionPool(10, 5, TimeUnit.MINUTES);
    }

    private static Request revoke(String id) {
        HttpUrl url = HttpUrl.get(cloudflare.baseUrl())
                .newBuilder()
                .addPathSegments("accounts/acc/devices/registrations/revoke")
                .addQueryParameter("id", id)
                .build();
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create(new byte[0], null))
                .header("Authorization", "Bearer " + TOKEN)
                .build();
    }

    @Test
    void everyRetriedAnswerIsClosedAndOnlyTheLastIsLeftOpen() throws IOException {
        cloudflare.inject(Fault.serverError(503).times(2));
        OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool()).build();
        List<Response> answers = new ArrayList<>();

        RetryPolicy.Exchange exchange = QUICK.send(
                revoke("a"),
                r -> {
                    Response response = http.newCall(r).execute();
                    answers.add(response);
                    return response;
                },
                System.nanoTime() + TimeUnit.MINUTES.toNanos(1));

        assertThat(exchange.attempts()).isEqualTo(3);
        assertThat(answers).extracting(Response::code).containsExactly(503, 503, 200);
        for (Response retried : answers.subList(0, 2)) {
            // A closed body can no longer be read: its connection went back to the pool.
            assertThat(retried.body().source().isOpen())
                    .as("the body of a retried %d", retried.code())
                    .isFalse();
        }
        try (Response last = exchange.response()) {
            assertThat(last.body().source().isOpen()).isTrue();
            assertThat(last.body().string()).contains("\"success\":true");
        }
    }

    @Test
    void retryingThroughTheClientReusesOneConnectionInsteadOfLeakingOnePerAttempt() {
        cloudflare.inject(Fault.serverError(503).times(2));
        ConnectionPool pool = pool();
        RegistrationsClient client = RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .retryPolicy(QUICK)
                .httpClient(new OkHttpClient.Builder().connectionPool(pool).build())
                .build();

        RegistrationsResult result = client.revoke("acc", List.of("a"));

        assertThat(result.isSuccess()).isTrue();
        assertThat(cloudflare.calls()).hasSize(3);
        assertThat(pool.connectionCount()).isEqualTo(1);
        assertThat(pool.idleConnectionCount()).isEqualTo(1);
    }
}
