package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** TypeScript and JavaScript, and the {@code cloudflare} npm package's calls. */
final class TypeScriptDialect implements SdkDialect {
    /** Route registrations: Express, Fastify, Hono and Koa routers ({@code app.post('/x', h)}), NestJS decorators ({@code @Post('x')}). */
    private static final Routes ROUTES = new Routes(
            "(?:\\b(?:app|router|server|fastify|hono|routes?)\\s*\\.\\s*(?:get|post|put|patch|delete|all|route|on)\\s*\\(\\s*|@(?:Get|Post|Put|Patch|Delete|All)\\s*\\(\\s*)$");

    private static final Set<String> EXTENSIONS = Set.of("ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs");

    private static final Syntax SYNTAX = new Syntax(
            List.of("//"),
            "/*",
            "*/",
            List.of(
                    new Syntax.Quote("\"", true, false),
                    new Syntax.Quote("'", true, false),
                    new Syntax.Quote("`", true, true)));

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public Optional<SdkCall.Language> language() {
        return Optional.of(SdkCall.Language.TYPESCRIPT);
    }

    @Override
    public boolean documentation() {
        return false;
    }

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    /** Optional chaining ({@code devices?.revoke}) counts as a dot. */
    @Override
    public String chainRegex(SdkCall call) {
        return CallChain.regex(call.deprecatedChain(), "\\s*\\??\\.\\s*", "", "");
    }

    @Override
    public String otherForms() {
        return "";
    }

    @Override
    public String example(SdkCall call) {
        return "client." + call.deprecatedCall() + "({ account_id, " + call.deprecatedIdsArgument() + ": ids })";
    }

    @Override
    public String replacementExample(SdkCall call) {
        return "client." + call.replacementCall() + "({ account_id, " + call.replacementIdsArgument() + ": ids })";
    }

    /** {@code ({ account_id, body: ids })}: the {@code body} property of the object literal. */
    @Override
    public Optional<List<Edit>> rewriteIdsArgument(String text, int open, int close, SdkCall call) {
        List<int[]> args = SYNTAX.items(text, open, close);
        if (args.isEmpty() || text.charAt(args.get(0)[0]) != '{') {
            return Optional.empty();
        }
        int objectEnd = SYNTAX.close(text, args.get(0)[0], close);
        if (objectEnd != args.get(0)[1]) {
            return Optional.empty();
        }
        for (int[] property : SYNTAX.items(text, args.get(0)[0], objectEnd)) {
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
            int after = SYNTAX.skipSpace(text, quoted ? keyEnd + 1 : keyEnd, property[1]);
            if (after < property[1] && text.charAt(after) == ':') {
                return Optional.of(
                        List.of(new Edit(quoted ? keyStart + 1 : keyStart, keyEnd, call.replacementIdsArgument())));
            }
            if (!quoted && after == property[1]) { // shorthand { body }
                return Optional.of(List.of(new Edit(keyStart, keyEnd, call.replacementIdsArgument() + ": " + key)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String notRewrittenBecause(SdkCall call) {
        return "the call's argument is not an object literal with a " + call.deprecatedIdsArgument() + " property";
    }

    @Override
    public boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return ROUTES.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }
}
