package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every request body reads to its distinct IDs in order, or is refused with an {@link
 * IllegalArgumentException} and a message: no other exception, for any body.
 */
class CloudflareJsonPropertiesTest {

    @Test
    void everyBodyReadsToIdsOrIsRefusedWithAMessage() {
        for (String text : List.of(
                "",
                " ",
                "[]",
                " [ ] ",
                "[\"\"]",
                "[\"a\"]",
                "[\"a\",\"a\"]",
                "[\"\\u0041\"]",
                "[1]",
                "[null]",
                "[true]",
                "[[]]",
                "[{}]",
                "[\"a\" \"b\"]",
                "[",
                "]",
                ",",
                "\"",
                "x",
                "[,]",
                "[\"a\",]",
                "[\"a\"] x",
                "[\"a\"]]",
                "null",
                "\"a\"",
                "{}",
                "{\"a\":1}",
                "\u00a0[\"a\"]",
                "[\"a\"]\u2003",
                "\f[\"a\"]")) {
            readsOrRefuses(text);
        }
        qt().withExamples(1000).forAll(bodies()).checkAssert(this::readsOrRefuses);
    }

    private void readsOrRefuses(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        Object outcome = outcome(() -> CloudflareJson.readRegistrationIds(body));

        if (outcome instanceof String) {
            assertThat((String) outcome).as("refusal of %s", text).isNotBlank();
        } else {
            RegistrationIds ids = (RegistrationIds) outcome;
            assertThat(ids).as("read %s", text).isNotEmpty().doesNotHaveDuplicates();
            String written = CloudflareJson.registrationIds().toJson(ids);
            assertThat(CloudflareJson.readRegistrationIds(written.getBytes(StandardCharsets.UTF_8)))
                    .as("%s written back as %s", text, written)
                    .containsExactlyElementsOf(ids);
        }
    }

    @Test
    void arraysOfIdsReadAsTheirDistinctIdsInOrder() {
        String longest = "abcXYZ019-_".repeat(4).substring(0, 40);
        readsAs(" \t\r\n[ \t\r\n\"a\" \t\r\n] \t\r\n", List.of("a"));
        readsAs("[\"_\"]", List.of("_"));
        readsAs("[" + String.join(",", Collections.nCopies(30, "\"" + longest + "\"")) + "]", List.of(longest));
        readsAs("[\"a.b\", \"a\\u0041\", \"\u00e9\"]", List.of("a.b", "aA", "\u00e9"));
        qt().withExamples(300)
                .forAll(lists().of(Generators.strings("abcXYZ019-_é%", 1, 40)).ofSizeBetween(1, 30), spaces())
                .checkAssert((ids, space) -> readsAs(
                        space + "[" + space
                                + ids.stream()
                                        .map(id -> "\"" + id + "\"")
                                        .collect(Collectors.joining(space + "," + space))
                                + space + "]" + space,
                        ids.stream().distinct().collect(Collectors.toList())));
    }

    private static void readsAs(String text, List<String> expected) {
        assertThat(CloudflareJson.readRegistrationIds(text.getBytes(StandardCharsets.UTF_8)))
                .as(text)
                .containsExactlyElementsOf(expected);
    }

    /** The IDs read, or the message of the error. */
    private static Object outcome(java.util.function.Supplier<RegistrationIds> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Gen<String> spaces() {
        return Generators.strings(" \t\r\n", 0, 3);
    }

    /** Arrays of plain and other IDs, duplicates, odd spacing, and some of them broken. */
    private static Gen<String> bodies() {
        Gen<String> id = Generate.oneOf(
                Generators.strings("ab01-_", 0, 6),
                Generators.strings("ab-_./\\\" \u00e9\u4e00\u0001", 0, 6),
                Generate.pick(List.of("a", "b", "\\u0041", "\\\"", "\\/", "\\n", "\uD83D\uDE00")));
        Gen<String> space = Generators.strings(" \t\r\n\f\u00a0\u2003", 0, 2);
        Gen<String> element = Generate.oneOf(
                space.zip(id, space, (a, s, b) -> a + "\"" + s + "\"" + b),
                Generate.pick(List.of("1", "null", "true", "[]", "{}", "[\"a\"]", "\"a\" \"b\"")));
        Gen<String> array = space.zip(
                lists().of(element).ofSizeBetween(0, 8),
                space,
                (a, elements, b) -> a + "[" + String.join(",", elements) + "]" + b);
        Gen<String> broken = array.zip(
                integers().between(0, 1000),
                Generate.pick(List.of("", "[", "]", ",", "\"", "x", " ")),
                (body, at, insert) -> {
                    int i = at % (body.length() + 1);
                    return body.substring(0, i)
                            + insert
                            + body.substring(Math.min(body.length(), i + (insert.isEmpty() ? 1 : 0)));
                });
        return Generate.oneOf(array, array, broken, Generate.pick(List.of("", " ", "null", "\"a\"", "{}")));
    }
}
