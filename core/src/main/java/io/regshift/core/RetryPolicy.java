package io.regshift.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Request;
import okhttp3.Response;

/**
 * When to send a replacement call again: on HTTP 429 (after its {@code Retry-After}), on 502, 503
 * and 504, and on connection failures, with bounded exponential backoff and jitter, at most
 * {@link #maxAttempts()} times and never past a deadline. Other 4xx and 5xx answers are final.
 *
 * <p>Retrying is safe because revoking (and unrevoking) an ID twice has the same effect as once.
 * {@link #send} takes any way of sending a request, so code outside {@link RegistrationsClient}
 * (an OkHttp interceptor's chain, say) can retry exactly like it.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration deadline;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.deadline = builder.deadline;
    }

    /** 5 attempts, backoff from 250 ms doubling up to 8 s, within 60 s in all. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .deadline(deadline);
    }

    /** Attempts per call, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The time one whole operation (every batch, every attempt) may take. */
    public Duration deadline() {
        return deadline;
    }

    /** 429, 502, 503 and 504: the statuses worth another attempt. */
    public static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Sends {@code request} with {@code sender} until it gets a final answer, attempts run out, or
     * the next wait would pass {@code deadlineNanos} (a {@link System#nanoTime()} value). Responses
     * that are retried are closed; the last response or connection failure is returned.
     *
     * @throws InterruptedIOException if the thread is interrupted while waiting
     */
    public Exchange send(Request request, Sender sender, long deadlineNanos) throws InterruptedIOException {
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            IOException failure = null;
            try {
                response = sender.send(request);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                failure = e;
            } catch (IOException e) {
                failure = e;
            }
            if (response != null && !isRetryable(response.code())) {
                return new Exchange(response, null, attempt);
            }
            Duration wait = backoff(attempt, response == null ? null : response.header("Retry-After"));
            boolean lastAttempt = attempt >= maxAttempts || System.nanoTime() + wait.toNanos() >= deadlineNanos;
            if (lastAttempt) {
                return new Exchange(response, failure, attempt);
            }
            if (response != null) {
                response.close();
            }
            sleep(wait);
        }
    }

    /**
     * How long to wait before attempt {@code attempt + 1}: the server's {@code Retry-After} when it
     * sent one, else exponential backoff with jitter, capped at {@link #maxBackoff()}.
     */
    Duration backoff(int attempt, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked;
        }
        long ceiling = initialBackoff.toNanos() << Math.min(attempt - 1, 30);
        if (ceiling <= 0 || ceiling > maxBackoff.toNanos()) {
            ceiling = maxBackoff.toNanos();
        }
        // "Equal jitter": at least half the exponential step, so waits still grow.
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static void sleep(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts="
                + maxAttempts
                + ", backoff="
                + initialBackoff
                + ".."
                + maxBackoff
                + ", deadline="
                + deadline
                + "}";
    }

    /** Sends one attempt of a request: {@code chain::proceed} or {@code r -> client.newCall(r).execute()}. */
    public interface Sender {
        Response send(Request request) throws IOException;
    }

    /** The end of a {@link #send}: a response, or the connection failure of the last attempt. */
    public static final class Exchange {
        private final Response response;
        private final IOException failure;
        private final int attempts;

        Exchange(Response response, IOException failure, int attempts) {
            this.response = response;
            this.failure = failure;
            this.attempts = attempts;
        }

        /** The last response, unread; null if the last attempt failed to connect. The caller closes it. */
        public Response response() {
            return response;
        }

        /** Why the last attempt got no response; null if it got one. */
        public IOException failure() {
            return failure;
        }

        /** How many attempts were made. */
        public int attempts() {
            return attempts;
        }
    }

    /** Configures a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration deadline = Duration.ofSeconds(60);

        private Builder() {}

        /** Attempts per call, the first included; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
            return this;
        }

        /** The time one whole operation may take, waits included. */
        public Builder deadline(Duration deadline) {
            this.deadline = nonNegative("deadline", deadline);
            if (deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            return this;
        }

        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "maxBackoff (" + maxBackoff + ") is less than initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
