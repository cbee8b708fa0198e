package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BinarySniffTest {
    @Test
    void aNulInTheFirst8000BytesAndOnlyThereMakesAFileBinary() {
        byte[] bytes = new byte[8_013];
        Arrays.fill(bytes, (byte) 'a');
        assertThat(Searcher.isBinary(bytes, bytes.length)).isFalse();
        for (int at = 0; at < bytes.length; at++) {
            bytes[at] = 0;
            assertThat(Searcher.isBinary(bytes, bytes.length))
                    .as("NUL at %d", at)
                    .isEqualTo(at < 8_000);
            // a file shorter than the sniff: only its own bytes count
            assertThat(Searcher.isBinary(bytes, at))
                    .as("NUL just past a %d-byte file", at)
                    .isFalse();
            bytes[at] = 'a';
        }
    }

    @Test
    void bytesThatOnlyLookLikeZeroInAWordAreText() {
        // 0x80 and 0x01 lanes are what a careless SWAR test confuses with a zero byte
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0x80 : 0x01);
        }
        assertThat(Searcher.isBinary(bytes, bytes.length)).isFalse();
    }
}
