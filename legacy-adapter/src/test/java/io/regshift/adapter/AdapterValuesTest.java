package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.BatchLimits;
import io.regshift.core.Catalog;
import io.regshift.core.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The adapter's values say what they hold, for logs and for callers that inspect an answer. */
class AdapterValuesTest {
    private final LegacyTranslation translation = LegacyTranslation.create(
            List.of(HttpUrl.get("https://api.cloudflare.com/client/v4")), BatchLimits.defaults());
    private final LegacyCall call = translation
            .recognise("POST", HttpUrl.get("https://api.cloudflare.com/client/v4/accounts/acc/devices/revoke"))
            .orElseThrow();

    @Test
    void aRecognisedCallNamesItsEndpointAccountAndBase() {
        assertThat(call.deprecation()).isEqualTo(Catalog.standard().require("revoke"));
        assertThat(call.accountId()).isEqualTo("acc");
        assertThat(call.baseUrl()).isEqualTo(HttpUrl.get("https://api.cloudflare.com/client/v4"));
        assertThat(call)
                .hasToString(
                        "LegacyCall{POST /accounts/{account_id}/devices/revoke under https://api.cloudflare.com/client/v4}");
    }

    @Test
    void aPlanToSendHasTheDistinctIdsAndNoRejection() {
        LegacyPlan plan = translation.plan(call, "[\"a\",\"b\",\"a\"]".getBytes(StandardCharsets.UTF_8));

        assertThat(plan.ids()).containsExactly("a", "b");
        assertThat(plan.rejection()).isEmpty();
        assertThat(plan.calls()).hasSize(1);
    }

    @Test
    void aRejectedPlanHasNoIdsNoCallsAndItsAnswer() {
        LegacyPlan plan = translation.plan(call, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(plan.ids()).isEmpty();
        assertThat(plan.calls()).isEmpty();
        assertThat(plan.rejection())
                .hasValueSatisfying(r -> assertThat(r.replacementCalls()).isZero());
    }

    @Test
    void anAnswerCountsItsCallsAndDescribesItself() {
        LegacyPlan plan = translation.plan(call, "[\"a\",\"b\"]".getBytes(StandardCharsets.UTF_8));

        LegacyResponse answer = translation.respond(
                call, List.of(ReplacementOutcome.answered(plan.calls().get(0), 200, Envelope.success(null), 1)));

        assertThat(answer.replacementCalls()).isEqualTo(1);
        assertThat(answer).hasToString("LegacyResponse{200, 2 succeeded, 0 failed}");
    }

    @Test
    void aMigrationEventDescribesTheCallWithoutItsIds() {
        MigrationEvent event = new MigrationEvent(
                Catalog.standard().require("unrevoke"), 3, MigrationEvent.Outcome.FAILED, Duration.ofMillis(12));

        assertThat(event).hasToString("POST /accounts/{account_id}/devices/unrevoke: FAILED, 3 IDs, 12 ms");
    }
}
