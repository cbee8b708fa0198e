package io.regshift.scan.dialect;

import io.regshift.core.SdkCall;
import java.util.Optional;
import java.util.Set;

/**
 * What the scanner and the fixer know of one language: its file extensions, its comment syntax
 * (for {@code regshift:ignore}), and, for a language an official SDK is written for, the rest in
 * {@link SdkDialect}. Every file has one: {@link #of(String)} picks it by extension, and files of
 * no known language are text (YAML, JSON, shell, Markdown, ...). Adding a language is adding a
 * dialect.
 */
public interface Dialect {
    /** The dialect of a file, by its path's extension. */
    static Dialect of(String path) {
        return Dialects.of(path);
    }

    /** The dialect an SDK's calls are written in. */
    static SdkDialect of(SdkCall.Language language) {
        return Dialects.of(language);
    }

    /** The extensions, lower case without the dot, of the files in this dialect; none for the fallback. */
    Set<String> extensions();

    /** The SDK written for this language, if there is one: its calls are preferred where matches overlap. */
    Optional<SdkCall.Language> language();

    /** Whether files in this dialect are documentation, whose findings are warnings rather than errors. */
    boolean documentation();

    /**
     * Whether {@code at}, on the line {@code [lineStart, lineEnd)} of {@code text}, is inside a
     * comment, judged from the line alone.
     */
    boolean inComment(CharSequence text, int lineStart, int lineEnd, int at);

    /**
     * Whether a {@code regshift:ignore} comment on the line {@code [lineStart, lineEnd)} of {@code
     * text}, or on the line above, suppresses a finding on that line.
     */
    default boolean suppresses(CharSequence text, int lineStart, int lineEnd) {
        return Suppression.covers(this, text, lineStart, lineEnd);
    }

    /**
     * Whether the path in the string literal that starts at {@code literalStart} (its quote, or the
     * path itself where it is not quoted) and ends at {@code pathEnd}, on the line {@code [lineStart,
     * lineEnd)}, is a route the file's own server defines: a registration such as Express's {@code
     * app.post('/x', h)}, FastAPI's {@code @app.post("/x")}, Spring's {@code @PostMapping("/x")} or
     * Go's {@code mux.HandleFunc("/x", h)}, or a path key of an API description ({@code /x:}). Such
     * a path is the file's own API, not a call of someone else's.
     */
    default boolean definesRoute(CharSequence text, int lineStart, int lineEnd, int literalStart, int pathEnd) {
        return Routes.NONE.define(text, lineStart, lineEnd, literalStart, pathEnd);
    }

    /**
     * The statement that imports {@code qualifiedName}, in the dialects where the fixer adds
     * imports (Java and Kotlin); empty elsewhere.
     */
    default Optional<String> importStatement(String qualifiedName) {
        return Optional.empty();
    }
}
