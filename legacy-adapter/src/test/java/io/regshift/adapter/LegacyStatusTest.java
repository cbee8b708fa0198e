package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.BatchLimits;
import io.regshift.core.Envelope;
import io.regshift.core.ReplacementCall;
import io.regshift.core.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Which status and errors an old caller gets from {@link LegacyTranslation#respond} when not all went well. */
class LegacyStatusTest {
    private final LegacyTranslation translation = LegacyTranslation.create(
            List.of(HttpUrl.get("https://api.cloudflare.com/client/v4")), BatchLimits.of(2, 8192));
    private final LegacyCall call = translation
            .recognise("POST", HttpUrl.get("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke"))
            .orElseThrow();

    /** Replacement calls of two IDs each. */
    private List<ReplacementCall> calls(int ids) {
        String body =
                IntStream.range(0, ids).mapToObj(i -> "\"id-" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        return translation.plan(call, body.getBytes(StandardCharsets.UTF_8)).calls();
    }

    private LegacyResponse answer(int status, Envelope envelope, int attempts) {
        return translation.respond(
                call, List.of(ReplacementOutcome.answered(calls(2).get(0), status, envelope, attempts)));
    }

    private static Envelope refused(int code, String message) {
        return Envelope.failure(List.of(ResponseInfo.of(code, message)), null);
    }

    @Test
    void a200WhoseEnvelopeSaysSuccessFalseIsA502() {
        assertThat(answer(200, refused(1100, "nope"), 1).status()).isEqualTo(502);
    }

    @Test
    void anyOther2xxWithoutSuccessIsA502Too() {
        assertThat(answer(299, refused(1100, "nope"), 1).status()).isEqualTo(502);
        assertThat(answer(204, null, 1).status()).isEqualTo(502);
    }

    @Test
    void aClientOrServerErrorReachesTheCallerWithItsOwnStatus() {
        assertThat(answer(403, refused(10000, "forbidden"), 1).status()).isEqualTo(403);
        assertThat(answer(500, refused(1000, "broken"), 1).status()).isEqualTo(500);
    }

    @Test
    void theFirstFailedCallDecidesTheStatus() {
        List<ReplacementCall> calls = calls(6);

        LegacyResponse answer = translation.respond(
                call,
                List.of(
                        ReplacementOutcome.answered(calls.get(0), 200, Envelope.success(null), 1),
                        ReplacementOutcome.answered(calls.get(1), 500, refused(1000, "broken"), 1),
                        ReplacementOutcome.answered(calls.get(2), 429, refused(971, "slow down"), 1)));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.failedIds()).containsExactly("id-2", "id-3", "id-4", "id-5");
        assertThat(answer.succeededIds()).containsExactly("id-0", "id-1");
    }

    @Test
    void anAnswerThatIsNotAnEnvelopeIsNamedSo() {
        LegacyResponse answer = answer(500, null, 1);

        assertThat(answer.envelope().errors().get(1))
                .isEqualTo(ResponseInfo.of(
                        ErrorCodes.UPSTREAM_NOT_AN_ENVELOPE, "Cloudflare answered HTTP 500 without an error envelope"));
    }

    @Test
    void anEnvelopeWithoutErrorsIsNamedSoWithItsAttempts() {
        LegacyResponse answer = answer(503, Envelope.failure(List.of(), null), 2);

        assertThat(answer.envelope().errors().get(1))
                .isEqualTo(ResponseInfo.of(
                        ErrorCodes.UPSTREAM_NOT_AN_ENVELOPE,
                        "Cloudflare answered HTTP 503 after 2 attempts with success: false and no errors"));
    }

    @Test
    void cloudflareCodesFrom1000OnAreKeptAndLowerOnesAreWrapped() {
        LegacyResponse kept = answer(400, refused(1000, "bad"), 1);
        LegacyResponse wrapped = answer(400, refused(999, "odd"), 1);

        assertThat(kept.envelope().errors().get(1)).isEqualTo(ResponseInfo.of(1000, "bad"));
        assertThat(wrapped.envelope().errors().get(1))
                .isEqualTo(ResponseInfo.of(ErrorCodes.UPSTREAM_CODE_BELOW_1000, "[Cloudflare 999] odd"));
    }

    @Test
    void anUnreachableUpstreamAfterOneAttemptDoesNotMentionAttempts() {
        LegacyResponse answer = translation.respond(
                call,
                List.of(ReplacementOutcome.unreachable(calls(2).get(0), new java.net.ConnectException("refused"), 1)));

        assertThat(answer.envelope().errors().get(1))
                .isEqualTo(ResponseInfo.of(
                        ErrorCodes.UPSTREAM_UNREACHABLE, "Cloudflare could not be reached: ConnectException: refused"));
    }
}
