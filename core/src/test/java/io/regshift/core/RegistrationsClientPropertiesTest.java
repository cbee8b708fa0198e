package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.regshift.testkit.FakeCloudflare;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RegistrationsClientPropertiesTest {
    private static final String ID_CHARS = "abcXYZ019-_.~ &=?#%+;,:@!$'()*[]\"<>|^`{}"
            + Generators.range('\u00e0', '\u00ff')
            + Generators.range('\u4e00', '\u4e10');

    private static FakeCloudflare cloudflare;
    private static RegistrationsClient client;

    @BeforeAll
    static void start() {
        cloudflare = FakeCloudflare.create().start();
        client = RegistrationsClient.builder()
                .baseUrl(cloudflare.baseUrl())
                .credentials(Credentials.apiToken("test-token"))
                .batchLimits(BatchLimits.of(37, 1024))
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .build();
    }

    @AfterAll
    static void stop() {
        cloudflare.close();
    }

    @Test
    void theFakeRecordsExactlyTheDistinctIdsTheClientAccepted() {
        for (List<String> ids : List.of(
                List.of("a"),
                List.of("a", "a"),
                List.of("a\uD83D\uDE00"),
                List.of(" a"),
                everyCharacter(),
                distinct(37),
                distinct(38),
                distinct(300))) {
            recordsTheDistinctIdsAccepted(ids);
        }
        // each example is a few calls to the fake: a bounded shrink keeps a failing run short
        qt().withExamples(60).withShrinkCycles(500).forAll(idLists()).checkAssert(this::recordsTheDistinctIdsAccepted);
    }

    private void recordsTheDistinctIdsAccepted(List<String> ids) {
        RegistrationIds accepted = RegistrationIds.of(ids);
        cloudflare.reset();

        RegistrationsResult result = client.revoke("acc", ids);

        assertThat(result.isSuccess()).as("revoke %s", ids).isTrue();
        assertThat(cloudflare.revokedIds("acc")).isEqualTo(new LinkedHashSet<>(accepted));
        assertThat(result.succeededIds()).isEqualTo(accepted);
    }

    /**
     * Lists of IDs that {@link RegistrationIds#of} accepts: any list holding a refused ID was
     * discarded, and refused IDs ({@code ..}, blank) are rare enough here to be drawn again.
     */
    private static Gen<List<String>> idLists() {
        Gen<String> id = Generators.strings(ID_CHARS, 1, 40).assuming(s -> Identifiers.problem(s) == null);
        Gen<String> withEmoji = id.zip(Generate.pick(List.of("", "\uD83D\uDE00")), String::concat);
        return lists().of(withEmoji).ofSizeBetween(1, 300);
    }

    private static List<String> everyCharacter() {
        return ID_CHARS.chars().mapToObj(c -> "x" + (char) c).collect(Collectors.toList());
    }

    private static List<String> distinct(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id " + i + "\u4e00").collect(Collectors.toList());
    }
}
