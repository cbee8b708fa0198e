package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudflareJsonTest {
    @Test
    void readsAFullEnvelopeAndIgnoresUnknownFields() throws Exception {
        String json = "{\"errors\":[{\"code\":1003,\"message\":\"Invalid id\",\"documentation_url\":\"https://x\","
                + "\"source\":{\"pointer\":\"/id/0\"},\"extra\":1}],"
                + "\"messages\":[{\"code\":1000,\"message\":\"note\"}],"
                + "\"result\":{\"k\":\"v\"},\"success\":false,"
                + "\"result_info\":{\"count\":1,\"cursor\":\"c\",\"per_page\":20,\"total_count\":3},"
                + "\"future_field\":[1,2]}";

        Envelope envelope = CloudflareJson.envelope().fromJson(json);

        assertThat(envelope.success()).isFalse();
        ResponseInfo error = envelope.errors().get(0);
        assertThat(error.code()).isEqualTo(1003);
        assertThat(error.message()).isEqualTo("Invalid id");
        assertThat(error.documentationUrl()).hasValue("https://x");
        assertThat(error.sourcePointer()).hasValue("/id/0");
        assertThat(envelope.messages()).containsExactly(ResponseInfo.of(1000, "note"));
        assertThat(envelope.result()).isEqualTo(Map.of("k", "v"));
        ResultInfo info = envelope.resultInfo().orElseThrow();
        assertThat(info.count()).hasValue(1L);
        assertThat(info.cursor()).hasValue("c");
        assertThat(info.perPage()).hasValue(20L);
        assertThat(info.totalCount()).hasValue(3L);
    }

    @Test
    void resultMayBeAStringOrNullAndListsMayBeAbsent() throws Exception {
        Envelope string = CloudflareJson.envelope().fromJson("{\"result\":\"ok\",\"success\":true}");
        Envelope nothing = CloudflareJson.envelope().fromJson("{\"result\":null,\"success\":true}");

        assertThat(string.result()).isEqualTo("ok");
        assertThat(string.errors()).isEmpty();
        assertThat(nothing.result()).isNull();
        assertThat(nothing.messages()).isEmpty();
        assertThat(nothing.resultInfo()).isEmpty();
    }

    @Test
    void writesEnvelopesThatReadBackEqual() throws Exception {
        Envelope failure = Envelope.failure(
                List.of(ResponseInfo.of(1001, "bad")
                        .withDocumentationUrl("https://d")
                        .withSourcePointer("/0")),
                List.of("a"));

        String json = CloudflareJson.envelope().toJson(failure);

        assertThat(json).contains("\"documentation_url\":\"https://d\"").contains("\"source\":{\"pointer\":\"/0\"}");
        assertThat(CloudflareJson.envelope().fromJson(json)).isEqualTo(failure);
    }

    @Test
    void readsABodyOfIdStringsDroppingDuplicates() {
        RegistrationIds ids = CloudflareJson.readRegistrationIds(bytes("[\"a\", \"b\", \"a\"]"));

        assertThat(ids).containsExactly("a", "b");
    }

    @Test
    void readsIdsOutsideAsciiFromTheUtf8Bytes() {
        RegistrationIds ids = CloudflareJson.readRegistrationIds(bytes("[\"é-1\", \"\uD83D\uDE00\", \"\u4e00\"]"));

        assertThat(ids).containsExactly("é-1", "\uD83D\uDE00", "\u4e00");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[\"a\", 42]                | element [1] is a number (42)",
                "[null]                     | element [0] is null",
                "[\"a\", [\"b\"]]           | element [1] is an array",
                "[{\"id\": \"a\"}]          | element [0] is an object",
                "[true]                     | element [0] is a boolean",
                "{\"ids\": [\"a\"]}         | expected a JSON array of registration ID strings but found an object",
                "\"a\"                      | expected a JSON array of registration ID strings but found a string",
                "[]                         | no registration IDs given",
                "[\"a\", \"\"]              | registration ID [1] \"\" is empty",
                "[\"a/b\"]                  | path separator",
                "[\"a\"] x                  | not valid JSON",
                "[\"a\"                     | not valid JSON",
                "null                       | request body is null",
            })
    void refusesAnythingButAnArrayOfValidIdStrings(String body, String message) {
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(bytes(body)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesEmptyBodiesAndInvalidUtf8() {
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(new byte[0]))
                .hasMessageContaining("request body is empty");
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(bytes(" \t\r\n")))
                .hasMessageContaining("request body is empty");
        // whitespace beyond ASCII (U+2003 EM SPACE) is blank too
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(bytes(" \u2003 ")))
                .hasMessageContaining("request body is empty");
        byte[] invalid = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(invalid)).hasMessageContaining("not valid UTF-8");
        byte[] truncated = {'[', '"', 'a', '"', ']', ' ', (byte) 0xE2, (byte) 0x80};
        assertThatThrownBy(() -> CloudflareJson.readRegistrationIds(truncated)).hasMessageContaining("not valid UTF-8");
        assertThat(CloudflareJson.readRegistrationIds(bytes("[\"caf\u00e9\"]"))).containsExactly("caf\u00e9");
    }

    @Test
    void writesIdsAsAJsonArray() {
        assertThat(CloudflareJson.registrationIds().toJson(RegistrationIds.of("a\"b", "é")))
                .isEqualTo("[\"a\\\"b\",\"é\"]");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
