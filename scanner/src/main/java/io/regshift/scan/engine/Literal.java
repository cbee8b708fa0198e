package io.regshift.scan.engine;

import java.nio.charset.StandardCharsets;

/**
 * One literal searched for in raw bytes, eight at a time (SWAR: no allocation, no decoding): each
 * word is tested for two of the literal's rarer bytes at their distance from each other at once,
 * and only where both are found is the literal compared. Immutable and safe to share.
 */
final class Literal {
    private final byte[] needle;
    private final int first; // the offset in the needle of the first byte searched for
    private final int second; // and of the second, at or after the first
    private final long firstMask; // that byte in every lane
    private final long secondMask;

    Literal(String literal) {
        needle = literal.getBytes(StandardCharsets.ISO_8859_1);
        if (needle.length == 0) {
            throw new IllegalArgumentException("an empty literal matches everything");
        }
        int a = rarest(needle, -1);
        int b = needle.length == 1 ? a : rarest(needle, a);
        first = Math.min(a, b);
        second = Math.max(a, b);
        firstMask = Swar.broadcast(needle[first]);
        secondMask = Swar.broadcast(needle[second]);
    }

    int length() {
        return needle.length;
    }

    /**
     * Where the first occurrence of the literal lying wholly in {@code bytes[from, to)} starts, or -1.
     */
    int indexOf(byte[] bytes, int from, int to) {
        int end = to - needle.length + first; // the last position the first byte searched for can be at
        int gap = second - first;
        int i = Math.max(from, 0) + first;
        // Lane k of the word at i holds position i + k for the first byte and i + k + gap for the
        // second: a lane is zero in (a ^ firstMask) | (b ^ secondMask) only where both are found.
        for (; i <= end && i + gap + 8 <= to; i += 8) {
            long word = (Swar.word(bytes, i) ^ firstMask) | (Swar.word(bytes, i + gap) ^ secondMask);
            long found = Swar.zeroLanes(word);
            while (found != 0) {
                int at = i + Swar.firstLane(found);
                if (at <= end && matches(bytes, at - first)) {
                    return at - first;
                }
                found &= found - 1;
            }
        }
        for (; i <= end; i++) {
            if (bytes[i] == needle[first] && matches(bytes, i - first)) {
                return i - first;
            }
        }
        return -1;
    }

    private boolean matches(byte[] bytes, int start) {
        for (int k = 0; k < needle.length; k++) {
            if (bytes[start + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The offset of the needle's byte least common in source text, by a rough ranking of ASCII
     * letters (any other byte counts as rarer still), other than at {@code except}.
     */
    private static int rarest(byte[] needle, int except) {
        String byFrequency = "etaoinsrhldcumfpgwybvkxjqz"; // most common first
        int best = -1;
        int bestRank = -1;
        for (int i = 0; i < needle.length; i++) {
            if (i == except) {
                continue;
            }
            char c = Character.toLowerCase((char) (needle[i] & 0xff));
            int rank = byFrequency.indexOf(c) < 0 ? byFrequency.length() : byFrequency.indexOf(c);
            if (rank > bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }
}
