package io.regshift.fix;

import io.regshift.core.SdkCall;
import io.regshift.scan.Finding;
import io.regshift.scan.dialect.Dialect;
import io.regshift.scan.dialect.Edit;
import io.regshift.scan.dialect.SdkDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an official SDK's deprecated call into its replacement, as the catalog spells both:
 * the chain's members are renamed ({@code devices.revoke.create} becomes {@code
 * devices.registrations.revoke}, Python's {@code with_raw_response} staying where it is), and the
 * argument carrying the IDs is renamed ({@code body} to {@code id}; Go's {@code Body: ids} to
 * {@code ID: cloudflare.F(ids)} in the renamed params struct: the language's {@link SdkDialect}
 * knows the argument's shape). Everything else in the call is kept byte for byte. A call whose
 * arguments do not have the expected shape is left alone.
 */
final class SdkCallRewriter {
    private static final int MAX_CALL = 64 * 1024;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SdkCallRewriter() {}

    static Outcome rewrite(String text, Finding finding, SdkCall call) {
        SdkDialect dialect = Dialect.of(call.language());
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
        int close = dialect.syntax().close(text, open, Math.min(text.length(), open + MAX_CALL));
        if (close < 0) {
            return Outcome.notFixable(
                    finding, "the call's parentheses do not close within 64 KiB", "rewrite the call by hand");
        }
        List<Edit> edits = new ArrayList<>(renameChain(text, start, open, call));
        Optional<List<Edit>> argument = dialect.rewriteIdsArgument(text, open, close, call);
        if (argument.isEmpty()) {
            return Outcome.notFixable(finding, dialect.notRewrittenBecause(call), manualStepFor(call));
        }
        edits.addAll(argument.get());
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

    private static String manualStepFor(SdkCall call) {
        return "call " + call.replacementCall() + " and pass the IDs as " + call.replacementIdsArgument()
                + call.replacementParamsType()
                        .map(t -> " in " + t + ", wrapped in cloudflare.F(...)")
                        .orElse("");
    }
}
