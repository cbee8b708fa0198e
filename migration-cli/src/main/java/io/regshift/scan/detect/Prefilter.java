package io.regshift.scan.detect;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Does a buffer contain any of a few literals? Asked of every byte scanned, so it works on the raw
 * bytes, eight at a time (SWAR: no allocation, no decoding): each word is tested for two of the
 * literal's rarer bytes at their distance from each other at once, and only where both are found is
 * the literal compared. Most files stop here.
 */
final class Prefilter {
  private final byte[][] needles;
  private final int[] firsts; // the offset in each needle of the first byte searched for
  private final int[] seconds; // and of the second, at or after the first
  private final long[] firstMasks; // those bytes in every lane
  private final long[] secondMasks;

  Prefilter(List<String> literals) {
    int n = literals.size();
    needles = new byte[n][];
    firsts = new int[n];
    seconds = new int[n];
    firstMasks = new long[n];
    secondMasks = new long[n];
    for (int i = 0; i < n; i++) {
      byte[] needle = literals.get(i).getBytes(StandardCharsets.ISO_8859_1);
      if (needle.length == 0) {
        throw new IllegalArgumentException("an empty literal matches everything");
      }
      int a = rarest(needle, -1);
      int b = needle.length == 1 ? a : rarest(needle, a);
      needles[i] = needle;
      firsts[i] = Math.min(a, b);
      seconds[i] = Math.max(a, b);
      firstMasks[i] = Swar.broadcast(needle[firsts[i]]);
      secondMasks[i] = Swar.broadcast(needle[seconds[i]]);
    }
  }

  /** Whether {@code bytes[0, length)} contains any of the literals. */
  boolean anyIn(byte[] bytes, int length) {
    for (int i = 0; i < needles.length; i++) {
      if (contains(bytes, length, needles[i], firsts[i], seconds[i], firstMasks[i], secondMasks[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] bytes, int length, byte[] needle, int first, int second, long firstMask, long secondMask) {
    int last = length - needle.length; // the last start a match can have
    if (last < 0) {
      return false;
    }
    int gap = second - first;
    int i = first;
    int end = last + first; // the last position the first byte can be at
    // Lane k of the word at i holds position i + k for the first byte and i + k + gap for the
    // second: a lane is zero in (a ^ firstMask) | (b ^ secondMask) only where both are found.
    for (; i <= end && i + gap + 8 <= length; i += 8) {
      long word = (Swar.word(bytes, i) ^ firstMask) | (Swar.word(bytes, i + gap) ^ secondMask);
      long found = Swar.zeroLanes(word);
      while (found != 0) {
        int at = i + Swar.firstLane(found);
        if (at <= end && matches(bytes, at - first, needle)) {
          return true;
        }
        found &= found - 1;
      }
    }
    for (; i <= end; i++) {
      if (bytes[i] == needle[first] && matches(bytes, i - first, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(byte[] bytes, int start, byte[] needle) {
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
