package io.regshift.scan.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Does a buffer contain any of a few literals? Asked of every byte scanned, so it works on the raw
 * bytes, eight at a time: a word is tested for a rare byte of the literal (SWAR: no allocation, no
 * decoding), and only around such a byte is the literal compared. Most files stop here.
 */
final class Prefilter {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[][] needles;
  private final int[] anchors; // the offset in each needle of the byte searched for
  private final long[] masks; // that byte in every lane

  Prefilter(List<String> literals) {
    int n = literals.size();
    needles = new byte[n][];
    anchors = new int[n];
    masks = new long[n];
    for (int i = 0; i < n; i++) {
      needles[i] = literals.get(i).getBytes(StandardCharsets.ISO_8859_1);
      anchors[i] = rarest(needles[i]);
      masks[i] = (needles[i][anchors[i]] & 0xffL) * LOW_BITS;
    }
  }

  /** Whether {@code bytes[0, length)} contains any of the literals. */
  boolean anyIn(byte[] bytes, int length) {
    for (int i = 0; i < needles.length; i++) {
      if (contains(bytes, length, needles[i], anchors[i], masks[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] bytes, int length, byte[] needle, int anchor, long mask) {
    int last = length - needle.length; // the last start a match can have
    if (last < 0) {
      return false;
    }
    int i = anchor;
    int end = last + anchor; // the last position the anchor byte can be at
    for (; i + 8 <= end + 1 && i + 8 <= length; i += 8) {
      long word = (long) LONGS.get(bytes, i) ^ mask;
      long found = (word - LOW_BITS) & ~word & HIGH_BITS;
      while (found != 0) {
        int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
        if (at <= end && matches(bytes, at - anchor, needle)) {
          return true;
        }
        found &= found - 1;
      }
    }
    for (; i <= end; i++) {
      if (bytes[i] == needle[anchor] && matches(bytes, i - anchor, needle)) {
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

  /** The needle's byte least common in source text, by a rough ranking of ASCII letters. */
  private static int rarest(byte[] needle) {
    String byRarity = "qjzxkvbwyfgpmucdlhrsnioate";
    int best = 0;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < needle.length; i++) {
      int rank = byRarity.indexOf(Character.toLowerCase((char) (needle[i] & 0xff)));
      if (rank >= 0 && rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }
}
