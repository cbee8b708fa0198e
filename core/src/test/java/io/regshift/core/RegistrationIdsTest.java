package io.regshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationIdsTest {
    @Test
    void keepsFirstOccurrenceOrderAndDropsDuplicates() {
        assertThat(RegistrationIds.of(List.of("b", "a", "b", "c", "a"))).containsExactly("b", "a", "c");
    }

    @Test
    void dropsDuplicatesInLongListsToo() {
        // past the few that are compared one by one, a hash set tells them apart
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("id-" + (i % 25));
        }
        assertThat(RegistrationIds.of(many)).hasSize(25).containsExactlyElementsOf(many.subList(0, 25));
        for (int n = 1; n <= 20; n++) {
            List<String> doubled = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                doubled.add("x" + i);
                doubled.add("x" + i);
            }
            assertThat(RegistrationIds.of(doubled)).as("%d IDs, each twice", n).hasSize(n);
        }
    }

    @Test
    void acceptsCharactersThatOnlyNeedEncoding() {
        List<String> odd = List.of("a&id=b", "100%", "x#y", "sp ace", "été", "p+q", "?", "'\"", "\uD83D\uDE00");
        assertThat(RegistrationIds.of(odd)).containsExactlyElementsOf(odd);
    }

    @Test
    void acceptsPlainIdsOnTheFastPath() {
        List<String> plain =
                List.of("f174e90a-fafe-4643-bbbc-4a0ed4fc8415", "023e105f4ecef8ad9ca31a8372d0c353", "A_b-9", "-", "_");
        assertThat(RegistrationIds.of(plain)).containsExactlyElementsOf(plain);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "f174e90a-fafe-4643-bbbc-4a0ed4fc841 ",
                "f174e90a/fafe",
                "f174e90a\u0000",
                "f174e90a..b",
                "f174e90a\u00e9",
                "a.b"
            })
    void nearlyPlainIdsGetTheFullChecks(String id) {
        // one character outside the plain alphabet: refused or accepted by the full rules, not waved through
        boolean refusable = id.contains("/") || id.contains("\u0000") || id.contains("..");
        if (refusable) {
            assertThatThrownBy(() -> RegistrationIds.of(id)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(RegistrationIds.of(id)).containsExactly(id);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "\t",
                "a\nb",
                "a\rb",
                "a\u0000b",
                "a/b",
                "a\\b",
                "..",
                "a..b",
                ".",
                "\u007f",
                "\uD83D",
                "x\uDE00"
            })
    void refusesIdsThatCannotTravelSafely(String bad) {
        assertThatThrownBy(() -> RegistrationIds.of("ok", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("registration ID [1] ");
    }

    @Test
    void refusesNullsAndEmptyLists() {
        assertThatThrownBy(() -> RegistrationIds.of(Arrays.asList("a", null)))
                .hasMessageContaining("[1] null is missing");
        assertThatThrownBy(() -> RegistrationIds.of(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void errorMessagesShowControlCharactersAndCutLongValues() {
        assertThatThrownBy(() -> RegistrationIds.of("a\nb"))
                .hasMessageContaining("\"a\\u000ab\"")
                .hasMessageContaining("U+000A");
        String longId = "x".repeat(500) + "/";
        assertThatThrownBy(() -> RegistrationIds.of(longId)).hasMessageContaining("...(501 chars)");
    }

    @Test
    void subListsHoldTheirRange() {
        RegistrationIds ids = RegistrationIds.of("a", "b", "c");

        assertThat(ids.subList(0, 3)).containsExactly("a", "b", "c");
        assertThat(ids.subList(0, 2)).containsExactly("a", "b");
        assertThat(ids.subList(1, 3)).containsExactly("b", "c");
        assertThat(ids.subList(1, 3).subList(0, 2)).containsExactly("b", "c");
        assertThatThrownBy(() -> ids.subList(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEmptySubListIsAnEmptyListAsListsContractHasIt() {
        RegistrationIds ids = RegistrationIds.of("a", "b", "c");

        assertThat(ids.subList(1, 1)).isEmpty();
        assertThat(ids.subList(3, 3)).isEmpty();
        assertThatThrownBy(() -> ids.subList(1, 1).add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRangeOfACallIsNonEmptyAndTheWholeRangeIsTheIdsThemselves() {
        RegistrationIds ids = RegistrationIds.of("a", "b", "c");

        assertThat(ids.range(0, 3)).isSameAs(ids);
        assertThat(ids.range(1, 3)).containsExactly("b", "c");
        assertThatThrownBy(() -> ids.range(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty range [1, 1)");
    }

    @Test
    void arraysHoldTheDistinctIdsInOrder() {
        RegistrationIds ids = RegistrationIds.of("b", "a", "b", "c");

        assertThat(ids.toArray()).containsExactly("b", "a", "c");
        assertThat(ids.toArray(new String[0])).containsExactly("b", "a", "c");
        assertThat(ids.subList(1, 3).toArray(new String[0])).containsExactly("a", "c");
        assertThat(List.copyOf(ids)).containsExactly("b", "a", "c");
    }

    @Test
    void isImmutable() {
        RegistrationIds ids = RegistrationIds.of("a");
        assertThatThrownBy(() -> ids.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
