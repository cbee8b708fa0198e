package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go, and cloudflare-go's calls, whose IDs travel in a params struct. */
final class GoDialect implements SdkDialect {
    /** Route registrations: {@code net/http}'s {@code HandleFunc}, gin's and echo's {@code POST}, chi's {@code r.Post}. */
    private static final Routes ROUTES = new Routes(
            "(?:\\.\\s*(?:HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Any)\\s*\\(\\s*(?:\"[A-Z]+ )?|\\b(?:r|router|mux|mr|g|e)\\s*\\.\\s*(?:Get|Post|Put|Patch|Delete|Route|Group)\\s*\\(\\s*)$");

    private static final Set<String> EXTENSIONS = Set.of("go");

    /** Raw strings in back quotes span lines and know no escapes. */
    private static final Syntax SYNTAX = new Syntax(
            List.of("//"),
            "/*",
            "*/",
            List.of(
                    new Syntax.Quote("\"", true, false),
                    new Syntax.Quote("'", true, false),
                    new Syntax.Quote("`", false, true)));

    private static final Pattern CLOUDFLARE_IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import\\s+)?(?:([A-Za-z_][A-Za-z0-9_]*)\\s+)?\"github\\.com/cloudflare/cloudflare-go(?:/v\\d+)?\"");

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public Optional<SdkCall.Language> language() {
        return Optional.of(SdkCall.Language.GO);
    }

    @Override
    public boolean documentation() {
        return false;
    }

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    @Override
    public String chainRegex(SdkCall call) {
        return CallChain.regex(call.deprecatedChain(), "\\s*\\.\\s*", "", "");
    }

    @Override
    public String otherForms() {
        return "";
    }

    @Override
    public String example(SdkCall call) {
        return "client." + call.deprecatedCall() + "(ctx, zero_trust."
                + call.deprecatedParamsType().orElseThrow() + "{AccountID: cloudflare.F(acc), "
                + call.deprecatedIdsArgument() + ": ids})";
    }

    @Override
    public String replacementExample(SdkCall call) {
        return "client." + call.replacementCall() + "(ctx, zero_trust."
                + call.replacementParamsType().orElseThrow() + "{AccountID: cloudflare.F(acc), "
                + call.replacementIdsArgument() + ": cloudflare.F(ids)})";
    }

    /**
     * {@code (ctx, zero_trust.DeviceRevokeNewParams{AccountID: acc, Body: ids})}: the params type,
     * keeping its package qualifier, and the {@code Body} field, wrapped in {@code cloudflare.F}.
     */
    @Override
    public Optional<List<Edit>> rewriteIdsArgument(String text, int open, int close, SdkCall call) {
        String type = call.deprecatedParamsType().orElseThrow();
        Matcher literal = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(type) + "\\s*\\{")
                .matcher(text)
                .region(open, close);
        if (!literal.find()) {
            return Optional.empty();
        }
        String cloudflare = cloudflarePackage(text);
        if (cloudflare == null) {
            return Optional.empty();
        }
        int brace = literal.end() - 1;
        int braceEnd = SYNTAX.close(text, brace, close);
        if (braceEnd < 0) {
            return Optional.empty();
        }
        for (int[] field : SYNTAX.items(text, brace, braceEnd)) {
            String name = Syntax.identifierAt(text, field[0]);
            int colon = SYNTAX.skipSpace(text, field[0] + name.length(), field[1]);
            if (!name.equals(call.deprecatedIdsArgument()) || colon >= field[1] || text.charAt(colon) != ':') {
                continue;
            }
            int value = SYNTAX.skipSpace(text, colon + 1, field[1]);
            int valueEnd = valueEnd(text, value, field[1]);
            List<Edit> edits = new ArrayList<>();
            edits.add(new Edit(
                    literal.start(),
                    literal.start() + type.length(),
                    call.replacementParamsType().orElseThrow()));
            edits.add(new Edit(field[0], field[0] + name.length(), call.replacementIdsArgument()));
            int shorter = name.length() - call.replacementIdsArgument().length();
            if (shorter > 0 && value - colon > 2) { // gofmt-aligned values stay aligned
                edits.add(new Edit(colon + 1, colon + 1, " ".repeat(shorter)));
            }
            if (!text.startsWith(cloudflare + ".F(", value)) {
                edits.add(new Edit(value, value, cloudflare + ".F("));
                edits.add(new Edit(valueEnd, valueEnd, ")"));
            }
            return Optional.of(edits);
        }
        return Optional.empty();
    }

    /** The end of a field's value: before a trailing comment on its line. */
    private static int valueEnd(String text, int value, int end) {
        for (int i = value; i < end; i++) {
            int skipped = SYNTAX.skip(text, i, end);
            if (skipped != i) {
                if (SYNTAX.commentAt(text, i, end)) {
                    int e = i;
                    while (e > value && Character.isWhitespace(text.charAt(e - 1))) {
                        e--;
                    }
                    return e;
                }
                i = skipped - 1;
            }
        }
        return end;
    }

    /** The name the file imports cloudflare-go under, or null if it does not import it. */
    private static String cloudflarePackage(String text) {
        Matcher m = CLOUDFLARE_IMPORT.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) == null ? "cloudflare" : m.group(1);
    }

    @Override
    public String notRewrittenBecause(SdkCall call) {
        return "the call has no " + call.deprecatedParamsType().orElseThrow() + "{...} literal with a "
                + call.deprecatedIdsArgument()
                + " field, or the file does not import github.com/cloudflare/cloudflare-go";
    }

    @Override
    public boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return ROUTES.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }
}
