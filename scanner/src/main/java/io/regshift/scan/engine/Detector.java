package io.regshift.scan.engine;

import io.regshift.core.Catalog;
import io.regshift.core.Deprecation;
import io.regshift.core.OlderSdkCall;
import io.regshift.core.SdkCall;
import io.regshift.scan.Rule;
import io.regshift.scan.RuleSet;
import io.regshift.scan.dialect.Dialect;
import io.regshift.scan.dialect.SdkDialect;
import io.regshift.scan.dialect.Syntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the uses of deprecated endpoints in a text, with patterns derived from the catalog.
 *
 * <p>Work is proportional to the bytes plus the candidates: a literal search for the prefilter
 * needle (e.g. {@code evoke}, which every pattern contains) finds the few places worth a look, and
 * only the neighbourhood of each runs the patterns. Texts are Latin-1 views of raw bytes, so every
 * offset is a byte offset and no decoding happens here; the patterns are ASCII.
 *
 * <p>Immutable and safe to share between threads.
 */
final class Detector {
    /** How far around a needle a match may start or end: longer than any call chain. */
    private static final int REACH = 1024;
    /** How far to look for the closing parenthesis of an SDK call. */
    private static final int MAX_CALL_LENGTH = 64 * 1024;

    private final List<Compiled> source = new ArrayList<>();
    private final List<Compiled> artifact = new ArrayList<>();
    private final Prefilter prefilter;

