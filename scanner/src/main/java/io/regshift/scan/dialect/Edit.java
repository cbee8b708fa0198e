package io.regshift.scan.dialect;

/**
 * Replace the characters {@code [start, end)} of a file's Latin-1 view (so: its bytes) with
 * {@code text}. Latin-1 maps every byte to one character and back, so a file rewritten through it
 * keeps its encoding, BOM, line endings and every byte outside the edits.
 */
public record Edit(int start, int end, String text) {
    public Edit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }
}
