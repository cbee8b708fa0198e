package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void retriesOnlyRateLimitsAndGatewayErrors() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(502)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(504)).isTrue();
        for (int status : new int[] {200, 400, 401, 403, 404, 409, 500, 501}) {
            assertThat(RetryPolicy.isRetryable(status)).as("%d", status).isFalse();
        }
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("-5")).isEqualTo(Duration.ZERO);
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RetryPolicy.parseRetryAfter(inAMinute)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        assertThat(RetryPolicy.parseRetryAfter("soon")).isNull();
        assertThat(RetryPolicy.parseRetryAfter(null)).isNull();
    }

    @Test
    void retryAfterWinsOverBackoff() {
        assertThat(RetryPolicy.defaults().backoff(1, "7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000))
                .build();

        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.backoff(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoff(40, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("at least 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(10))
                        .maxBackoff(Duration.ofSeconds(1))
                        .build())
                .hasMessageContaining("less than initialBackoff");
    }
}
