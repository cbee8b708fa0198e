package io.regshift.scan.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time (SWAR: SIMD within a register), for the loops that look at every byte
 * scanned: the prefilter and the binary sniff.
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Swar() {}

    /** The eight bytes from {@code offset}, the first in the lowest lane. */
    static long word(byte[] bytes, int offset) {
        return (long) LONGS.get(bytes, offset);
    }

    /** {@code b} in every lane, to XOR a word with: lanes holding {@code b} become zero. */
    static long broadcast(byte b) {
        return (b & 0xffL) * LOW_BITS;
    }

    /**
     * The high bit set in the lowest zero lane of {@code word}, and possibly in lanes above a zero
     * one; none set if no lane is zero. Callers check the lanes it points at.
     */
    static long zeroLanes(long word) {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }

    /** The lane of the lowest bit set in {@code lanes}, as from {@link #zeroLanes}. */
    static int firstLane(long lanes) {
        return Long.numberOfTrailingZeros(lanes) >>> 3;
    }
}
