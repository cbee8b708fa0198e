package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bodies of plain IDs are read in one pass over their bytes ({@link
 * CloudflareJson#readPlainIds}), every other body by Moshi; both paths must give the same IDs, and
 * the same error, for every body.
 */
class CloudflareJsonPropertiesTest {

  @Property(tries = 1000)
  void everyBodyReadsAsMoshiReadsIt(@ForAll("bodies") String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);

    assertThat(outcome(() -> CloudflareJson.readRegistrationIds(body)))
        .isEqualTo(outcome(() -> CloudflareJson.readWithMoshi(body)));
  }

  @Property(tries = 300)
  void arraysOfPlainIdsTakeTheFastPath(@ForAll("plainArrays") String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);

    List<String> fast = CloudflareJson.readPlainIds(body);

    assertThat(fast).as("read in one pass: %s", text).isNotNull();
    assertThat(RegistrationIds.ofPlain(fast)).containsExactlyElementsOf(CloudflareJson.readWithMoshi(body));
  }

  @Example
  void bodiesThatAreNotPlainArraysAreLeftToMoshi() {
    for (String text :
        List.of("", " ", "[]", "[\"\"]", "[\"a\",]", "[\"a\" \"b\"]", "[\"a\"] x", "[\"a\"", "[\"a\"]]",
            "[\"a.b\"]", "[\"a\\u0041\"]", "[\"\u00e9\"]", "\f[\"a\"]", "[\"a\"]\u00a0", "[[\"a\"]]", "{\"a\":1}")) {
      assertThat(CloudflareJson.readPlainIds(text.getBytes(StandardCharsets.UTF_8))).as(text).isNull();
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

  @Provide
  Arbitrary<String> plainArrays() {
    Arbitrary<String> id = Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> space = Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(3);
    Arbitrary<String> element = Combinators.combine(space, id, space).as((a, s, b) -> a + "\"" + s + "\"" + b);
    return Combinators.combine(space, element.list().ofMinSize(1).ofMaxSize(30), space)
        .as((a, elements, b) -> a + "[" + String.join(",", elements) + "]" + b);
  }

  /** Arrays of plain and other IDs, duplicates, odd spacing, and some of them broken. */
  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> id =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab01-_").ofMaxLength(6),
            Arbitraries.strings().withChars("ab-_./\\\" \u00e9\u4e00\u0001").ofMaxLength(6),
            Arbitraries.of("a", "b", "\\u0041", "\\\"", "\\/", "\\n", "\uD83D\uDE00"));
    Arbitrary<String> space = Arbitraries.strings().withChars(" \t\r\n\f\u00a0\u2003").ofMaxLength(2);
    Arbitrary<String> element =
        Arbitraries.oneOf(
            Combinators.combine(space, id, space).as((a, s, b) -> a + "\"" + s + "\"" + b),
            Arbitraries.of("1", "null", "true", "[]", "{}", "[\"a\"]", "\"a\" \"b\""));
    Arbitrary<String> array =
        Combinators.combine(space, element.list().ofMaxSize(8), space)
            .as((a, elements, b) -> a + "[" + String.join(",", elements) + "]" + b);
    Arbitrary<String> broken =
        Combinators.combine(array, Arbitraries.integers().between(0, 1000), Arbitraries.of("", "[", "]", ",", "\"", "x", " "))
            .as((body, at, insert) -> {
              int i = at % (body.length() + 1);
              return body.substring(0, i) + insert + body.substring(Math.min(body.length(), i + (insert.isEmpty() ? 1 : 0)));
            });
    return Arbitraries.oneOf(array, array, broken, Arbitraries.of("", " ", "null", "\"a\"", "{}"));
  }
}
