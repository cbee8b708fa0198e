package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.Optional;
import java.util.Set;

/**
 * Every file of no language regshift knows: configuration, scripts, documentation, data. Their
 * comment syntaxes are many ({@code #} in YAML and shell, {@code ;} in .ini, {@code '} and {@code
 * REM} in Visual Basic and batch files, {@code %} in TeX, {@code --} in SQL, {@code <!--} in
 * Markdown), so a comment is any of them before the marker on its line.
 */
final class TextDialect implements Dialect {
    /** Route registrations: Laravel's {@code Route::post}, ASP.NET's {@code [HttpPost("x")]}, Rails' and Sinatra's {@code post '/x'}, Slim's {@code $app->post}, axum's {@code .route("/x", ...)}. */
    private static final Routes ROUTES = new Routes(
            "(?:\\bRoute::(?:get|post|put|patch|delete|any|match)\\s*\\(\\s*|\\[\\s*(?:Http(?:Get|Post|Put|Patch|Delete)|Route)\\s*\\(\\s*|^\\s*(?:get|post|put|patch|delete)\\s+|->\\s*(?:get|post|put|patch|delete)\\s*\\(\\s*|\\.route\\s*\\(\\s*)$");

    private static final String[] COMMENT_STARTS = {"//", "#", "/*", "*", "<!--", "--", ";", "%", "'", "REM ", "rem "};

    /** Prose: a use in it is documentation to update, reported as a warning. */
    static final TextDialect DOCUMENTATION =
            new TextDialect(Set.of("md", "markdown", "mdx", "rst", "adoc", "asciidoc", "txt", "textile", "org"), true);

    /** Everything else. */
    static final TextDialect OTHER = new TextDialect(Set.of(), false);

    private final Set<String> extensions;
    private final boolean documentation;

    private TextDialect(Set<String> extensions, boolean documentation) {
        this.extensions = extensions;
        this.documentation = documentation;
    }

    @Override
    public Set<String> extensions() {
        return extensions;
    }

    @Override
    public Optional<SdkCall.Language> language() {
        return Optional.empty();
    }

    @Override
    public boolean documentation() {
        return documentation;
    }

    @Override
    public boolean inComment(CharSequence text, int lineStart, int lineEnd, int at) {
        String before = text.subSequence(lineStart, at).toString();
        for (String start : COMMENT_STARTS) {
            if (before.contains(start)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return ROUTES.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }
}
