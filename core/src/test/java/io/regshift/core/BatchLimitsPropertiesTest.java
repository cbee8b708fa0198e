package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;

/**
 * {@link BatchLimits} encodes each ID once and hands OkHttp whole query strings; the URLs must be
 * exactly those OkHttp builds when it is given the IDs one by one with {@code addQueryParameter}.
 */
class BatchLimitsPropertiesTest {
  private static final Deprecation REVOKE = Catalog.standard().require("revoke");

  @Property(tries = 300)
  void everyUrlIsTheOneOkHttpBuildsParameterByParameter(
      @ForAll("idLists") List<String> given, @ForAll("baseUrls") String base) {
    RegistrationIds ids;
    try {
      ids = RegistrationIds.of(given);
    } catch (IllegalArgumentException refused) {
      Assume.that(false);
      return;
    }
    HttpUrl baseUrl = HttpUrl.get(base);

    List<ReplacementCall> calls = BatchLimits.of(37, 1024).split(baseUrl, REVOKE, "acc 1", ids);

    List<String> carried = new ArrayList<>();
    for (ReplacementCall call : calls) {
      HttpUrl.Builder expected = baseUrl.newBuilder();
      for (String segment : REVOKE.replacement().pathSegments("acc 1")) {
        expected.addPathSegment(segment);
      }
      for (String id : call.ids()) {
        expected.addQueryParameter("id", id);
      }
      assertThat(call.url().toString()).isEqualTo(expected.build().toString());
      assertThat(call.url().queryParameterValues("id")).isEqualTo(call.ids());
      carried.addAll(call.ids());
    }
    assertThat(carried).isEqualTo(ids);
  }

  @Property(tries = 500)
  void encodesAComponentAsOkHttpDoes(@ForAll("ids") String id) {
    String expected = HttpUrl.get("http://h/").newBuilder().addQueryParameter("id", id).build().encodedQuery();

    assertThat("id=" + BatchLimits.encodeQueryComponent(id)).isEqualTo(expected);
  }

  @Example
  void encodesTheTildeAsOkHttpDoes() {
    // OkHttp encodes '~' in a query component; a shrunk failure of the property above found it
    for (String id : List.of("~", "a~b", "a.b_c-d")) {
      encodesAComponentAsOkHttpDoes(id);
    }
  }

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<String> id =
        Arbitraries.strings()
            .withChars("abcXYZ019-_.~ &=?#%+;,:@!$'()*[]\"<>|^`{}/\\\t")
            .withCharRange('\u00e0', '\u00ff')
            .withCharRange('\u4e00', '\u4e10')
            .ofMinLength(1)
            .ofMaxLength(40);
    return Combinators.combine(id, Arbitraries.of("", "\uD83D\uDE00", "%41", "%zz", "+")).as(String::concat);
  }

  @Provide
  Arbitrary<List<String>> idLists() {
    return Arbitraries.oneOf(ids(), Arbitraries.strings().withChars("abcdef0123456789-").ofLength(36))
        .list()
        .ofMinSize(1)
        .ofMaxSize(120);
  }

  @Provide
  Arbitrary<String> baseUrls() {
    return Arbitraries.of(
        "https://api.cloudflare.com/client/v4",
        "https://api.cloudflare.com/client/v4/",
        "http://localhost:8080/",
        "http://h/v4?trace=1&x=a%20b",
        "http://h/v4?");
  }
}
