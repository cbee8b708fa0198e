package io.regshift.scan.engine;

import io.regshift.scan.Evidence;
import io.regshift.scan.Finding;
import io.regshift.scan.Rule;
import io.regshift.scan.ScanError;
import io.regshift.scan.Severity;
import io.regshift.scan.Source;
import io.regshift.scan.dialect.Dialect;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink that turns the matches in one stream of a {@link Source} into {@link Finding}s: the
 * severity that the file's kind gives, the rule's message, a {@code regshift:ignore} comment on the
 * match's line or the line above that drops it (counted as suppressed), and a snippet of the line
 * around the match, or for a compiled class of the printable bytes around it.
 */
final class FindingCollector implements MatchSink {
    private static final int SNIPPET_CONTEXT = 120;
    private static final List<Evidence> SDK_CHAIN = List.of(Evidence.SDK_CHAIN);

    private final Source source;
    private final Dialect dialect;
    private final Severity severity;
    private final boolean classFile;
    private final boolean includeUncertain;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> byLine = new HashMap<>();
    private long contextWindow = -1;
    private boolean contextSeen;
    private final List<ScanError> errors = new ArrayList<>();
    private int suppressed;

    /**
     * @param dialect the file's language: whether it is documentation, and its comment syntax
     * @param classFile whether the stream is a compiled class: no lines, no suppression comments
     * @param includeUncertain whether a bare path with no evidence either way is reported, as a note
     */
    FindingCollector(Source source, Dialect dialect, boolean classFile, boolean includeUncertain) {
        this.source = source;
        this.dialect = dialect;
        this.severity = dialect.documentation() ? Severity.WARNING : Severity.ERROR;
        this.classFile = classFile;
        this.includeUncertain = includeUncertain;
    }

    @Override
    public void match(SinkMatch m) {
        Match match = m.match();
        Severity severity = this.severity;
        List<Evidence> evidence;
        if (match.rule().kind() == Rule.Kind.SDK_CALL || match.rule().kind() == Rule.Kind.OLDER_SDK_CALL) {
            evidence = SDK_CHAIN;
        } else {
            PathEvidence.Judgement judgement = PathEvidence.judge(
                    m.bytes(),
                    m.text(),
                    match.start(),
                    match.end(),
                    m.text().charAt(match.start()) == '"',
                    m.lineStart(),
                    m.lineEnd(),
                    dialect,
                    () -> fileContext(m));
            if (judgement.verdict() == PathEvidence.Verdict.NONE
                    || (judgement.verdict() == PathEvidence.Verdict.UNCERTAIN && !includeUncertain)) {
                return;
            }
            if (judgement.verdict() == PathEvidence.Verdict.UNCERTAIN) {
                severity = Severity.NOTE;
            }
            evidence = judgement.evidence();
        }
        if (!classFile && dialect.suppresses(m.text(), m.lineStart(), m.lineEnd())) {
            suppressed++;
            return;
        }
        Finding finding = classFile ? classFinding(m, severity, evidence) : finding(m, severity, evidence);
        if (classFile) {
            findings.add(finding);
            return;
        }
        // One finding per line and endpoint: a call and the path in its own documentation link, or a
        // title and a link naming the same path, are one use. A call is kept, for the fixer.
        String key = finding.line() + " " + match.rule().deprecation().id();
        Integer earlier = byLine.get(key);
        if (earlier == null) {
            byLine.put(key, findings.size());
            findings.add(finding);
        } else if (match.rule().kind() == Rule.Kind.SDK_CALL
                && findings.get(earlier).rule().kind() != Rule.Kind.SDK_CALL) {
            findings.set(earlier, finding);
        }
    }

    /** Whether the window holding {@code m} shows that its file talks to Cloudflare's API; once per window. */
    private boolean fileContext(SinkMatch m) {
        if (contextWindow != m.windowStart()) {
            contextWindow = m.windowStart();
            contextSeen = CloudflareContext.fileContextIn(m.bytes(), 0, m.text().length());
        }
        return contextSeen;
    }

