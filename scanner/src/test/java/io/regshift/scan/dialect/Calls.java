package io.regshift.scan.dialect;

import io.regshift.core.Catalog;
import io.regshift.core.SdkCall;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalog's revoke call per SDK, and what the dialects' pieces do with a text. */
final class Calls {
    private Calls() {}

    static SdkCall revoke(SdkCall.Language language) {
        return Catalog.standard().deprecations().stream()
                .flatMap(d -> d.sdkCalls().stream())
                .filter(c ->
                        c.language() == language && c.deprecatedChain().stream().anyMatch("revoke"::equalsIgnoreCase))
                .findFirst()
                .orElseThrow();
    }

    /** The first match of the dialect's chain pattern for {@code call} in {@code text}, or null. */
    static String chainIn(SdkDialect dialect, SdkCall call, String text) {
        Matcher m = Pattern.compile(dialect.chainRegex(call)).matcher(text);
        return m.find() ? m.group() : null;
    }

    /**
     * {@code text} with the dialect's rewrite of the IDs argument of the first call in it (whose
     * argument list is the first parenthesis), or null if it rewrites nothing.
     */
    static String rewritten(SdkDialect dialect, SdkCall call, String text) {
        int open = text.indexOf('(');
        int close = dialect.syntax().close(text, open, text.length());
        return dialect.rewriteIdsArgument(text, open, close, call)
                .map(edits -> apply(text, edits))
                .orElse(null);
    }

    private static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.text()));
        return out.toString();
    }
}
