package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The word-at-a-time search answers exactly as a plain substring search would. */
class PrefilterPropertiesTest {
    private static final Prefilter EVOKE = new Prefilter(List.of("evoke"));

    private static final String TEXT_CHARS = "evokEVOKvx \n\u00e9\u00ff";
    private static final String NEEDLE_CHARS = "evokEVOKvx \u00e9";
    private static final List<String> EDGE_TEXTS = List.of(
            "",
            "e",
            "evok",
            "evoke",
            "EVOKE",
            "\u00ff",
            "\n",
            "evoke".repeat(12) + "evok",
            "x".repeat(63) + "e",
            "\u00e9".repeat(64));
    private static final List<String> EDGE_NEEDLES =
            List.of("e", "x", " ", "\u00e9", "evoke", "evokevo", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
    private static final List<Integer> EDGE_OFFSETS = List.of(0, 1, 149, 150);

    @Test
    void agreesWithStringContains() {
        EDGE_TEXTS.forEach(this::agreesWithContains);
        qt().withExamples(2000).forAll(texts()).checkAssert(this::agreesWithContains);
    }

    private void agreesWithContains(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(EVOKE.anyIn(bytes, bytes.length)).as(text).isEqualTo(text.contains("evoke"));
    }

    @Test
    void looksOnlyAtTheGivenLength() {
        EDGE_TEXTS.forEach(this::looksOnlyAt);
        qt().withExamples(500).forAll(texts()).checkAssert(this::looksOnlyAt);
    }

    private void looksOnlyAt(String text) {
        byte[] bytes = (text + "evoke").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(EVOKE.anyIn(bytes, text.length())).as(text).isEqualTo(text.contains("evoke"));
        assertThat(EVOKE.anyIn(bytes, bytes.length)).as(text).isTrue();
    }

    @Test
    void findsTheNeedleAtEveryOffsetAndEdge() {
        for (int at = 0; at < 40; at++) {
            byte[] bytes = ("x".repeat(at) + "evoke" + "y".repeat(at % 9)).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(EVOKE.anyIn(bytes, bytes.length)).as("at %d", at).isTrue();
            assertThat(EVOKE.anyIn(bytes, at + 4)).as("cut at %d", at).isFalse();
        }
    }

    @Test
    void anyLiteralAgreesWithStringContains() {
        for (String needle : EDGE_NEEDLES) {
            EDGE_TEXTS.forEach(text -> literalAgreesWithContains(needle, text));
        }
        qt().withExamples(2000).forAll(needles(), texts()).checkAssert(this::literalAgreesWithContains);
    }

    private void literalAgreesWithContains(String needle, String text) {
        Prefilter prefilter = new Prefilter(List.of(needle));
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] planted = (text + needle + text).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(prefilter.anyIn(bytes, bytes.length))
                .as("%s in %s", needle, text)
                .isEqualTo(text.contains(needle));
        assertThat(prefilter.anyIn(planted, planted.length))
                .as("%s in %s", needle, planted)
                .isTrue();
    }

    @Test
    void findsWhereStringIndexOfDoesWithinBounds() {
        for (String needle : EDGE_NEEDLES) {
            for (String text : EDGE_TEXTS) {
                for (int a : EDGE_OFFSETS) {
                    for (int b : EDGE_OFFSETS) {
                        findsWhereIndexOfDoes(needle, text, a, b);
                    }
                }
            }
        }
        qt().withExamples(2000)
                .forAll(needles(), texts(), offsets(), offsets())
                .checkAssert(this::findsWhereIndexOfDoes);
    }

    private void findsWhereIndexOfDoes(String needle, String text, int a, int b) {
        String planted = text + needle + text + needle;
        byte[] bytes = planted.getBytes(StandardCharsets.ISO_8859_1);
        int from = Math.min(Math.min(a, b), bytes.length);
        int to = Math.min(Math.max(a, b), bytes.length);

        assertThat(new Literal(needle).indexOf(bytes, from, to))
                .as("%s in [%d, %d) of %s", needle, from, to, planted)
                .isEqualTo(planted.substring(0, to).indexOf(needle, from));
    }

    @Test
    void aPrefilterFindsTheFirstOfItsLiterals() {
        for (String one : EDGE_NEEDLES) {
            for (String other : EDGE_NEEDLES) {
                for (String text : EDGE_TEXTS) {
                    EDGE_OFFSETS.forEach(from -> findsTheFirstOf(one, other, text, from));
                }
            }
        }
        qt().withExamples(1000).forAll(needles(), needles(), texts(), offsets()).checkAssert(this::findsTheFirstOf);
    }

    private void findsTheFirstOf(String one, String other, String text, int from) {
        String planted = text + one + text + other + text;
        byte[] bytes = planted.getBytes(StandardCharsets.ISO_8859_1);
        int start = Math.min(from, bytes.length);
        int expected = firstOf(planted.indexOf(one, start), planted.indexOf(other, start));

        assertThat(new Prefilter(List.of(one, other)).indexOf(bytes, start, bytes.length))
                .as("%s or %s from %d in %s", one, other, start, planted)
                .isEqualTo(expected);
    }

    private static int firstOf(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static Gen<Integer> offsets() {
        return integers().between(0, 150);
    }

    private static Gen<String> needles() {
        return strings(NEEDLE_CHARS, 1, 7);
    }

    private static Gen<String> texts() {
        return strings(TEXT_CHARS, 0, 64);
    }

    private static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
        return lists().of(Generate.pick(chars))
                .ofSizeBetween(minLength, maxLength)
                .map(picked -> picked.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
