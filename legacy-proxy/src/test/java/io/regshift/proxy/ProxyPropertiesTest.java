package io.regshift.proxy;

import static io.regshift.adapter.testing.RevokeAnswers.assertReportsWhatTheFakeRevoked;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.regshift.adapter.testing.RandomFaults;
import io.regshift.core.BatchLimits;
import io.regshift.core.RetryPolicy;
import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any list of IDs, any characters they hold, under random faults: what the proxy reports as revoked
 * is exactly what the fake revoked, and every ID arrives as the app wrote it.
 */
class ProxyPropertiesTest {
    private static final List<Fault> FAULTS = List.of(
            Fault.rateLimited(Duration.ZERO),
            Fault.serverError(502),
            Fault.serverError(503),
            Fault.serverError(500),
            Fault.connectionReset());
    /** Printable ASCII and a few letters beyond it, without the path separators no ID may hold. */
    private static final String ID_CHARS = IntStream.rangeClosed(' ', '~')
                    .filter(c -> c != '/' && c != '\\')
                    .mapToObj(c -> String.valueOf((char) c))
                    .collect(Collectors.joining())
            + "äöüßéñ中文✓€";

    private static FakeCloudflare cloudflare;
    private static LegacyProxy proxy;

    @BeforeAll
    static void start() {
        cloudflare = FakeCloudflare.create().start();
        proxy = LegacyProxy.builder()
                .listen("127.0.0.1", 0)
                .upstream(cloudflare.baseUrl())
                .batchLimits(BatchLimits.of(25, 1024))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .accessLog(line -> {})
                .start();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        cloudflare.close();
    }

    @Test
    void reportedRevokedEqualsTheFakesState() {
        List<String> everyCharacter =
                ID_CHARS.chars().mapToObj(c -> "x" + (char) c).collect(Collectors.toList());
        List<String> longest = IntStream.range(0, 120)
                .mapToObj(i -> String.format("中文✓€%33s%03d", "", i).replace(' ', 'ä'))
                .collect(Collectors.toList());
        for (List<Fault> faults : RandomFaults.edgeCases(FAULTS, 0.05, 0.5)) {
            for (List<String> ids :
                    List.of(List.of("!"), List.of("€"), List.of(" a "), List.of("a", "a"), everyCharacter, longest)) {
                reportsWhatTheFakeRevoked(ids, faults);
            }
        }
        // each example is a few calls through the proxy to the fake: a bounded shrink keeps a failing run short
        qt().withExamples(60)
                .withShrinkCycles(500)
                .forAll(idLists(), RandomFaults.upToThree(FAULTS, 0.05, 0.5))
                .checkAssert(this::reportsWhatTheFakeRevoked);
    }

    private void reportsWhatTheFakeRevoked(List<String> ids, List<Fault> faults) {
        cloudflare.reset();
        faults.forEach(cloudflare::inject);

        HttpResponse<byte[]> response = Http.postJson(
                URI.create(proxy.baseUrl() + "/accounts/acc/devices/revoke"),
                Http.jsonArray(ids),
                "Authorization",
                "Bearer test-token");

        assertReportsWhatTheFakeRevoked(
                response.statusCode(), Http.envelope(response), ids, cloudflare.revokedIds("acc"));
    }

    /**
     * IDs the proxy accepts: an ID holding a path separator was always filtered out, so the alphabet
     * leaves them out; the rarer refused ones (blank, {@code ..}, {@code .}) are drawn again.
     */
    private static Gen<List<String>> idLists() {
        Gen<String> id = lists().of(
                        Generate.pick(ID_CHARS.chars().mapToObj(c -> (char) c).collect(Collectors.toList())))
                .ofSizeBetween(1, 40)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()))
                .assuming(s -> !s.isBlank() && !s.contains("..") && !s.equals("."));
        return lists().of(id).ofSizeBetween(1, 120);
    }
}
