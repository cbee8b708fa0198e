package io.regshift.fix;

import io.regshift.core.Deprecation;
import io.regshift.core.SdkCall;
import io.regshift.scan.Finding;
import io.regshift.scan.dialect.Dialect;
import io.regshift.scan.dialect.Edit;
import io.regshift.scan.dialect.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a Retrofit interface method written for a deprecated endpoint: {@code
 * @POST("accounts/{account_id}/devices/revoke")} becomes {@code .../devices/registrations/revoke},
 * the method's {@code @Body} parameter becomes {@code @Query("id")}, and {@code
 * retrofit2.http.Query} is imported if it is not. Java and Kotlin, whose brackets it matches with
 * the Java/Kotlin dialect's syntax.
 */
final class RetrofitRewriter {
    private static final Syntax SYNTAX = Dialect.of(SdkCall.Language.JAVA).syntax();
    private static final Pattern POST_BEFORE = Pattern.compile("@POST\\s*\\(\\s*(?:value\\s*=\\s*)?\"[^\"\\n]*$");

    private RetrofitRewriter() {}

    /** Whether the finding is the path of a {@code @POST} annotation. */
    static boolean applies(String text, Finding finding) {
        int start = (int) finding.span().start();
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        return POST_BEFORE.matcher(text.substring(lineStart, start)).find();
    }

    /** @param importQuery the statement that imports {@code retrofit2.http.Query} in the file's language */
    static Outcome rewrite(String text, Finding finding, Deprecation deprecation, String importQuery) {
        int start = (int) finding.span().start();
        int end = (int) finding.span().end();
        int annotationOpen = text.lastIndexOf('(', start);
        int annotationClose = SYNTAX.close(text, annotationOpen, text.length());
        int parameters = parameterList(text, annotationClose);
        int parametersEnd = parameters < 0 ? -1 : SYNTAX.close(text, parameters, text.length());
        if (annotationClose < 0 || parametersEnd < 0) {
            return Outcome.notFixable(
                    finding, "the method after the @POST annotation was not found", manualStep(deprecation));
        }
        Matcher body = Pattern.compile("@Body\\b").matcher(text).region(parameters, parametersEnd);
        if (!body.find()) {
            return Outcome.notFixable(finding, "the method has no @Body parameter", manualStep(deprecation));
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(
                new Edit(start, end, String.join("/", deprecation.replacement().segmentsAfterAccount())));
        edits.add(new Edit(
                body.start(), body.end(), "@Query(\"" + deprecation.mapping().queryParameter() + "\")"));
        Edit imported = importQuery(text, importQuery);
        if (imported != null) {
            edits.add(imported);
        }
        return Outcome.fixed(finding, edits);
    }

    /** The '(' of the method's parameters: the first after the annotation that follows a name. */
    private static int parameterList(String text, int from) {
        for (int i = from; i >= 0 && i < text.length(); i++) {
            int skipped = SYNTAX.skip(text, i, text.length());
            if (skipped != i) {
                i = skipped - 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '@') { // another annotation, perhaps with arguments
                int j = i + 1 + Syntax.identifierAt(text, i + 1).length();
                while (j < text.length() && text.charAt(j) == '.') {
                    j += 1 + Syntax.identifierAt(text, j + 1).length();
                }
                int k = SYNTAX.skipSpace(text, j, text.length());
                i = (k < text.length() && text.charAt(k) == '(' ? SYNTAX.close(text, k, text.length()) : j) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                return i;
            } else if (c == ';' || c == '{' || c == '}') {
                return -1;
            }
        }
        return -1;
    }

    /** An import of retrofit2.http.Query, unless the file has it or imports retrofit2.http.*. */
    private static Edit importQuery(String text, String statement) {
        if (Pattern.compile("(?m)^\\s*import\\s+retrofit2\\.http\\.(Query|\\*)\\s*;?\\s*$")
                .matcher(text)
                .find()) {
            return null;
        }
        String eol = lineEnding(text);
        String line = statement + eol;
        Matcher imports = Pattern.compile("(?m)^\\s*import\\s+retrofit2\\.http\\.[A-Za-z]+\\s*;?[ \\t]*\\r?$")
                .matcher(text);
        int after = -1;
        while (imports.find()) {
            after = imports.end();
        }
        if (after < 0) {
            Matcher any = Pattern.compile("(?m)^\\s*import\\s+[^\\n]*$").matcher(text);
            while (any.find()) {
                after = any.end();
            }
        }
        if (after < 0) {
            Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+[^\\n]*$").matcher(text);
            if (!pkg.find()) {
                int bom = text.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
                return new Edit(bom, bom, line);
            }
            after = pkg.end();
            line = eol + line;
        }
        int lineEnd = text.indexOf('\n', after);
        int at = lineEnd < 0 ? text.length() : lineEnd + 1;
        return new Edit(at, at, lineEnd < 0 ? eol + line.substring(0, line.length() - eol.length()) : line);
    }

    /** The line ending a file uses: CRLF if its first line ends so, LF otherwise. */
    private static String lineEnding(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private static String manualStep(Deprecation d) {
        return "annotate the method with @POST(\"..." + d.replacement().pathTemplate()
                + "\") and pass the IDs as @Query(\"" + d.mapping().queryParameter()
                + "\") List<String> instead of @Body";
    }
}
