package io.regshift.scan.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word-at-a-time search answers exactly as a plain substring search would. */
class PrefilterPropertiesTest {
  private static final Prefilter EVOKE = new Prefilter(List.of("evoke"));

  @Property(tries = 2000)
  void agreesWithStringContains(@ForAll("texts") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

    assertThat(EVOKE.anyIn(bytes, bytes.length)).isEqualTo(text.contains("evoke"));
  }

  @Property(tries = 500)
  void looksOnlyAtTheGivenLength(@ForAll("texts") String text) {
    byte[] bytes = (text + "evoke").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(EVOKE.anyIn(bytes, text.length())).isEqualTo(text.contains("evoke"));
    assertThat(EVOKE.anyIn(bytes, bytes.length)).isTrue();
  }

  @Example
  void findsTheNeedleAtEveryOffsetAndEdge() {
    for (int at = 0; at < 40; at++) {
      byte[] bytes = ("x".repeat(at) + "evoke" + "y".repeat(at % 9)).getBytes(StandardCharsets.ISO_8859_1);
      assertThat(EVOKE.anyIn(bytes, bytes.length)).as("at %d", at).isTrue();
      assertThat(EVOKE.anyIn(bytes, at + 4)).as("cut at %d", at).isFalse();
    }
  }

  @Property(tries = 2000)
  void anyLiteralAgreesWithStringContains(@ForAll("needles") String needle, @ForAll("texts") String text) {
    Prefilter prefilter = new Prefilter(List.of(needle));
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] planted = (text + needle + text).getBytes(StandardCharsets.ISO_8859_1);

    assertThat(prefilter.anyIn(bytes, bytes.length)).isEqualTo(text.contains(needle));
    assertThat(prefilter.anyIn(planted, planted.length)).isTrue();
  }

  @Property(tries = 2000)
  void findsWhereStringIndexOfDoesWithinBounds(
      @ForAll("needles") String needle, @ForAll("texts") String text, @ForAll("offsets") int a, @ForAll("offsets") int b) {
    String planted = text + needle + text + needle;
    byte[] bytes = planted.getBytes(StandardCharsets.ISO_8859_1);
    int from = Math.min(Math.min(a, b), bytes.length);
    int to = Math.min(Math.max(a, b), bytes.length);

    assertThat(new Literal(needle).indexOf(bytes, from, to))
        .as("%s in [%d, %d) of %s", needle, from, to, planted)
        .isEqualTo(planted.substring(0, to).indexOf(needle, from));
  }

  @Property(tries = 1000)
  void aPrefilterFindsTheFirstOfItsLiterals(
      @ForAll("needles") String one, @ForAll("needles") String other, @ForAll("texts") String text, @ForAll("offsets") int from) {
    String planted = text + one + text + other + text;
    byte[] bytes = planted.getBytes(StandardCharsets.ISO_8859_1);
    int start = Math.min(from, bytes.length);
    int expected = firstOf(planted.indexOf(one, start), planted.indexOf(other, start));

    assertThat(new Prefilter(List.of(one, other)).indexOf(bytes, start, bytes.length)).isEqualTo(expected);
  }

  private static int firstOf(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 150);
  }

  @Provide
  Arbitrary<String> needles() {
    return Arbitraries.strings().withChars("evokEVOKvx \u00e9").ofMinLength(1).ofMaxLength(7);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("evokEVOKvx \n\u00e9\u00ff").ofMaxLength(64);
  }
}