    @Override
    public void truncated(long maxBytes) {
        errors.add(new ScanError(
                source,
                "larger than the size limit ("
                        + maxBytes
                        + " bytes): only the first "
                        + maxBytes
                        + " bytes were scanned"));
    }

    /** What the stream held, once the searcher has read its {@code bytes}. */
    FileScan result(long bytes) {
        return new FileScan(findings, suppressed, 1, bytes, errors);
    }

    private Finding classFinding(SinkMatch m, Severity severity, List<Evidence> evidence) {
        Match match = m.match();
        CharSequence text = m.text();
        int from = printableStart(text, match.start());
        int to = printableEnd(text, match.end());
        String snippet = text.subSequence(from, to).toString();
        return new Finding(
                match.rule(),
                severity,
                source,
                1,
                1,
                1,
                message(match.rule()),
                snippet,
                match.start() - from,
                match.end() - from,
                null,
                span(m),
                evidence);
    }

    private Finding finding(SinkMatch m, Severity severity, List<Evidence> evidence) {
        Match match = m.match();
        byte[] bytes = m.bytes();
        int matchEndOnLine = Math.min(match.end(), m.lineEnd());
        int from = Math.max(m.lineStart(), match.start() - SNIPPET_CONTEXT);
        int to = Math.min(m.lineEnd(), Math.max(matchEndOnLine, match.start()) + SNIPPET_CONTEXT);
        String before = decode(bytes, from, match.start());
        String matched = decode(bytes, match.start(), matchEndOnLine);
        String after = decode(bytes, matchEndOnLine, to);
        String raw = before + matched + after;
        String snippet = raw.strip();
        int lead = raw.length() - raw.stripLeading().length();
        int highlightStart = Math.max(0, before.length() - lead);
        int highlightEnd = Math.min(snippet.length(), highlightStart + matched.length());
        return new Finding(
                match.rule(),
                severity,
                source,
                m.line(),
                m.column(),
                m.endColumn(),
                message(match.rule()),
                snippet,
                highlightStart,
                highlightEnd,
                null,
                span(m),
                evidence);
    }

    private static Finding.Span span(SinkMatch m) {
        long at = m.windowStart();
        Match match = m.match();
        return new Finding.Span(at + match.start(), at + match.end(), at + match.spanEnd());
    }

    private static String message(Rule rule) {
        var d = rule.deprecation();
        String what = switch (rule.kind()) {
            case PATH -> d.deprecated() + " is past its end of life (" + d.endOfLife() + ")";
            case SDK_CALL ->
                "this " + rule.language().displayName() + " SDK call sends " + d.deprecated()
                        + ", past its end of life (" + d.endOfLife() + ")";
            case OLDER_SDK_CALL ->
                "this call of "
                        + rule.deprecation().olderSdkCalls().stream()
                                .filter(c -> c.language() == rule.language())
                                .findFirst()
                                .map(c -> c.sdk())
                                .orElse("an older SDK")
                        + " sends " + d.deprecated() + ", past its end of life (" + d.endOfLife() + ")";
            case ARTIFACT -> "compiled code calls " + d.deprecated() + ", past its end of life (" + d.endOfLife() + ")";
        };
        return what + "; use " + rule.replacement();
    }

    private static int printableStart(CharSequence text, int offset) {
        int i = offset;
        while (i > 0 && offset - i < SNIPPET_CONTEXT && isPrintable(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int printableEnd(CharSequence text, int offset) {
        int i = offset;
        while (i < text.length() && i - offset < SNIPPET_CONTEXT && isPrintable(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isPrintable(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static String decode(byte[] bytes, int from, int to) {
        if (to <= from) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
            StringBuilder out = new StringBuilder(chars.length());
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                out.append(c == '\t' || !Character.isISOControl(c) ? c : '\uFFFD');
            }
            return out.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder threw", e);
        }
    }
}
