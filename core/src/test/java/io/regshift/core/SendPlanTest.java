package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.testkit.FakeCloudflare;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** send sends a plan exactly as planned, and only a plan of its own client and operation. */
class SendPlanTest {
    private static final String TOKEN = "token-send-plan";
    private static final Deprecation REVOKE = Catalog.standard().require("revoke");

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private static final List<String> IDS =
            IntStream.range(0, 450).mapToObj(i -> "reg-" + i).collect(Collectors.toList());

    private static RegistrationsClient client(String baseUrl) {
        return RegistrationsClient.builder()
                .baseUrl(baseUrl)
                .credentials(Credentials.apiToken(TOKEN))
                .build();
    }

    @Test
    void theRequestsSentAreThePlannedCallsMethodsAndUrlsInOrder() {
        RegistrationsClient client = client(cloudflare.baseUrl());
        List<ReplacementCall> plan = client.plan(REVOKE, "acc", IDS);
        List<RegistrationsResult> told = new ArrayList<>();

        RegistrationsResult result = client.send(REVOKE, plan, told::add);

        assertThat(result.succeededIds()).isEqualTo(IDS);
        assertThat(cloudflare.calls())
                .extracting(c -> c.method() + " " + c.url())
                .containsExactlyElementsOf(plan.stream()
                        .map(c -> c.method() + " " + c.url().encodedPath() + "?"
                                + c.url().encodedQuery())
                        .collect(Collectors.toList()));
        assertThat(told)
                .extracting(RegistrationsResult::succeededIds)
                .containsExactlyElementsOf(
                        plan.stream().map(ReplacementCall::ids).collect(Collectors.toList()));
    }

    @Test
    void aPlanMadeUnderAnotherBaseUrlIsRefusedAndNothingIsSent() {
        try (FakeCloudflare elsewhere =
                FakeCloudflare.builder().apiToken(TOKEN).build().start()) {
            List<ReplacementCall> plan = client(elsewhere.baseUrl()).plan(REVOKE, "acc", IDS);

            assertThatThrownBy(() -> client(cloudflare.baseUrl()).send(REVOKE, plan, call -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not under this client's base URL");

            assertThat(elsewhere.calls()).isEmpty();
        }
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aPlanOfAnotherOperationIsRefusedAndNothingIsSent() {
        RegistrationsClient client = client(cloudflare.baseUrl());
        List<ReplacementCall> unrevoke = client.plan(Catalog.standard().require("unrevoke"), "acc", IDS);

        assertThatThrownBy(() -> client.send(REVOKE, unrevoke, call -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'unrevoke', not 'revoke'");
        assertThat(cloudflare.calls()).isEmpty();
    }
}
