package io.regshift.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regshift.core.BatchLimits;
import io.regshift.core.Envelope;
import io.regshift.core.ReplacementCall;
import io.regshift.core.ResponseInfo;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyTranslationTest {
    private final LegacyTranslation translation = LegacyTranslation.create(
            List.of(
                    HttpUrl.get("https://api.cloudflare.com/client/v4"),
                    HttpUrl.get("http://127.0.0.1:8787/client/v4/")),
            BatchLimits.defaults());

    private LegacyCall recognise(String url) {
        return translation.recognise("POST", HttpUrl.get(url)).orElseThrow();
    }

    @Test
    void recognisesDeprecatedPostsUnderAConfiguredBaseUrl() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/acc%20x/devices/revoke");

        assertThat(call.deprecation().id()).isEqualTo("revoke");
        assertThat(call.accountId()).isEqualTo("acc x");
        assertThat(recognise("http://127.0.0.1:8787/client/v4/accounts/a/devices/unrevoke")
                        .deprecation()
                        .id())
                .isEqualTo("unrevoke");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.cloudflare.com/client/v4/accounts/a/devices/registrations/revoke",
                "https://api.cloudflare.com/client/v4/accounts/a/devices/physical-devices/d/revoke",
                "https://api.cloudflare.com/client/v4/accounts/a/devices",
                "https://api.cloudflare.com/client/v4/accounts/a/devices/revoke/extra",
                "https://api.cloudflare.com/client/v3/accounts/a/devices/revoke",
                "https://example.com/client/v4/accounts/a/devices/revoke",
                "http://api.cloudflare.com/client/v4/accounts/a/devices/revoke",
                "http://127.0.0.1:8788/client/v4/accounts/a/devices/revoke",
                "https://api.cloudflare.com/accounts/a/devices/revoke",
            })
    void leavesEverythingElseAlone(String url) {
        assertThat(translation.recognise("POST", HttpUrl.get(url))).isEmpty();
    }

    @Test
    void onlyPostsAreDeprecatedCalls() {
        assertThat(translation.recognise(
                        "GET", HttpUrl.get("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke")))
                .isEmpty();
    }

    @Test
    void plansBatchedReplacementCallsUnderTheSameBase() {
        LegacyCall call = recognise("http://127.0.0.1:8787/client/v4/accounts/acc/devices/revoke");
        String body =
                IntStream.range(0, 450).mapToObj(i -> "\"id-" + i + "\"").collect(Collectors.joining(",", "[", "]"));

        LegacyPlan plan = translation.plan(call, body.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.rejection()).isEmpty();
        assertThat(plan.calls()).extracting(c -> c.ids().size()).containsExactly(200, 200, 50);
        assertThat(plan.calls().get(0).url().toString())
                .startsWith(
                        "http://127.0.0.1:8787/client/v4/accounts/acc/devices/registrations/revoke?id=id-0&id=id-1&");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"ids\":[\"a\"]}",
                "[1,2]",
                "[null]",
                "[[\"a\"]]",
                "[]",
                "",
                "[\"a\",\"b\\nc\"]",
                "[\"a/b\"]",
                "[\"..\"]"
            })
    void badBodiesAreAnsweredLocallyWith400(String body) {
        LegacyPlan plan = translation.plan(
                recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke"),
                body.getBytes(StandardCharsets.UTF_8));

        LegacyResponse answer = plan.rejection().orElseThrow();
        assertThat(plan.calls()).isEmpty();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.envelope().success()).isFalse();
        ResponseInfo error = answer.envelope().errors().get(0);
        assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_BODY);
        assertThat(error.message()).startsWith("the request body must be a JSON array of registration ID strings: ");
    }

    @Test
    void badAccountIdsAreAnsweredLocally() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a%2F..%2Fb/devices/revoke");

        LegacyResponse answer = translation
                .plan(call, "[\"x\"]".getBytes(StandardCharsets.UTF_8))
                .rejection()
                .orElseThrow();

        assertThat(answer.envelope().errors().get(0).code()).isEqualTo(ErrorCodes.INVALID_IDENTIFIER);
        assertThat(answer.envelope().errors().get(0).message()).contains("account ID");
    }

    @Test
    void oversizedBodiesAreRefusedWithoutParsing() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke");

        LegacyResponse answer = translation
                .plan(call, new byte[LegacyTranslation.MAX_BODY_BYTES + 1])
                .rejection()
                .orElseThrow();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.envelope().errors().get(0).message()).contains("larger than 1048576 bytes");
    }

    @Test
    void allAcceptedIsA200SuccessEnvelope() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke");
        List<ReplacementCall> calls = translation
                .plan(call, "[\"x\",\"y\"]".getBytes(StandardCharsets.UTF_8))
                .calls();

        LegacyResponse answer = translation.respond(
                call, List.of(ReplacementOutcome.answered(calls.get(0), 200, Envelope.success(null), 1)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.envelope()).isEqualTo(Envelope.success(null));
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errors\":[],\"messages\":[],\"success\":true}");
        assertThat(answer.succeededIds()).containsExactly("x", "y");
    }

    @Test
    void allAcceptedOverSeveralCallsListsEveryIdOnceInOrder() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke");
        List<String> ids = IntStream.range(0, 450).mapToObj(i -> "id-" + i).collect(Collectors.toList());
        String body = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
        List<ReplacementCall> calls =
                translation.plan(call, body.getBytes(StandardCharsets.UTF_8)).calls();

        LegacyResponse answer = translation.respond(
                call,
                calls.stream()
                        .map(c -> ReplacementOutcome.answered(c, 200, Envelope.success(null), 1))
                        .collect(Collectors.toList()));

        assertThat(calls).hasSize(3);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.replacementCalls()).isEqualTo(3);
        assertThat(answer.succeededIds()).isEqualTo(ids);
        assertThat(answer.failedIds()).isEmpty();
        assertThatThrownBy(() -> answer.succeededIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFailedBatchGivesItsStatusErrorsAndExactlyItsIds() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/unrevoke");
        String body =
                IntStream.range(0, 450).mapToObj(i -> "\"id-" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        List<ReplacementCall> calls =
                translation.plan(call, body.getBytes(StandardCharsets.UTF_8)).calls();

        LegacyResponse answer = translation.respond(
                call,
                List.of(
                        ReplacementOutcome.answered(calls.get(0), 200, Envelope.success(null), 1),
                        ReplacementOutcome.answered(
                                calls.get(1),
                                429,
                                Envelope.failure(List.of(ResponseInfo.of(971, "slow down")), null),
                                5),
                        ReplacementOutcome.unreachable(calls.get(2), new SocketTimeoutException("read timed out"), 5)));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.failedIds())
                .isEqualTo(concat(calls.get(1).ids(), calls.get(2).ids()));
        assertThat(answer.envelope().success()).isFalse();
        assertThat(answer.envelope().errors())
                .extracting(ResponseInfo::code)
                .containsExactly(
                        ErrorCodes.NOT_ALL_IDS_DONE,
                        ErrorCodes.UPSTREAM_CODE_BELOW_1000,
                        ErrorCodes.UPSTREAM_UNREACHABLE);
        assertThat(answer.envelope().errors().get(0).message())
                .startsWith("250 of 450 registration IDs were not unrevoked");
        assertThat(answer.envelope().errors().get(1).message()).isEqualTo("[Cloudflare 971] slow down");
        assertThat(answer.envelope().errors().get(2).message())
                .contains("after 5 attempts")
                .contains("read timed out");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer.envelope().result();
        assertThat(result.get("failed_ids")).isEqualTo(answer.failedIds());
        assertThat(result.get("succeeded_ids")).isEqualTo(calls.get(0).ids());
    }

    @Test
    void anUnreachableUpstreamIs502AndATimeout504() {
        LegacyCall call = recognise("https://api.cloudflare.com/client/v4/accounts/a/devices/revoke");
        ReplacementCall only = translation
                .plan(call, "[\"x\"]".getBytes(StandardCharsets.UTF_8))
                .calls()
                .get(0);

        assertThat(translation
                        .respond(
                                call,
                                List.of(ReplacementOutcome.unreachable(
                                        only, new java.net.ConnectException("refused"), 1)))
                        .status())
                .isEqualTo(502);
        assertThat(translation
                        .respond(
                                call,
                                List.of(ReplacementOutcome.unreachable(only, new SocketTimeoutException("timeout"), 1)))
                        .status())
                .isEqualTo(504);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
