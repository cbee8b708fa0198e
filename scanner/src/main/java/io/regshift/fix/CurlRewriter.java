package io.regshift.fix;

import io.regshift.core.CloudflareJson;
import io.regshift.core.Deprecation;
import io.regshift.core.RegistrationIds;
import io.regshift.scan.Finding;
import io.regshift.scan.dialect.Edit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a curl command whose body is a literal JSON array of IDs: {@code curl -X POST
 * .../devices/revoke -H 'Content-Type: application/json' -d '["a","b"]'} becomes {@code curl -X
 * POST '.../devices/registrations/revoke?id=a&id=b'}, the body and its Content-Type header gone,
 * the IDs percent-encoded. Commands over several lines ({@code \} continuations) stay so.
 */
final class CurlRewriter {
    private static final Set<String> DATA = Set.of("-d", "--data", "--data-raw", "--data-binary", "--data-ascii");
    private static final Set<String> HEADER = Set.of("-H", "--header");
    private static final Set<String> METHOD = Set.of("-X", "--request");

    private CurlRewriter() {}

    /** A shell word: where it is, its text with quotes removed, and how it was quoted. */
    private record Word(int start, int end, String value, char quote) {}

    /** Whether the finding is in a curl command. */
    static boolean applies(String text, Finding finding) {
        return command(text, (int) finding.span().start()) != null;
    }

    static Outcome rewrite(String text, Finding finding, Deprecation deprecation) {
        int[] region = command(text, (int) finding.span().start());
        List<Word> words = words(text, region[0], region[1]);
        int at = (int) finding.span().start();
        Word url = null;
        List<int[]> removals = new ArrayList<>();
        String data = null;
        boolean post = false;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String v = w.value();
            if (w.start() <= at && at < w.end()) {
                url = w;
            } else if (DATA.contains(v) && i + 1 < words.size()) {
                if (data != null) {
                    return notFixable(finding, deprecation, "the command has more than one body option");
                }
                data = words.get(i + 1).value();
                removals.add(new int[] {w.start(), words.get(++i).end()});
            } else if (v.startsWith("-d") && v.length() > 2 && !v.startsWith("--")) {
                data = v.substring(2);
                removals.add(new int[] {w.start(), w.end()});
            } else if (v.startsWith("--data") && v.contains("=")) {
                data = v.substring(v.indexOf('=') + 1);
                removals.add(new int[] {w.start(), w.end()});
            } else if (HEADER.contains(v) && i + 1 < words.size()) {
                if (isContentType(words.get(i + 1).value())) {
                    removals.add(new int[] {w.start(), words.get(++i).end()});
                }
            } else if (v.startsWith("-H") && v.length() > 2 && isContentType(v.substring(2))) {
                removals.add(new int[] {w.start(), w.end()});
            } else if (METHOD.contains(v) && i + 1 < words.size()) {
                post |= words.get(i + 1).value().equalsIgnoreCase("POST");
            } else if (v.equalsIgnoreCase("-XPOST")) {
                post = true;
            }
        }
        if (url == null || url.quote() == '?') {
            return notFixable(finding, deprecation, "the URL is not one word the fixer can rewrite");
        }
        if (data == null || !data.trim().startsWith("[")) {
            return notFixable(
                    finding,
                    deprecation,
                    "the IDs are not a literal JSON array in the command (a file or a variable?)");
        }
        RegistrationIds ids;
        try {
            ids = CloudflareJson.readRegistrationIds(data.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            return notFixable(finding, deprecation, "the body is not a JSON array of ID strings: " + e.getMessage());
        }

        String tail = String.join("/", deprecation.deprecated().segmentsAfterAccount());
        String newTail = String.join("/", deprecation.replacement().segmentsAfterAccount());
        String raw = text.substring(url.start(), url.end());
        int pathAt = at - url.start();
        StringBuilder query = new StringBuilder(url.value().contains("?") ? "&" : "?");
        for (int i = 0; i < ids.size(); i++) {
            query.append(i == 0 ? "" : "&")
                    .append(deprecation.mapping().queryParameter())
                    .append('=')
                    .append(percentEncode(ids.get(i)));
        }
        String rewritten = raw.substring(0, pathAt) + newTail + raw.substring(pathAt + tail.length());
        String newUrl = switch (url.quote()) {
            case '\'', '"' ->
                rewritten.substring(0, rewritten.length() - 1) + query + rewritten.charAt(rewritten.length() - 1);
            default ->
                (rewritten.contains("$") ? "\"" : "'") + rewritten + query + (rewritten.contains("$") ? "\"" : "'");
        };

        String command = apply(text, region, url, newUrl, removals);
        if (!post) {
            int curl = command.indexOf("curl") + 4;
            command = command.substring(0, curl) + " -X POST" + command.substring(curl);
        }
        return Outcome.fixed(finding, List.of(new Edit(region[0], region[1], command)));
    }

