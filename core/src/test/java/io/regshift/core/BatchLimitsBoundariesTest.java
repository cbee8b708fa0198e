package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The exact edges of {@link BatchLimits#split}: a URL of exactly the limit, and one character over. */
class BatchLimitsBoundariesTest {
    private static final HttpUrl BASE = HttpUrl.get("https://api.cloudflare.com/client/v4");
    private static final Deprecation REVOKE = Catalog.standard().require("revoke");
    private static final String ENDPOINT =
            "https://api.cloudflare.com/client/v4/accounts/acc/devices/registrations/revoke";

    /** Eight IDs of ten characters each, so every piece of query ({@code id=...}) is 13 long. */
    private static final RegistrationIds TEN_CHAR_IDS = RegistrationIds.of(
            IntStream.range(0, 8).mapToObj(i -> "registr-0" + i).collect(Collectors.toList()));

    /** The URL carrying {@code n} of {@link #TEN_CHAR_IDS}, as the replacement endpoint takes it. */
    private static int urlLength(int n) {
        return ENDPOINT.length() + "?".length() + n * "id=registr-00".length() + (n - 1) * "&".length();
    }

    private static List<Integer> callSizes(BatchLimits limits, RegistrationIds ids) {
        return limits.split(BASE, REVOKE, "acc", ids).stream()
                .map(c -> c.ids().size())
                .collect(Collectors.toList());
    }

    @Test
    void aUrlOfExactlyTheLimitIsOneCall() {
        List<ReplacementCall> calls = BatchLimits.of(200, urlLength(8)).split(BASE, REVOKE, "acc", TEN_CHAR_IDS);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).url().toString()).hasSize(urlLength(8));
    }

    @Test
    void aLimitOneCharacterShortMovesTheLastIdToASecondCall() {
        assertThat(callSizes(BatchLimits.of(200, urlLength(8) - 1), TEN_CHAR_IDS))
                .containsExactly(7, 1);
    }

    @Test
    void everyCallAfterASplitIsPackedToExactlyTheLimitToo() {
        List<ReplacementCall> calls = BatchLimits.of(200, urlLength(3)).split(BASE, REVOKE, "acc", TEN_CHAR_IDS);

        assertThat(calls).extracting(c -> c.ids().size()).containsExactly(3, 3, 2);
        assertThat(calls)
                .extracting(c -> c.url().toString().length())
                .containsExactly(urlLength(3), urlLength(3), urlLength(2));
    }

    @Test
    void aLimitOfIdsPerCallHoldsAfterEverySplit() {
        assertThat(callSizes(BatchLimits.of(3, 8192), TEN_CHAR_IDS)).containsExactly(3, 3, 2);
    }

    @Test
    void idsAreMeasuredAfterPercentEncoding() {
        // "a b" travels as "a%20b": five characters, not three.
        RegistrationIds spaced = RegistrationIds.of("a b", "c d");
        int both = ENDPOINT.length() + "?id=a%20b&id=c%20d".length();

        assertThat(callSizes(BatchLimits.of(200, both), spaced)).containsExactly(2);
        assertThat(callSizes(BatchLimits.of(200, both - 1), spaced)).containsExactly(1, 1);
    }

    @Test
    void oneIdWhoseUrlIsExactlyTheLimitIsSent() {
        String id = "x".repeat(100);
        int alone = (ENDPOINT + "?id=" + id).length();

        List<ReplacementCall> calls = BatchLimits.of(200, alone).split(BASE, REVOKE, "acc", RegistrationIds.of(id));

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).url().toString()).hasSize(alone);
    }

    @Test
    void oneIdWhoseUrlIsOneCharacterOverTheLimitIsRefusedWithBothLengths() {
        String id = "x".repeat(100);
        int alone = (ENDPOINT + "?id=" + id).length();

        assertThatThrownBy(
                        () -> BatchLimits.of(200, alone - 1).split(BASE, REVOKE, "acc", RegistrationIds.of("ok", id)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registration ID [1]")
                .hasMessageContaining(
                        "alone it makes a URL of " + alone + " characters, more than the limit of " + (alone - 1));
    }

    @Test
    void limitsTellWhatTheyWereMadeWith() {
        BatchLimits limits = BatchLimits.of(7, 1000);

        assertThat(limits.maxIdsPerCall()).isEqualTo(7);
        assertThat(limits.maxUrlLength()).isEqualTo(1000);
        assertThat(limits).hasToString("BatchLimits{maxIdsPerCall=7, maxUrlLength=1000}");
    }

    @Test
    void oneIdPerCallIsAllowed() {
        assertThat(callSizes(BatchLimits.of(1, 8192), RegistrationIds.of("a", "b", "c")))
                .containsExactly(1, 1, 1);
    }

    @Test
    void theShortestAllowedUrlLimitIs64Characters() {
        assertThat(BatchLimits.of(200, 64).maxUrlLength()).isEqualTo(64);
        assertThatThrownBy(() -> BatchLimits.of(200, 63)).hasMessage("maxUrlLength must be at least 64, was 63");
    }

    @Test
    void aBaseUrlWithAQueryOrAFragmentStillGetsUrlsOfExactlyTheLimit() {
        RegistrationIds one = RegistrationIds.of("registration-0123456789");
        for (String base : List.of("https://h/v4/?x=1", "https://h/v4/#f", "https://h/v4?x=1#f")) {
            HttpUrl url = HttpUrl.get(base);
            String rendered = BatchLimits.defaults()
                    .split(url, REVOKE, "acc", one)
                    .get(0)
                    .url()
                    .toString();

            List<ReplacementCall> calls = BatchLimits.of(200, rendered.length()).split(url, REVOKE, "acc", one);

            assertThat(calls).as(base).hasSize(1);
            assertThat(calls.get(0).url().toString()).as(base).isEqualTo(rendered);
        }
    }
}
