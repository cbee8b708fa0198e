package io.regshift.scan.engine;

import io.regshift.scan.Evidence;
import io.regshift.scan.dialect.Dialect;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Decides whether a match of a deprecated path is a claim about Cloudflare's API, and on what
 * evidence: the account segment before it, Cloudflare's host on its line, or a file that otherwise
 * talks to Cloudflare. Another application's route, a deeper path, a file name or a string that is
 * no URL is no claim; a bare path with no evidence either way is uncertain.
 */
final class PathEvidence {
    /** What a path match amounts to. */
    enum Verdict {
        /** Cloudflare's path, on the judgement's evidence. */
        CLAIM,
        /** A bare URL path with no evidence either way: reported only when asked for, as a note. */
        UNCERTAIN,
        /** Not Cloudflare's path. */
        NONE
    }

    record Judgement(Verdict verdict, List<Evidence> evidence) {
        static final Judgement NONE = new Judgement(Verdict.NONE, List.of());
        static final Judgement UNCERTAIN = new Judgement(Verdict.UNCERTAIN, List.of());
    }

    /** How far back on its line the literal holding a path is looked for. */
    private static final int LITERAL_REACH = 256;

    private PathEvidence() {}

    /**
     * Judges the path match {@code [start, end)} of {@code text} (the Latin-1 view of {@code
     * bytes}) on the line {@code [lineStart, lineEnd)}.
     *
     * @param segments whether the match is a path written as an array of segments ({@code "devices",
     *     "revoke"]}), starting at the quote of its first segment
     * @param fileContext whether the file shows elsewhere that it talks to Cloudflare's API; asked
     *     only when the path itself does not tell
     */
    static Judgement judge(
            byte[] bytes,
            CharSequence text,
            int start,
            int end,
            boolean segments,
            int lineStart,
            int lineEnd,
            Dialect dialect,
            BooleanSupplier fileContext) {
        if (!segments && !PathShape.endsAt(text, end)) {
            return Judgement.NONE;
        }
        PathShape.Kind kind = segments ? PathShape.segmentsPrefix(text, start) : PathShape.prefix(text, start);
        boolean host = CloudflareContext.hostIn(bytes, lineStart, start);
        switch (kind) {
            case ACCOUNT:
                return new Judgement(
                        Verdict.CLAIM,
                        host
                                ? List.of(Evidence.ACCOUNT_SEGMENT, Evidence.CLOUDFLARE_HOST)
                                : List.of(Evidence.ACCOUNT_SEGMENT));
            case FOREIGN:
                return Judgement.NONE;
            default:
                break;
        }
        if (!segments && dialect.definesRoute(text, lineStart, lineEnd, literalStart(text, start, lineStart), end)) {
            return Judgement.NONE;
        }
        if (host) {
            return new Judgement(Verdict.CLAIM, List.of(Evidence.CLOUDFLARE_HOST));
        }
        if (fileContext.getAsBoolean()) {
            return new Judgement(Verdict.CLAIM, List.of(Evidence.FILE_CONTEXT));
        }
        // A URL path starts with a slash; devices/revoke bare is a name more often than a path
        // (an action type, a command, a module), and a segment array a query key.
        boolean urlPath = !segments && start > lineStart && text.charAt(start - 1) == '/';
        return urlPath ? Judgement.UNCERTAIN : Judgement.NONE;
    }

    /** The quote opening the literal the path at {@code start} is in, or where the unquoted path starts. */
    private static int literalStart(CharSequence text, int start, int lineStart) {
        int floor = Math.max(lineStart, start - LITERAL_REACH);
        int i = start;
        while (i > floor) {
            char c = text.charAt(i - 1);
            if (PathShape.isQuote(c)) {
                return i - 1;
            }
            if (c == ' ' || c == '\t') {
                return i;
            }
            i--;
        }
        return i;
    }
}
