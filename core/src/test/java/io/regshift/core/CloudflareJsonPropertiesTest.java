package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Bodies of plain IDs are read in one pass over their bytes ({@link
 * CloudflareJson#readPlainIds}), every other body by Moshi; both paths must give the same IDs, and
 * the same error, for every body.
 */
class CloudflareJsonPropertiesTest {

    @Test
    void everyBodyReadsAsMoshiReadsIt() {
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
                "null",
                "\"a\"",
                "{}",
                "\u00a0[\"a\"]",
                "[\"a\"]\u2003",
                "\f[\"a\"]")) {
            readsAsMoshiReadsIt(text);
        }
        qt().withExamples(1000).forAll(bodies()).checkAssert(this::readsAsMoshiReadsIt);
    }

    private void readsAsMoshiReadsIt(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        assertThat(outcome(() -> CloudflareJson.readRegistrationIds(body)))
                .as("read %s", text)
                .isEqualTo(outcome(() -> CloudflareJson.readWithMoshi(body)));
    }

    @Test
    void arraysOfPlainIdsTakeTheFastPath() {
        String longest = "abcXYZ019-_".repeat(4).substring(0, 40);
        for (String text : List.of(
                "[\"a\"]",
                "[\"_\"]",
                "[\"" + longest + "\"]",
                " \t\r\n[ \t\r\n\"a\" \t\r\n] \t\r\n",
                "[" + String.join(",", Collections.nCopies(30, "\"" + longest + "\"")) + "]")) {
            takesTheFastPath(text);
        }
        qt().withExamples(300).forAll(plainArrays()).checkAssert(this::takesTheFastPath);
    }

    private void takesTheFastPath(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        List<String> fast = CloudflareJson.readPlainIds(body);

        assertThat(fast).as("read in one pass: %s", text).isNotNull();
        assertThat(RegistrationIds.ofPlain(fast))
                .as(text)
                .containsExactlyElementsOf(CloudflareJson.readWithMoshi(body));
    }

    @Test
    void bodiesThatAreNotPlainArraysAreLeftToMoshi() {
        for (String text : List.of(
                "",
                " ",
                "[]",
                "[\"\"]",
                "[\"a\",]",
                "[\"a\" \"b\"]",
                "[\"a\"] x",
                "[\"a\"",
                "[\"a\"]]",
                "[\"a.b\"]",
                "[\"a\\u0041\"]",
                "[\"\u00e9\"]",
                "\f[\"a\"]",
                "[\"a\"]\u00a0",
                "[[\"a\"]]",
                "{\"a\":1}")) {
            assertThat(CloudflareJson.readPlainIds(text.getBytes(StandardCharsets.UTF_8)))
                    .as(text)
                    .isNull();
        }
    }

    /** The IDs read, or the message of the error. */
    private static Object outcome(java.util.function.Supplier<RegistrationIds> read) {
        try {
            return List.copyOf(read.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Gen<String> plainArrays() {
        Gen<String> id = Generators.strings("abcXYZ019-_", 1, 40);
        Gen<String> space = Generators.strings(" \t\r\n", 0, 3);
        Gen<String> element = space.zip(id, space, (a, s, b) -> a + "\"" + s + "\"" + b);
        return space.zip(
                lists().of(element).ofSizeBetween(1, 30),
                space,
                (a, elements, b) -> a + "[" + String.join(",", elements) + "]" + b);
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
