package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Java, Kotlin and the other JVM languages, and cloudflare-java's calls. The fixer adds imports
 * only in Java and Kotlin files, whose import statements it knows; the SDK's calls themselves are
 * not rewritten, since its params builder changes with the call.
 */
final class JavaDialect implements SdkDialect {
    /** Route registrations: Spring's {@code @PostMapping}, JAX-RS's {@code @Path}, Ktor's {@code post("/x") { }}. */
    private static final Routes ROUTES = new Routes(
            "(?:@(?:Get|Post|Put|Patch|Delete|Request)Mapping\\s*\\((?:[^)]*?\\b(?:path|value)\\s*=\\s*)?\\{?\\s*|@Path\\s*\\(\\s*|(?<![.\\w])(?:get|post|put|patch|delete|route)\\s*\\(\\s*)$");

    /** Java's text blocks and Kotlin's raw strings, then the usual literals; Kotlin quotes names in back quotes. */
    private static final Syntax SYNTAX = new Syntax(
            List.of("//"),
            "/*",
            "*/",
            List.of(
                    new Syntax.Quote("\"\"\"", true, true),
                    new Syntax.Quote("\"", true, false),
                    new Syntax.Quote("'", true, false),
                    new Syntax.Quote("`", true, false)));

    static final JavaDialect JAVA = new JavaDialect(Set.of("java"), ";");
    static final JavaDialect KOTLIN = new JavaDialect(Set.of("kt"), "");
    static final JavaDialect OTHER_JVM = new JavaDialect(Set.of("kts", "groovy", "scala"), null);

    private final Set<String> extensions;
    private final String importTerminator;

    /** @param importTerminator what ends an import statement, or null where the fixer adds none */
    private JavaDialect(Set<String> extensions, String importTerminator) {
        this.extensions = extensions;
        this.importTerminator = importTerminator;
    }

    @Override
    public Set<String> extensions() {
        return extensions;
    }

    @Override
    public Optional<SdkCall.Language> language() {
        return Optional.of(SdkCall.Language.JAVA);
    }

    @Override
    public boolean documentation() {
        return false;
    }

    @Override
    public Optional<String> importStatement(String qualifiedName) {
        return Optional.ofNullable(importTerminator).map(end -> "import " + qualifiedName + end);
    }

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    /** Each member is a method: {@code zeroTrust().devices().revoke().create(}. */
    @Override
    public String chainRegex(SdkCall call) {
        return CallChain.regex(call.deprecatedChain(), "\\s*\\.\\s*", "\\s*\\(\\s*\\)", "");
    }

    @Override
    public String otherForms() {
        return "";
    }

    @Override
    public String example(SdkCall call) {
        return "client." + String.join("().", call.deprecatedChain()) + "(params)";
    }

    @Override
    public String replacementExample(SdkCall call) {
        return "client." + String.join("().", call.replacementChain()) + "(params)";
    }

    @Override
    public Optional<List<Edit>> rewriteIdsArgument(String text, int open, int close, SdkCall call) {
        return Optional.empty();
    }

    @Override
    public String notRewrittenBecause(SdkCall call) {
        return "the Java SDK's params builder changes with the call";
    }

    @Override
    public boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return ROUTES.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }
}
