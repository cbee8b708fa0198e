package io.regshift.core;

import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Strings over an alphabet for the property tests. QuickTheories shrinks a failing string toward
 * fewer characters and toward the alphabet's first character.
 */
final class Generators {
    private Generators() {}

    /** Strings of {@code minLength} to {@code maxLength} characters, each one of {@code alphabet}. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        List<Character> chars =
                alphabet.chars().mapToObj(c -> (char) c).distinct().collect(Collectors.toList());
        return lists().of(Generate.pick(chars))
                .ofSizeBetween(minLength, maxLength)
                .map(picked -> picked.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Every character from {@code first} to {@code last}, both included. */
    static String range(char first, char last) {
        StringBuilder s = new StringBuilder();
        for (char c = first; c <= last; c++) {
            s.append(c);
        }
        return s.toString();
    }
}
