package io.regshift.adapter;

import static io.regshift.adapter.testing.RevokeAnswers.assertReportsWhatTheFakeRevoked;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.regshift.adapter.testing.RandomFaults;
import io.regshift.core.BatchLimits;
import io.regshift.core.CloudflareJson;
import io.regshift.core.Envelope;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Under random faults, what the adapter reports as revoked is exactly what the fake revoked. */
class LegacyRoutingPropertiesTest {
    private static final List<Fault> FAULTS = List.of(
            Fault.rateLimited(Duration.ZERO),
            Fault.serverError(502),
            Fault.serverError(503),
            Fault.serverError(504),
            Fault.serverError(500),
            Fault.connectionReset());

    private static FakeCloudflare cloudflare;
    private static OkHttpClient http;

    @BeforeAll
    static void start() {
        cloudflare = FakeCloudflare.create().start();
        http = new OkHttpClient.Builder()
                .addInterceptor(LegacyRoutingInterceptor.builder()
                        .baseUrl(cloudflare.baseUrl())
                        .batchLimits(BatchLimits.of(25, 8192))
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(2)
                                .initialBackoff(Duration.ZERO)
                                .maxBackoff(Duration.ZERO)
                                .build())
                        .listener(MigrationListener.none())
                        .build())
                .build();
    }

    @AfterAll
    static void stop() {
        cloudflare.close();
    }

    @Test
    void reportedRevokedEqualsTheFakesState() {
        for (List<Fault> faults : RandomFaults.edgeCases(FAULTS, 0.05, 0.6)) {
            for (int count : List.of(1, 2, 25, 26, 179, 180)) {
                reportsWhatTheFakeRevoked(faults, count);
            }
        }
        // each example is a few calls to the fake: a bounded shrink keeps a failing run short
        qt().withExamples(40)
                .withShrinkCycles(500)
                .forAll(RandomFaults.upToThree(FAULTS, 0.05, 0.6), integers().between(1, 180))
                .checkAssert(this::reportsWhatTheFakeRevoked);
    }

    private void reportsWhatTheFakeRevoked(List<Fault> faults, int count) {
        cloudflare.reset();
        faults.forEach(cloudflare::inject);
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "id-" + i).collect(Collectors.toList());

        Request request = new Request.Builder()
                .url(cloudflare.baseUrl() + "/accounts/acc/devices/revoke")
                .header("Authorization", "Bearer test-token")
                .post(RequestBody.create(LegacyRoutingInterceptorTest.idsJson(ids), MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            Envelope envelope =
                    CloudflareJson.envelope().fromJson(response.body().string());

            assertReportsWhatTheFakeRevoked(response.code(), envelope, ids, cloudflare.revokedIds("acc"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
