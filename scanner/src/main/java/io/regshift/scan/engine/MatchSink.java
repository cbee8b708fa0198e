package io.regshift.scan.engine;

/**
 * Where a {@link Searcher} reports what it finds in one stream, as ripgrep's searcher reports to a
 * sink: the searcher knows windows, lines and columns, the sink what a match means.
 */
interface MatchSink {
    /** A match; {@code match} is a view of the searcher's buffer, valid during the call only. */
    void match(SinkMatch match);

    /** The stream goes on past {@code maxBytes}, the bytes that were searched. */
    void truncated(long maxBytes);
}
