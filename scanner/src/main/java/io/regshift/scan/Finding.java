package io.regshift.scan;

import java.util.List;
import java.util.Objects;

/**
 * One use of a deprecated endpoint, as every output format reports it.
 *
 * @param source the file (or archive entry) it is in; {@link #path()} is how reports name it
 * @param line 1-based
 * @param column 1-based, in characters of the line
 * @param endColumn 1-based column just past the match, on {@code line}
 * @param snippet the line, trimmed and cut to a readable length
 * @param highlightStart where the match starts in {@code snippet}, or -1
 * @param highlightEnd where it ends in {@code snippet}, or -1
 * @param fingerprint stable across unrelated edits: rule, path, the line's text, and which
 *     occurrence of that text in the file it is
 * @param span where the match is in the file's bytes, for tools that rewrite it
 * @param evidence why the match is a claim about Cloudflare's API, in {@link Evidence}'s order;
 *     empty for an uncertain one, reported as a {@link Severity#NOTE}
 */
public record Finding(
        Rule rule,
        Severity severity,
        Source source,
        int line,
        int column,
        int endColumn,
        String message,
        String snippet,
        int highlightStart,
        int highlightEnd,
        String fingerprint,
        Span span,
        List<Evidence> evidence) {

    /**
     * Byte offsets in the file (or archive entry): the match {@code [start, end)}, and for an SDK
     * call {@code callEnd}, just past its closing parenthesis ({@code end} otherwise).
     */
    public record Span(long start, long end, long callEnd) {}

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        evidence = List.copyOf(evidence);
    }

    /**
     * How reports name the file: relative to the scanned root, {@code /}-separated; {@code
     * a.jar!/b/C.class} inside archives.
     */
    public String path() {
        return source.text();
    }

    public String ruleId() {
        return rule.id();
    }

    public Finding withMessage(String message) {
        return new Finding(
                rule,
                severity,
                source,
                line,
                column,
                endColumn,
                message,
                snippet,
                highlightStart,
                highlightEnd,
                fingerprint,
                span,
                evidence);
    }

    /** The same finding in a source named otherwise; its fingerprint stays. */
    public Finding withSource(Source source) {
        return new Finding(
                rule,
                severity,
                source,
                line,
                column,
                endColumn,
                message,
                snippet,
                highlightStart,
                highlightEnd,
                fingerprint,
                span,
                evidence);
    }

    public Finding withFingerprint(String fingerprint) {
        return new Finding(
                rule,
                severity,
                source,
                line,
                column,
                endColumn,
                message,
                snippet,
                highlightStart,
                highlightEnd,
                fingerprint,
                span,
                evidence);
    }
}
