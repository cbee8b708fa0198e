package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** The edges of {@link RetryPolicy}'s waits, and what it remembers of its settings. */
class RetryPolicyBackoffTest {
    @Test
    void aZeroBackoffRetriesWithoutWaiting() {
        RetryPolicy noWait = RetryPolicy.builder()
                .initialBackoff(Duration.ZERO)
                .maxBackoff(Duration.ZERO)
                .build();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(noWait.backoff(attempt, null)).isZero();
        }
    }

    @Test
    void anExponentialStepThatOverflowsToZeroIsStillCappedAtTheMaximum() {
        // 2^34 ns shifted by 30 is 2^64, which wraps to exactly 0 in a long.
        Duration step = Duration.ofNanos(1L << 34);
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(step)
                .maxBackoff(Duration.ofSeconds(60))
                .build();

        assertThat(policy.backoff(31, null)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void anExponentialStepThatOverflowsToANegativeNumberIsStillCappedAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(60))
                .build();

        assertThat(policy.backoff(40, null)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void aPolicyRebuiltFromItsBuilderHasTheSameSettings() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(300))
                .deadline(Duration.ofSeconds(9))
                .build();

        RetryPolicy copy = policy.toBuilder().build();

        assertThat(copy.maxAttempts()).isEqualTo(3);
        assertThat(copy.initialBackoff()).isEqualTo(Duration.ofMillis(20));
        assertThat(copy.maxBackoff()).isEqualTo(Duration.ofMillis(300));
        assertThat(copy.deadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(copy).hasToString("RetryPolicy{maxAttempts=3, backoff=PT0.02S..PT0.3S, deadline=PT9S}");
    }

    @Test
    void anInterruptDuringTheWaitEndsTheSendAndStaysSet() throws Exception {
        RetryPolicy slow = RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(30))
                .maxBackoff(Duration.ofSeconds(30))
                .build();
        CountDownLatch answered = new CountDownLatch(1);
        AtomicBoolean interruptedAfterwards = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                slow.send(
                        new Request.Builder().url("http://127.0.0.1:9/").build(),
                        r -> {
                            answered.countDown();
                            return unavailable(r);
                        },
                        System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
                outcome.complete(null);
            } catch (Throwable t) {
                interruptedAfterwards.set(Thread.currentThread().isInterrupted());
                outcome.complete(t);
            }
        });
        sender.start();
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();

        sender.interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS))
                .isInstanceOf(InterruptedIOException.class)
                .hasMessage("interrupted while waiting to retry");
        assertThat(interruptedAfterwards).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .hasMessage("initialBackoff must not be negative, was PT-0.001S");
    }

    private static Response unavailable(Request request) {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(503)
                .message("Service Unavailable")
                .body(ResponseBody.create("{}", MediaType.get("application/json")))
                .build();
    }
}
