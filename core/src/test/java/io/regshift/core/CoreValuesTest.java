package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public values of core compare by content and describe themselves for logs. */
class CoreValuesTest {
    private static Envelope envelope(String json) throws IOException {
        return CloudflareJson.envelope().fromJson(json);
    }

    @Test
    void envelopesReadFromTheSameJsonAreEqualAndDifferentOnesAreNot() throws IOException {
        String json =
                "{\"success\":false,\"errors\":[{\"code\":1100,\"message\":\"nope\"}],\"messages\":[],\"result\":null,"
                        + "\"result_info\":{\"count\":1,\"cursor\":\"c\",\"per_page\":20,\"total_count\":1}}";
        Envelope one = envelope(json);

        assertThat(one).isEqualTo(envelope(json)).hasSameHashCodeAs(envelope(json));
        assertThat(one).isNotEqualTo(envelope(json.replace("\"cursor\":\"c\"", "\"cursor\":\"d\"")));
        assertThat(one).isNotEqualTo(envelope(json.replace("nope", "other")));
        assertThat(one).isNotEqualTo(envelope(json.replace("\"success\":false", "\"success\":true")));
        assertThat(one).isNotEqualTo(json);
        assertThat(one.success()).isFalse();
        assertThat(one).hasToString("Envelope{success=false, errors=[1100: nope], messages=[], result=null}");
    }

    @Test
    void resultInfoComparesEveryCounter() throws IOException {
        String info = "{\"count\":1,\"cursor\":\"c\",\"per_page\":20,\"total_count\":7}";
        ResultInfo one = envelope("{\"success\":true,\"result_info\":" + info + "}")
                .resultInfo()
                .orElseThrow();
        ResultInfo same = envelope("{\"success\":true,\"result_info\":" + info + "}")
                .resultInfo()
                .orElseThrow();

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        for (String changed : List.of(
                info.replace("\"count\":1", "\"count\":2"),
                info.replace("\"c\"", "\"d\""),
                info.replace("20", "21"),
                info.replace("7", "8"))) {
            assertThat(one)
                    .as(changed)
                    .isNotEqualTo(envelope("{\"success\":true,\"result_info\":" + changed + "}")
                            .resultInfo()
                            .orElseThrow());
        }
        assertThat(one).isNotEqualTo(info);
        assertThat(one).hasToString("ResultInfo{count=1, cursor=c, perPage=20, totalCount=7}");
    }

    @Test
    void anEnvelopeWithMessagesKeepsEverythingElse() throws IOException {
        Envelope paged = envelope("{\"success\":true,\"result\":[],\"result_info\":{\"count\":0}}");

        Envelope noted = paged.withMessages(List.of(ResponseInfo.of(1, "note")));

        assertThat(noted.messages()).containsExactly(ResponseInfo.of(1, "note"));
        assertThat(noted.success()).isTrue();
        assertThat(noted.resultInfo()).isEqualTo(paged.resultInfo());
        assertThat(noted.withMessages(List.of())).isEqualTo(paged);
    }

    @Test
    void responseInfosCompareCodeMessageAndSource() {
        ResponseInfo info = ResponseInfo.of(1000, "bad");

        assertThat(info).isEqualTo(ResponseInfo.of(1000, "bad")).hasSameHashCodeAs(ResponseInfo.of(1000, "bad"));
        assertThat(info).isNotEqualTo(ResponseInfo.of(1001, "bad")).isNotEqualTo(ResponseInfo.of(1000, "other"));
        assertThat(info).isNotEqualTo(info.withSourcePointer("/id"));
        assertThat(info).isNotEqualTo("1000: bad");
        assertThat(info).hasToString("1000: bad");
    }

    @Test
    void endpointsCompareMethodAndPath() {
        Endpoint revoke = Endpoint.post("/accounts/{account_id}/devices/revoke");

        assertThat(revoke)
                .isEqualTo(Endpoint.post("/accounts/{account_id}/devices/revoke"))
                .hasSameHashCodeAs(Endpoint.post("/accounts/{account_id}/devices/revoke"));
        assertThat(revoke)
                .isNotEqualTo(Endpoint.post("/accounts/{account_id}/devices/unrevoke"))
                .isNotEqualTo("POST /accounts/{account_id}/devices/revoke");
        assertThat(revoke.method()).isEqualTo("POST");
        assertThat(revoke.templateSegments()).containsExactly("accounts", "{account_id}", "devices", "revoke");
        assertThat(revoke).hasToString("POST /accounts/{account_id}/devices/revoke");
    }

    @Test
    void aPathTemplateMustStartWithASlashNotEndWithOneAndNameTheAccount() {
        assertThatThrownBy(() -> Endpoint.post("accounts/{account_id}/devices"))
                .hasMessage("path template must start with '/' and not end with one: accounts/{account_id}/devices");
        assertThatThrownBy(() -> Endpoint.post("/accounts/{account_id}/devices/"))
                .hasMessage("path template must start with '/' and not end with one: /accounts/{account_id}/devices/");
        assertThatThrownBy(() -> Endpoint.post("/accounts/devices"))
                .hasMessage("path template lacks {account_id}: /accounts/devices");
    }

    @Test
    void aPathOfTheWrongLengthHasNoAccount() {
        Endpoint revoke = Endpoint.post("/accounts/{account_id}/devices/revoke");

        assertThat(revoke.matchAccountId(List.of("v4", "accounts", "a", "devices", "revoke"), 1))
                .hasValue("a");
        assertThat(revoke.matchAccountId(List.of("v4", "accounts", "a", "devices", "revoke", "x"), 1))
                .isEmpty();
        assertThat(revoke.matchAccountId(List.of("v4", "accounts", "a", "devices"), 1))
                .isEmpty();
    }

    @Test
    void deprecationsDescribeThemselvesForPeople() {
        Deprecation revoke = Catalog.standard().require("revoke");

        assertThat(revoke.title()).isEqualTo("Revoke devices");
        assertThat(revoke)
                .hasToString(
                        "POST /accounts/{account_id}/devices/revoke -> POST /accounts/{account_id}/devices/registrations/revoke (end of life 2025-11-11)");
    }

    @Test
    void anEmptyArrayIsRefusedAsNoIds() {
        assertThatThrownBy(() ->
                        CloudflareJson.readRegistrationIds("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one is required");
    }

    @Test
    void everySdkSpellingNamesTheDeprecatedAndTheReplacementCall() {
        for (Deprecation d : Catalog.standard().writes()) {
            assertThat(d.sdkCalls()).as(d.id()).isNotEmpty();
            for (SdkCall call : d.sdkCalls()) {
                assertThat(String.join(".", call.deprecatedChain()))
                        .as("%s in %s", d.id(), call.language())
                        .containsIgnoringCase("devices." + d.id());
                assertThat(String.join(".", call.replacementChain()))
                        .as("%s in %s", d.id(), call.language())
                        .containsIgnoringCase("registrations." + d.id());
            }
        }
    }

    @Test
    void aSuccessEnvelopeCarriesItsResultAndNoErrors() {
        Envelope envelope = Envelope.success("r");

        assertThat(envelope.success()).isTrue();
        assertThat(envelope.result()).isEqualTo("r");
        assertThat(envelope.errors()).isEmpty();
    }
}