    /** The command's new text: the URL replaced, removed options dropped, whole lines if alone. */
    private static String apply(String text, int[] region, Word url, String newUrl, List<int[]> removals) {
        List<int[]> cuts = new ArrayList<>();
        for (int[] r : removals) {
            int lineStart = text.lastIndexOf('\n', r[0] - 1) + 1;
            int lineEnd = text.indexOf('\n', r[1]);
            lineEnd = lineEnd < 0 || lineEnd > region[1] ? region[1] : lineEnd;
            String before = text.substring(Math.max(lineStart, region[0]), r[0]);
            String after = text.substring(r[1], lineEnd).replace("\\", "").replace("\r", "");
            if (lineStart >= region[0] && before.isBlank() && after.isBlank() && lineStart > region[0]) {
                cuts.add(new int[] {lineStart, Math.min(lineEnd + 1, region[1])}); // the whole line
            } else {
                int from = r[0];
                while (from > region[0] && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
                    from--;
                }
                cuts.add(new int[] {from, r[1]});
            }
        }
        StringBuilder out = new StringBuilder();
        int i = region[0];
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] cut : cuts) {
            append(out, text, i, cut[0], url, newUrl);
            i = Math.max(i, cut[1]);
        }
        append(out, text, i, region[1], url, newUrl);
        // When the last line went, the line now last must not end with a continuation.
        return out.toString().replaceAll("[ \\t]*\\\\\\r?\\n?$", "");
    }

    private static void append(StringBuilder out, String text, int from, int to, Word url, String newUrl) {
        if (from >= to) {
            return;
        }
        if (url.start() >= from && url.end() <= to) {
            out.append(text, from, url.start()).append(newUrl).append(text, url.end(), to);
        } else {
            out.append(text, from, to);
        }
    }

    private static boolean isContentType(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("content-type:") && h.contains("json");
    }

    /**
     * {@code [start, end)} of the curl command containing {@code at}: from the {@code curl} word on
     * its first line to the end of its last {@code \}-continued line; null if it is not in one.
     */
    static int[] command(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        while (lineStart > 0 && continues(text, lineStart - 1)) {
            lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        }
        int curl = -1;
        for (int i = text.indexOf("curl", lineStart); i >= 0 && i < at; i = text.indexOf("curl", i + 1)) {
            boolean before = i == lineStart || " \t$`(".indexOf(text.charAt(i - 1)) >= 0;
            boolean after = i + 4 < text.length() && (text.charAt(i + 4) == ' ' || text.charAt(i + 4) == '\t');
            if (before && after) {
                curl = i;
                break;
            }
        }
        if (curl < 0) {
            return null;
        }
        int end = text.indexOf('\n', at);
        while (end > 0 && continues(text, end)) {
            int next = text.indexOf('\n', end + 1);
            end = next < 0 ? text.length() : next;
        }
        if (end < 0) {
            end = text.length();
        }
        if (end > 0
                && end <= text.length()
                && end - 1 >= 0
                && end - 1 < text.length()
                && text.charAt(end - 1) == '\r') {
            end--;
        }
        return new int[] {curl, end};
    }

    /** Whether the line ending at the newline {@code newline} ends with a backslash continuation. */
    private static boolean continues(String text, int newline) {
        int i = newline - 1;
        if (i >= 0 && text.charAt(i) == '\r') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '\\';
    }

    /** Shell words of {@code [start, end)}, quotes removed; '?' quote marks a mixed word. */
    private static List<Word> words(String text, int start, int end) {
        List<Word> words = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' '
                    || c == '\t'
                    || c == '\r'
                    || c == '\n'
                    || (c == '\\' && i + 1 < end && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r'))) {
                i++;
                continue;
            }
            int wordStart = i;
            StringBuilder value = new StringBuilder();
            char quote = 0;
            int quoted = 0;
            boolean unquoted = false;
            while (i < end) {
                c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '\'' || c == '"') {
                    quoted++;
                    quote = c;
                    int close = text.indexOf(c, i + 1);
                    while (c == '"' && close > 0 && text.charAt(close - 1) == '\\') {
                        close = text.indexOf(c, close + 1);
                    }
                    if (close < 0 || close >= end) {
                        close = end - 1;
                    }
                    value.append(text, i + 1, close);
                    i = close + 1;
                } else {
                    unquoted = true;
                    if (c == '\\' && i + 1 < end) {
                        i++;
                        c = text.charAt(i);
                    }
                    value.append(c);
                    i++;
                }
            }
            boolean mixed = quoted > 1 || (quoted == 1 && unquoted);
            words.add(new Word(wordStart, i, value.toString(), mixed ? '?' : quote));
        }
        return words;
    }

    /** UTF-8 bytes of the ID, unreserved characters kept, the rest as %XX. */
    static String percentEncode(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static Outcome notFixable(Finding finding, Deprecation d, String reason) {
        return Outcome.notFixable(
                finding,
                reason,
                "call " + d.replacement().pathTemplate() + "?" + d.mapping().queryParameter() + "=...&"
                        + d.mapping().queryParameter() + "=... with no body and no Content-Type header");
    }
}
