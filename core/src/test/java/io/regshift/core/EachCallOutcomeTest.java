package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** execute tells each call's outcome as it completes, and an interrupt from the listener stops it. */
class EachCallOutcomeTest {
    private static final String TOKEN = "token-each-call";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private static final List<String> IDS =
            IntStream.range(0, 500).mapToObj(i -> "reg-" + i).collect(Collectors.toList());

    private static RegistrationsClient client() {
        return RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(1)
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .build();
    }

    @Test
    void eachCallsOutcomeIsToldInOrderWhileTheOthersAreStillToBeSent() {
        cloudflare.inject(Fault.serverError(500).onRequest(2));
        List<RegistrationsResult> told = new ArrayList<>();
        List<Integer> callsSeenByTheFake = new ArrayList<>();

        RegistrationsResult result = client().execute(Catalog.standard().require("revoke"), "acc", IDS, call -> {
            told.add(call);
            callsSeenByTheFake.add(cloudflare.calls().size());
        });

        assertThat(callsSeenByTheFake).containsExactly(1, 2, 3);
        assertThat(told.get(0).succeededIds()).isEqualTo(IDS.subList(0, 200));
        assertThat(told.get(1).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.ids()).isEqualTo(IDS.subList(200, 400)));
        assertThat(told.get(2).succeededIds()).isEqualTo(IDS.subList(400, 500));
        assertThat(result.succeededIds()).hasSize(300);
    }

    @Test
    void anInterruptFromTheListenerSendsNoFurtherCallAndTellsTheRestAsNotSent() {
        List<RegistrationsResult> told = new ArrayList<>();

        try {
            client().execute(Catalog.standard().require("revoke"), "acc", IDS, call -> {
                told.add(call);
                Thread.currentThread().interrupt();
            });
        } finally {
            Thread.interrupted();
        }

        assertThat(cloudflare.calls()).hasSize(1);
        assertThat(told).hasSize(3);
        assertThat(told.get(1).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("not sent"));
    }
}
