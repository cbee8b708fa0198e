package io.regshift.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.core.Catalog;
import io.regshift.scan.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The searcher on its own: what it reports to a sink, with no findings built. */
class SearcherTest {
    private static final Detector DETECTOR = new Detector(Catalog.standard(), RuleSet.fromCatalog(Catalog.standard()));

    /** Keeps what each report says, as text, before the searcher moves its view on. */
    private static final class Recorder implements MatchSink {
        final List<String> reports = new ArrayList<>();

        @Override
        public void match(SinkMatch m) {
            Match match = m.match();
            reports.add(m.line() + ":" + m.column() + "-" + m.endColumn()
                    + " at " + (m.windowStart() + match.start())
                    + " [" + m.text().subSequence(match.start(), match.end()) + "]"
                    + " in ["
                    + new String(m.bytes(), m.lineStart(), m.lineEnd() - m.lineStart(), StandardCharsets.UTF_8)
                    + "]");
        }

        @Override
        public void truncated(long maxBytes) {
            reports.add("truncated after " + maxBytes);
        }
    }

    private static List<String> search(String content, long maxBytes, boolean text) throws IOException {
        Recorder sink = new Recorder();
        new Searcher(DETECTOR, 4096, 1024)
                .search(
                        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                        maxBytes,
                        -1,
                        Mode.SOURCE,
                        null,
                        text,
                        sink);
        return sink.reports;
    }

    @Test
    void reportsEachMatchWithItsLineColumnsAndLine() throws IOException {
        assertThat(search("a();\r\n  é = \"/accounts/x/devices/revoke\";\r\n", Long.MAX_VALUE, true))
                .containsExactly("2:20-34 at 26 [devices/revoke] in [  é = \"/accounts/x/devices/revoke\";]");
    }

    @Test
    void aByteOrderMarkIsNotACharacterOfTheFirstLine() throws IOException {
        assertThat(search("\uFEFFx = '/accounts/x/devices/unrevoke'", Long.MAX_VALUE, true))
                .singleElement()
                .asString()
                .startsWith("1:18-34 ");
    }

    @Test
    void aMatchInALaterWindowHasItsLineColumnAndOffsetInTheStream() throws IOException {
        String filler = "x\n".repeat(2500); // the match starts past the first 4096-byte window
        String content = filler + "curl /accounts/a/devices/revoke\n" + filler;

        assertThat(search(content, Long.MAX_VALUE, true))
                .containsExactly("2501:18-32 at 5017 [devices/revoke] in [curl /accounts/a/devices/revoke]");
    }

    @Test
    void aTextStreamWithANulNearItsStartIsBinaryAndNotSearched() throws IOException {
        assertThat(search("\0 /accounts/a/devices/revoke", Long.MAX_VALUE, true))
                .isEmpty();
    }

    @Test
    void aStreamThatIsNotTextIsSearchedAsOneLine() throws IOException {
        assertThat(search("\0\n/accounts/a/devices/revoke", Long.MAX_VALUE, false))
                .singleElement()
                .asString()
                .startsWith("1:1-1 at 14 [devices/revoke]");
    }

    @Test
    void aStreamLongerThanTheLimitIsSearchedUpToItAndReportedTruncated() throws IOException {
        assertThat(search("/accounts/a/devices/revoke\n" + "x".repeat(100) + " devices/unrevoke", 100, true))
                .containsExactly(
                        "1:13-27 at 12 [devices/revoke] in [/accounts/a/devices/revoke]", "truncated after 100");
    }
}
