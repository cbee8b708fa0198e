package io.regshift.scan.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bytes read as ISO-8859-1 characters, one per byte, without copying them: what patterns run on.
 * Every byte is a character, so offsets in the text are offsets in the bytes, and bytes that are
 * not valid UTF-8 cannot make a search fail. A view: it changes when the bytes do.
 */
final class Latin1Chars implements CharSequence {
    private final byte[] bytes;
    private final int offset;
    private final int length;

    /** The characters of {@code bytes[offset, offset + length)}. */
    Latin1Chars(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        return (char) (bytes[offset + index] & 0xff);
    }

    @Override
    public Latin1Chars subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new Latin1Chars(bytes, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
