package io.regshift.fix;

import io.regshift.core.SdkCall;
import io.regshift.scan.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an official SDK's deprecated call into its replacement, as the catalog spells both:
 * the chain's members are renamed ({@code devices.revoke.create} becomes {@code
 * devices.registrations.revoke}, Python's {@code with_raw_response} staying where it is), and the
 * argument carrying the IDs is renamed ({@code body} to {@code id}; Go's {@code Body: ids} to
 * {@code ID: cloudflare.F(ids)} in the renamed params struct). Everything else in the call is
 * kept byte for byte. A call whose arguments do not have the expected shape is left alone.
 */
final class SdkCallRewriter {
    private static final int MAX_CALL = 64 * 1024;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GO_CLOUDFLARE_IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import\\s+)?(?:([A-Za-z_][A-Za-z0-9_]*)\\s+)?\"github\\.com/cloudflare/cloudflare-go(?:/v\\d+)?\"");

    private SdkCallRewriter() {}

    static Outcome rewrite(String text, Finding finding, SdkCall call) {
        Syntax.Family family = call.language() == SdkCall.Language.PYTHON ? Syntax.Family.PYTHON : Syntax.Family.C_LIKE;
        int start = (int) finding.span().start();
        int open = (int) finding.span().end() - 1;
        if (finding.span().callEnd() == finding.span().end() || text.charAt(open) != '(') {
            return Outcome.notFixable(
                    finding,
                    "the " + call.deprecatedParamsType().orElse("params") + " value is built apart from the call",
                    "rename it to " + call.replacementParamsType().orElse("the replacement's params") + " and its "
                            + call.deprecatedIdsArgument() + " field to " + call.replacementIdsArgument()
                            + ", where the call is rewritten");
        }
        int close = Syntax.close(text, open, Math.min(text.length(), open + MAX_CALL), family);
        if (close < 0) {
            return Outcome.notFixable(
                    finding, "the call's parentheses do not close within 64 KiB", "rewrite the call by hand");
        }
        List<Edit> edits = new ArrayList<>(renameChain(text, start, open, call));
        List<Edit> argument = switch (call.language()) {
            case TYPESCRIPT -> typescriptArgument(text, open, close, call);
            case PYTHON -> pythonArgument(text, open, close, call);
            case GO -> goArgument(text, open, close, call);
            case JAVA -> null;
        };
        if (argument == null) {
            return Outcome.notFixable(finding, reasonFor(call), manualStepFor(call));
        }
        edits.addAll(argument);
        return Outcome.fixed(finding, edits);
    }

    /** Renames each member of the chain that differs between the deprecated and the replacement call. */
    private static List<Edit> renameChain(String text, int start, int open, SdkCall call) {
        List<int[]> members = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text).region(start, open);
        while (m.find()) {
            if (!m.group().startsWith("with_") || !m.group().endsWith("_response")) {
                members.add(new int[] {m.start(), m.end()});
            }
        }
        List<String> from = call.deprecatedChain();
        List<String> to = call.replacementChain();
        int offset = from.size() - members.size(); // the namespace member is optional
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (!from.get(i + offset).equals(to.get(i + offset))) {
                edits.add(new Edit(members.get(i)[0], members.get(i)[1], to.get(i + offset)));
            }
        }
        return edits;
    }

    /** {@code ({ account_id, body: ids })}: the {@code body} property of the object literal. */
    private static List<Edit> typescriptArgument(String text, int open, int close, SdkCall call) {
        List<int[]> args = Syntax.items(text, open, close, Syntax.Family.C_LIKE);
        if (args.isEmpty() || text.charAt(args.get(0)[0]) != '{') {
            return null;
        }
        int objectEnd = Syntax.close(text, args.get(0)[0], close, Syntax.Family.C_LIKE);
        if (objectEnd != args.get(0)[1]) {
            return null;
        }
        for (int[] property : Syntax.items(text, args.get(0)[0], objectEnd, Syntax.Family.C_LIKE)) {
            int keyStart = property[0];
            char first = text.charAt(keyStart);
            boolean quoted = first == '\'' || first == '"';
            String key = Syntax.identifierAt(text, quoted ? keyStart + 1 : keyStart);
            if (!key.equals(call.deprecatedIdsArgument())) {
                continue;
            }
            int keyEnd = (quoted ? keyStart + 1 : keyStart) + key.length();
            if (quoted && (keyEnd >= text.length() || text.charAt(keyEnd) != first)) {
                continue;
            }
            int after = Syntax.skipSpace(text, quoted ? keyEnd + 1 : keyEnd, property[1], Syntax.Family.C_LIKE);
            if (after < property[1] && text.charAt(after) == ':') {
                return List.of(new Edit(quoted ? keyStart + 1 : keyStart, keyEnd, call.replacementIdsArgument()));
            }
            if (!quoted && after == property[1]) { // shorthand { body }
                return List.of(new Edit(keyStart, keyEnd, call.replacementIdsArgument() + ": " + key));
            }
        }
        return null;
    }

    /** {@code (account_id=acc, body=ids)}: the {@code body} keyword argument. */
    private static List<Edit> pythonArgument(String text, int open, int close, SdkCall call) {
        for (int[] argument : Syntax.items(text, open, close, Syntax.Family.PYTHON)) {
            String name = Syntax.identifierAt(text, argument[0]);
            if (!name.equals(call.deprecatedIdsArgument())) {
                continue;
            }
            int after = Syntax.skipSpace(text, argument[0] + name.length(), argument[1], Syntax.Family.PYTHON);
            if (after < argument[1]
                    && text.charAt(after) == '='
                    && (after + 1 >= argument[1] || text.charAt(after + 1) != '=')) {
                return List.of(new Edit(argument[0], argument[0] + name.length(), call.replacementIdsArgument()));
            }
        }
        return null;
    }

    /**
     * {@code (ctx, zero_trust.DeviceRevokeNewParams{AccountID: acc, Body: ids})}: the params type,
     * keeping its package qualifier, and the {@code Body} field, wrapped in {@code cloudflare.F}.
     */
    private static List<Edit> goArgument(String text, int open, int close, SdkCall call) {
        String type = call.deprecatedParamsType().orElseThrow();
        Matcher literal = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(type) + "\\s*\\{")
                .matcher(text)
                .region(open, close);
        if (!literal.find()) {
            return null;
        }
        String cloudflare = goCloudflarePackage(text);
        if (cloudflare == null) {
            return null;
        }
        int brace = literal.end() - 1;
        int braceEnd = Syntax.close(text, brace, close, Syntax.Family.C_LIKE);
        if (braceEnd < 0) {
            return null;
        }
        for (int[] field : Syntax.items(text, brace, braceEnd, Syntax.Family.C_LIKE)) {
            String name = Syntax.identifierAt(text, field[0]);
            int colon = Syntax.skipSpace(text, field[0] + name.length(), field[1], Syntax.Family.C_LIKE);
            if (!name.equals(call.deprecatedIdsArgument()) || colon >= field[1] || text.charAt(colon) != ':') {
                continue;
            }
            int value = Syntax.skipSpace(text, colon + 1, field[1], Syntax.Family.C_LIKE);
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
            return edits;
        }
        return null;
    }

    /** The end of a field's value: before a trailing comment on its line. */
    private static int valueEnd(String text, int value, int end) {
        for (int i = value; i < end; i++) {
            int skipped = Syntax.skip(text, i, end, Syntax.Family.C_LIKE);
            if (skipped != i) {
                if (text.startsWith("//", i) || text.startsWith("/*", i)) {
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
    static String goCloudflarePackage(String text) {
        Matcher m = GO_CLOUDFLARE_IMPORT.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) == null ? "cloudflare" : m.group(1);
    }

    private static String reasonFor(SdkCall call) {
        return switch (call.language()) {
            case TYPESCRIPT ->
                "the call's argument is not an object literal with a " + call.deprecatedIdsArgument() + " property";
            case PYTHON ->
                "the call has no " + call.deprecatedIdsArgument() + "= keyword argument (the IDs may come in **kwargs)";
            case GO ->
                "the call has no " + call.deprecatedParamsType().orElseThrow() + "{...} literal with a "
                        + call.deprecatedIdsArgument()
                        + " field, or the file does not import github.com/cloudflare/cloudflare-go";
            case JAVA -> "the Java SDK's params builder changes with the call";
        };
    }

    private static String manualStepFor(SdkCall call) {
        return "call " + call.replacementCall() + " and pass the IDs as " + call.replacementIdsArgument()
                + call.replacementParamsType()
                        .map(t -> " in " + t + ", wrapped in cloudflare.F(...)")
                        .orElse("");
    }
}
