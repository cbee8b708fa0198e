package io.regshift.scan.engine;

import java.util.List;

/**
 * Does a buffer contain any of a few literals, and where? Asked of every byte scanned, so it works
 * on the raw bytes, eight at a time (see {@link Literal}). Most files stop here.
 */
final class Prefilter {
    private final Literal[] literals;

    Prefilter(List<String> literals) {
        this.literals = literals.stream().map(Literal::new).toArray(Literal[]::new);
    }

    /** Whether {@code bytes[0, length)} contains any of the literals. */
    boolean anyIn(byte[] bytes, int length) {
        for (Literal literal : literals) {
            if (literal.indexOf(bytes, 0, length) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the first occurrence of any of the literals lying wholly in {@code bytes[from, to)}
     * starts, or -1.
     */
    int indexOf(byte[] bytes, int from, int to) {
        int first = -1;
        for (Literal literal : literals) {
            int at = literal.indexOf(bytes, from, first < 0 ? to : Math.min(to, first + literal.length()));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
