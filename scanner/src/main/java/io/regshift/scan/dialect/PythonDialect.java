package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Python, and the {@code cloudflare} PyPI package's calls, sync and async. */
final class PythonDialect implements SdkDialect {
    /** Route registrations: FastAPI and Flask decorators ({@code @app.post("/x")}, {@code @bp.route("/x")}), Django's {@code path("x", view)}. */
    private static final Routes ROUTES = new Routes(
            "(?:@\\s*[A-Za-z_][\\w.]*\\s*\\.\\s*(?:get|post|put|patch|delete|route|api_route)\\s*\\(\\s*|\\b(?:re_)?path\\s*\\(\\s*|\\badd_url_rule\\s*\\(\\s*)$");

    private static final Set<String> EXTENSIONS = Set.of("py", "pyi");

    private static final Syntax SYNTAX = new Syntax(
            List.of("#"),
            null,
            null,
            List.of(
                    new Syntax.Quote("\"\"\"", false, true),
                    new Syntax.Quote("'''", false, true),
                    new Syntax.Quote("\"", true, false),
                    new Syntax.Quote("'", true, false)));

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public Optional<SdkCall.Language> language() {
        return Optional.of(SdkCall.Language.PYTHON);
    }

    @Override
    public boolean documentation() {
        return false;
    }

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    /** The SDK's {@code with_raw_response} and {@code with_streaming_response} go before the last member. */
    @Override
    public String chainRegex(SdkCall call) {
        return CallChain.regex(
                call.deprecatedChain(), "\\s*\\.\\s*", "", "(?:with_(?:raw|streaming)_response\\s*\\.\\s*)?");
    }

    @Override
    public String otherForms() {
        return "; also the `with_raw_response` / `with_streaming_response` and async forms";
    }

    @Override
    public String example(SdkCall call) {
        return "client." + call.deprecatedCall() + "(account_id=account_id, " + call.deprecatedIdsArgument() + "=ids)";
    }

    @Override
    public String replacementExample(SdkCall call) {
        return "client." + call.replacementCall() + "(account_id=account_id, " + call.replacementIdsArgument()
                + "=ids)";
    }

    /** {@code (account_id=acc, body=ids)}: the {@code body} keyword argument. */
    @Override
    public Optional<List<Edit>> rewriteIdsArgument(String text, int open, int close, SdkCall call) {
        for (int[] argument : SYNTAX.items(text, open, close)) {
            String name = Syntax.identifierAt(text, argument[0]);
            if (!name.equals(call.deprecatedIdsArgument())) {
                continue;
            }
            int after = SYNTAX.skipSpace(text, argument[0] + name.length(), argument[1]);
            if (after < argument[1]
                    && text.charAt(after) == '='
                    && (after + 1 >= argument[1] || text.charAt(after + 1) != '=')) {
                return Optional.of(
                        List.of(new Edit(argument[0], argument[0] + name.length(), call.replacementIdsArgument())));
            }
        }
        return Optional.empty();
    }

    @Override
    public String notRewrittenBecause(SdkCall call) {
        return "the call has no " + call.deprecatedIdsArgument() + "= keyword argument (the IDs may come in **kwargs)";
    }

    @Override
    public boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return ROUTES.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }
}
