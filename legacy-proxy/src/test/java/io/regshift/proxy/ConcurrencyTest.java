package io.regshift.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Envelope;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many apps at once through one proxy: no answer mixes up another's IDs, none claims too much. */
class ConcurrencyTest {
    static final String TOKEN = "tok-5e0a3b7c9f1d2846";
    static final int CLIENTS = 50;
    static final int IDS_PER_CLIENT = 100;
    static final int IDS_PER_CALL = 50;

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).threads(64).build();

    /** The access log: a line appears once a request's metrics are recorded. */
    static final BlockingQueue<String> ACCESS = new LinkedBlockingQueue<>();

    static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(10))
                        .build())
                .accessLog(ACCESS::add)
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    /** What one app was told: the IDs done and not done, over all its calls. */
    record Reported(Set<String> sent, Set<String> succeeded, Set<String> failed) {}

    static List<String> idsOf(int client) {
        return IntStream.range(0, IDS_PER_CLIENT)
                .mapToObj(i -> "c" + client + "-id-" + i)
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    static Reported revokeAll(int client) {
        List<String> ids = idsOf(client);
        Set<String> succeeded = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            List<String> part = ids.subList(from, from + IDS_PER_CALL);
            HttpResponse<byte[]> response = Http.postJson(
                    URI.create(proxy.baseUrl() + "/accounts/shared/devices/revoke"),
                    Http.jsonArray(part),
                    "Authorization",
                    "Bearer " + TOKEN);
            Envelope envelope = Http.envelope(response);
            if (response.statusCode() == 200 && envelope.success()) {
                succeeded.addAll(part);
            } else {
                Map<String, List<String>> result = (Map<String, List<String>>) envelope.result();
                succeeded.addAll(result.get("succeeded_ids"));
                failed.addAll(result.get("failed_ids"));
            }
        }
        return new Reported(new HashSet<>(ids), succeeded, failed);
    }

    @Test
    void fiftyClientsRevokingDisjointIdsGetExactlyWhatWasDone() throws Exception {
        // One batch fails for certain (500 is final); others are retried through random 503s and resets.
        cloudflare.inject(Fault.serverError(500).whenIdPresent("c7-id-13"));
        cloudflare.inject(Fault.serverError(503).onFraction(0.1));
        cloudflare.inject(Fault.connectionReset().onFraction(0.05));

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reported>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                go.await();
                return revokeAll(client);
            }));
        }
        go.countDown();
        List<Reported> reports = new ArrayList<>();
        for (Future<Reported> future : futures) {
            reports.add(future.get());
        }
        pool.shutdown();

        Set<String> allSucceeded = new HashSet<>();
        Set<String> allFailed = new HashSet<>();
        for (Reported report : reports) {
            // Each app hears about its own IDs only, every one of them exactly once.
            assertThat(report.succeeded()).noneMatch(report.failed()::contains);
            Set<String> told = new HashSet<>(report.succeeded());
            told.addAll(report.failed());
            assertThat(told).isEqualTo(report.sent());
            allSucceeded.addAll(report.succeeded());
            allFailed.addAll(report.failed());
        }
        assertThat(allSucceeded.size() + allFailed.size()).isEqualTo(CLIENTS * IDS_PER_CLIENT);
        assertThat(cloudflare.revokedIds("shared")).isEqualTo(allSucceeded);
        assertThat(allFailed).containsAll(idsOf(7).subList(0, IDS_PER_CALL));

        for (int i = 0; i < CLIENTS * IDS_PER_CLIENT / IDS_PER_CALL; i++) {
            assertThat(ACCESS.poll(30, TimeUnit.SECONDS))
                    .as("access log line %d", i)
                    .contains("route=revoke");
        }
        String metrics = Http.text(Http.get(URI.create(proxy.uri() + "/__regshift/metrics")));
        assertThat(metrics)
                .contains("regshift_proxy_registration_ids_total{endpoint=\"revoke\",result=\"succeeded\"} "
                        + allSucceeded.size() + "\n")
                .contains("regshift_proxy_registration_ids_total{endpoint=\"revoke\",result=\"failed\"} "
                        + allFailed.size() + "\n")
                .contains("regshift_proxy_request_duration_seconds_count{route=\"revoke\"} "
                        + (CLIENTS * IDS_PER_CLIENT / IDS_PER_CALL) + "\n");
    }
}
