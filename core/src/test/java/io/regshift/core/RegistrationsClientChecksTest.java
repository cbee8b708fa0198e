package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.regshift.testkit.FakeCloudflare;
import io.regshift.testkit.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@link RegistrationsClient} reports when it refuses a call or cannot complete one. */
class RegistrationsClientChecksTest {
    private static final String TOKEN = "token-1234567890";

    @RegisterExtension
    static final FakeCloudflare cloudflare =
            FakeCloudflare.builder().apiToken(TOKEN).build();

    private static RegistrationsClient client() {
        return RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .build();
    }

    @Test
    void aBadAccountIdIsNamedEvenWhenTheIdsAreBadToo() {
        assertThatThrownBy(() -> client().plan(Catalog.standard().require("revoke"), "../other", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("account ID \"../other\"");
        assertThatThrownBy(() -> client().revoke("a/b", List.of("x\ny")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("account ID \"a/b\" contains a path separator");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void aPersistentConnectionFailureIsReportedWithItsKindAndMessage() {
        cloudflare.inject(Fault.connectionReset());

        RegistrationsResult result = client().revoke("acc", List.of("a"));

        assertThat(result.failures()).hasSize(1);
        assertThat(result.failures().get(0).reason())
                .matches("no response from 127\\.0\\.0\\.1 after 2 attempts: [A-Za-z]+Exception \\(.+\\)");
    }

    @Test
    void anInterruptedThreadSendsNothingAndSaysWhy() {
        RegistrationsResult result;
        Thread.currentThread().interrupt();
        try {
            result = client().revoke("acc", List.of("a", "b"));
        } finally {
            Thread.interrupted();
        }

        assertThat(result.failedIds()).containsExactly("a", "b");
        assertThat(result.failures().get(0).reason()).isEqualTo("not sent: the thread was interrupted");
        assertThat(result)
                .hasToString(
                        "RegistrationsResult{revoke: 0 succeeded, 2 failed, first failure: 2 IDs: not sent: the thread was interrupted}");
        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void fromEnvironmentWithoutCredentialsSaysWhichVariablesToSet() {
        assumeTrue(
                System.getenv("CLOUDFLARE_API_TOKEN") == null
                        && System.getenv("CLOUDFLARE_API_KEY") == null
                        && System.getenv("CLOUDFLARE_EMAIL") == null,
                "the environment of this test run sets Cloudflare credentials");

        assertThatThrownBy(RegistrationsClient::fromEnvironment)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Cloudflare credentials: set CLOUDFLARE_API_TOKEN");
    }

    @Test
    void anExceptionFromTheCallersHttpClientFailsOnlyThatBatch() {
        RegistrationsClient failing = RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken(TOKEN))
                .httpClient(new okhttp3.OkHttpClient.Builder()
                        .addInterceptor(chain -> {
                            throw new IllegalStateException("boom");
                        })
                        .build())
                .build();

        RegistrationsResult result = failing.revoke("acc", List.of("a"));

        assertThat(result.failedIds()).containsExactly("a");
        assertThat(result.failures().get(0).reason())
                .isEqualTo("the HTTP client failed: java.lang.IllegalStateException: boom");
    }
}