    Detector(Catalog catalog, RuleSet rules) {
        Set<String> verbs = new HashSet<>();
        // The writes, as RuleSet has rules for.
        for (Deprecation d : catalog.writes()) {
            List<String> tail = d.deprecated().segmentsAfterAccount();
            String path = Pattern.quote(String.join("/", tail));
            String pathRegex = "(?<![A-Za-z0-9_-])" + path + "(?![A-Za-z0-9_-])";
            String segmentsRegex =
                    tail.stream().map(s -> Pattern.quote("\"" + s + "\"")).collect(Collectors.joining("\\s*,\\s*"))
                            + "\\s*\\]";
            List<String> pathLiteral = List.of(String.join("/", tail));
            List<String> segmentLiterals =
                    tail.stream().map(s -> "\"" + s + "\"").toList();
            source.add(Compiled.of(rules.path(d), Pattern.compile(pathRegex), null, pathLiteral));
            source.add(Compiled.of(rules.path(d), Pattern.compile(segmentsRegex), null, segmentLiterals));
            artifact.add(Compiled.of(rules.artifact(d), Pattern.compile(pathRegex), null, pathLiteral));
            for (SdkCall call : d.sdkCalls()) {
                Rule rule = rules.sdk(d, call.language());
                SdkDialect dialect = Dialect.of(call.language());
                List<String> members =
                        call.deprecatedChain().subList(1, call.deprecatedChain().size());
                source.add(Compiled.of(rule, Pattern.compile(dialect.chainRegex(call)), dialect.syntax(), members));
                call.deprecatedParamsType()
                        .ifPresent(type -> source.add(Compiled.of(
                                rule,
                                Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(type) + "(?![A-Za-z0-9_])"),
                                null,
                                List.of(type))));
            }
            for (OlderSdkCall call : d.olderSdkCalls()) {
                source.add(Compiled.of(
                        rules.olderSdk(d, call),
                        Pattern.compile(olderChainRegex(call)),
                        Dialect.of(call.language()).syntax(),
                        call.chain()));
            }
            verbs.add(tail.get(tail.size() - 1).toLowerCase(Locale.ROOT));
        }
        this.prefilter = new Prefilter(needlesFor(verbs));
    }

    /**
     * An older library's call on any value ({@code api.RevokeTeamsDevices(},
     * {@code cf.accounts.devices.revoke.post(}): the dot before it is required, so the method's own
     * definition ({@code func (api *API) RevokeTeamsDevices(}) is not a call.
     */
    private static String olderChainRegex(OlderSdkCall call) {
        return "\\.\\s*"
                + call.chain().stream().map(Pattern::quote).collect(Collectors.joining("\\s*\\.\\s*"))
                + "\\s*\\(";
    }

    /**
     * The literals a text must contain for any rule to match: each verb without its first letter,
     * which may be upper case in SDK names ({@code Revoke}), minus any that contains another.
     */
    private static List<String> needlesFor(Set<String> verbs) {
        List<String> cut =
                verbs.stream().map(v -> v.substring(1)).distinct().sorted().toList();
        return cut.stream()
                .filter(n -> cut.stream().noneMatch(o -> !o.equals(n) && n.contains(o)))
                .toList();
    }

    /**
     * Whether {@code bytes[0, length)} contains any needle: if not, it has no findings. The
     * prefilter alone; {@link #detect} starts with the same search.
     */
    boolean mayMatch(byte[] bytes, int length) {
        return prefilter.anyIn(bytes, length);
    }

    /**
     * The matches in {@code bytes[0, length)}, read as ISO-8859-1 text, that start in {@code [from,
     * to)}, sorted by start, one per call: overlapping SDK matches keep the language of the file
     * ({@code preferred}, may be null) or else the longest; an SDK params type inside a call's
     * parentheses belongs to the call.
     */
    List<Match> detect(byte[] bytes, int length, int from, int to, Mode mode, SdkCall.Language preferred) {
        // Matches just before `from` take part in resolving overlaps, so that a call accepted by the
        // previous window still absorbs what overlaps it here; only those from `from` on are returned.
        int contextFrom = Math.max(0, from - REACH);
        int searchTo = Math.min(length, to + REACH);
        List<int[]> regions = candidateRegions(bytes, length, contextFrom, searchTo);
        if (regions.isEmpty()) {
            return List.of(); // most texts: the prefilter's search found no needle
        }
        List<Compiled> patterns = mode == Mode.SOURCE ? source : artifact;
        Latin1Chars text = new Latin1Chars(bytes, 0, length);
        List<Match> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int[] region : regions) {
            for (int index = 0; index < patterns.size(); index++) {
                Compiled c = patterns.get(index);
                if (!c.literalsIn(bytes, region[0], region[1])) {
                    continue; // the pattern can't match without all its literals: skip the regex
                }
                Matcher m = c.pattern.matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false).region(region[0], region[1]);
                while (m.find()) {
                    if (m.start() < contextFrom || m.start() >= to) {
                        continue;
                    }
                    // Overlapping regions find a match twice; a pattern's index and the start name it once.
                    long key = ((long) index << 32) | m.start();
                    if (seen.add(key)) {
                        int spanEnd = c.call() ? closingParenthesis(c.syntax, text, m.end() - 1) : m.end();
                        found.add(new Match(c.rule, m.start(), m.end(), spanEnd, c.call()));
                    }
                }
            }
        }
        return resolve(found, preferred).stream().filter(m -> m.start() >= from).toList();
    }

    /**
     * Merged windows of {@link #REACH} around each needle that starts in {@code [from, to)}, found
     * by the prefilter's word-at-a-time search.
     */
    private List<int[]> candidateRegions(byte[] bytes, int length, int from, int to) {
        List<int[]> regions = new ArrayList<>();
        int[] current = null;
        for (int hit = prefilter.indexOf(bytes, from, length);
                hit >= 0 && hit < to;
                hit = prefilter.indexOf(bytes, hit + 1, length)) {
            int lo = Math.max(0, hit - REACH);
            int hi = Math.min(length, hit + REACH);
            if (current != null && lo <= current[1]) {
                current[1] = hi;
            } else {
                current = new int[] {lo, hi};
                regions.add(current);
            }
        }
        return regions;
    }

    private static List<Match> resolve(List<Match> found, SdkCall.Language preferred) {
        List<Match> calls = new ArrayList<>();
        List<Match> others = new ArrayList<>();
        for (Match m : found) {
            (m.call() ? calls : others).add(m);
        }
        calls.sort(Comparator.comparingInt(Match::start)
                .thenComparing(m -> m.rule().language() == preferred ? 0 : 1)
                .thenComparing(m -> -(m.end() - m.start())));
        List<Match> kept = new ArrayList<>();
        for (Match call : calls) {
            boolean inside = kept.stream().anyMatch(k -> call.start() >= k.start() && call.start() < k.end());
            if (!inside) {
                kept.add(call);
            }
        }
        for (Match other : others) {
            boolean inCall = other.rule().kind() == Rule.Kind.SDK_CALL
                    && kept.stream().anyMatch(k -> other.start() >= k.start() && other.start() < k.spanEnd());
            if (!inCall) {
                kept.add(other);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start)
                .thenComparing(m -> m.rule().id()));
        return kept;
    }

    /**
     * The offset just past the parenthesis that closes the one at {@code open}, skipping the
     * call's language's strings and comments; {@code open + 1} if it does not close within {@link
     * #MAX_CALL_LENGTH}.
     */
    static int closingParenthesis(Syntax syntax, CharSequence text, int open) {
        int close = syntax.close(text, open, Math.min(text.length(), open + MAX_CALL_LENGTH));
        return close < 0 ? open + 1 : close;
    }

    /**
     * A rule's pattern, and literals every match of it contains, checked before the regex runs; for
     * an SDK call's chain, the syntax of its language, in which the call's parentheses are matched.
     */
    private record Compiled(Rule rule, Pattern pattern, Syntax syntax, List<Literal> literals) {
        static Compiled of(Rule rule, Pattern pattern, Syntax syntax, List<String> literals) {
            return new Compiled(
                    rule, pattern, syntax, literals.stream().map(Literal::new).toList());
        }

        boolean call() {
            return syntax != null;
        }

        boolean literalsIn(byte[] bytes, int from, int to) {
            for (Literal literal : literals) {
                if (literal.indexOf(bytes, from, to) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
