package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link BatchLimits} encodes each ID once and hands OkHttp whole query strings; the URLs must be
 * exactly those OkHttp builds when it is given the IDs one by one with {@code addQueryParameter}.
 */
class BatchLimitsPropertiesTest {
    private static final Deprecation REVOKE = Catalog.standard().require("revoke");

    private static final String ID_CHARS = "abcXYZ019-_.~ &=?#%+;,:@!$'()*[]\"<>|^`{}/\\\t"
            + Generators.range('\u00e0', '\u00ff')
            + Generators.range('\u4e00', '\u4e10');
    private static final String ACCEPTED_CHARS = ID_CHARS.replaceAll("[\t/\\\\]", "");
    private static final List<String> SUFFIXES = List.of("", "\uD83D\uDE00", "%41", "%zz", "+");
    private static final List<String> BASE_URLS = List.of(
            "https://api.cloudflare.com/client/v4",
            "https://api.cloudflare.com/client/v4/",
            "http://localhost:8080/",
            "http://h/v4?trace=1&x=a%20b",
            "http://h/v4?");

    @Test
    void everyUrlIsTheOneOkHttpBuildsParameterByParameter() {
        for (List<String> ids : edgeIdLists()) {
            for (String base : BASE_URLS) {
                urlsAreTheOnesOkHttpBuilds(ids, base);
            }
        }
        // lists of up to 120 IDs shrink slowly: a bounded shrink keeps a failing run short
        qt().withExamples(300)
                .withShrinkCycles(2000)
                .forAll(idLists(), baseUrls())
                .checkAssert(this::urlsAreTheOnesOkHttpBuilds);
    }

    private void urlsAreTheOnesOkHttpBuilds(List<String> given, String base) {
        RegistrationIds ids = RegistrationIds.of(given);
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

    @Test
    void encodesAComponentAsOkHttpDoes() {
        for (char c : ID_CHARS.toCharArray()) {
            for (String suffix : SUFFIXES) {
                encodesAsOkHttpDoes(c + suffix);
            }
        }
        qt().withExamples(500).forAll(ids(ID_CHARS)).checkAssert(this::encodesAsOkHttpDoes);
    }

    @Test
    void encodesTheTildeAsOkHttpDoes() {
        // OkHttp encodes '~' in a query component; a shrunk failure of the property above found it
        for (String id : List.of("~", "a~b", "a.b_c-d")) {
            encodesAsOkHttpDoes(id);
        }
    }

    private void encodesAsOkHttpDoes(String id) {
        String expected = HttpUrl.get("http://h/")
                .newBuilder()
                .addQueryParameter("id", id)
                .build()
                .encodedQuery();

        assertThat("id=" + BatchLimits.encodeQueryComponent(id))
                .as("encoded %s", id)
                .isEqualTo(expected);
    }

    private static Gen<String> ids(String alphabet) {
        return Generators.strings(alphabet, 1, 40).zip(Generate.pick(SUFFIXES), String::concat);
    }

    /**
     * Lists of IDs that {@link RegistrationIds#of} accepts: any list holding a refused ID was
     * discarded, so the characters refused everywhere (a tab, the path separators) are left out of the
     * alphabet, and the rarer refused IDs ({@code ..}, blank) are drawn again.
     */
    private static Gen<List<String>> idLists() {
        Gen<String> uuidLike = Generators.strings("abcdef0123456789-", 36, 36);
        Gen<String> id = Generate.oneOf(ids(ACCEPTED_CHARS), uuidLike).assuming(s -> Identifiers.problem(s) == null);
        return lists().of(id).ofSizeBetween(1, 120);
    }

    private static Gen<String> baseUrls() {
        return Generate.pick(BASE_URLS);
    }

    /** The smallest and largest lists, batches of exactly the limit and one more, every character. */
    private static List<List<String>> edgeIdLists() {
        String longest = Generators.range('\u4e00', '\u4e10').repeat(3).substring(0, 40) + "\uD83D\uDE00";
        List<String> everyCharacter =
                ACCEPTED_CHARS.chars().mapToObj(c -> "x" + (char) c).collect(Collectors.toList());
        return List.of(
                List.of("a"),
                List.of("~"),
                List.of("a b"),
                List.of("%41"),
                List.of("+"),
                List.of("a\uD83D\uDE00"),
                List.of("a", "a"),
                List.of(longest),
                everyCharacter,
                uuidLike(37),
                uuidLike(38),
                uuidLike(120),
                longestIds(120));
    }

    /** Distinct IDs of 40 characters, each encoded as nine bytes, and the longest suffix. */
    private static List<String> longestIds(int count) {
        String cjk = Generators.range('\u4e00', '\u4e10');
        return IntStream.range(0, count)
                .mapToObj(i -> "" + cjk.charAt(i % 17) + cjk.charAt(i / 17 % 17)
                        + cjk.repeat(3).substring(0, 38) + "\uD83D\uDE00")
                .collect(Collectors.toList());
    }

    private static List<String> uuidLike(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%08x-0000-0000-0000-%012x", i, i))
                .collect(Collectors.toList());
    }
}
