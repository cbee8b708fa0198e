package io.regshift.fix;

import io.regshift.scan.ControlCharacters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of one file, as {@code git diff} prints it, with three lines of context, that
 * {@code git apply} and {@code patch -p1} apply from the root. The rewrite only changes whole
 * calls, so a plain line-by-line comparison of the changed region is exact. Lines are compared
 * with their line endings: a CRLF line keeps its CR, raw as {@code git diff} prints it (a CR before
 * the line break only ends the line on a terminal), and a last line without a line break is
 * followed by {@code \ No newline at end of file}. Lines are shown as UTF-8, with every other
 * control character (but tab) as a visible escape; a line holding one no longer matches its file.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    static String of(String path, byte[] before, byte[] after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        if (prefix == a.size() && prefix == b.size()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        // As git does: a tab ends a name with a space, which patch would otherwise cut there.
        String shown = ControlCharacters.escape(path) + (path.contains(" ") ? "\t" : "");
        out.append("--- a/")
                .append(shown)
                .append('\n')
                .append("+++ b/")
                .append(shown)
                .append('\n');
        // Hunks: walk both files, aligning equal lines greedily (edits never reorder lines).
        int i = 0;
        int j = 0;
        List<int[]> changes = new ArrayList<>(); // [aStart, aEnd, bStart, bEnd]
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
                continue;
            }
            int[] next = resync(a, b, i, j);
            changes.add(new int[] {i, next[0], j, next[1]});
            i = next[0];
            j = next[1];
        }
        int c = 0;
        while (c < changes.size()) {
            int first = c;
            while (c + 1 < changes.size() && changes.get(c + 1)[0] - changes.get(c)[1] <= 2 * CONTEXT) {
                c++;
            }
            int aFrom = Math.max(0, changes.get(first)[0] - CONTEXT);
            int bFrom = Math.max(0, changes.get(first)[2] - CONTEXT);
            int aTo = Math.min(a.size(), changes.get(c)[1] + CONTEXT);
            int bTo = Math.min(b.size(), changes.get(c)[3] + CONTEXT);
            out.append("@@ -")
                    .append(range(aFrom, aTo))
                    .append(" +")
                    .append(range(bFrom, bTo))
                    .append(" @@\n");
            int ai = aFrom;
            int bi = bFrom;
            for (int k = first; k <= c; k++) {
                int[] ch = changes.get(k);
                while (ai < ch[0]) {
                    line(out, ' ', a.get(ai++));
                    bi++;
                }
                for (int x = ch[0]; x < ch[1]; x++) {
                    line(out, '-', a.get(x));
                }
                for (int y = ch[2]; y < ch[3]; y++) {
                    line(out, '+', b.get(y));
                }
                ai = ch[1];
                bi = ch[3];
            }
            while (ai < aTo) {
                line(out, ' ', a.get(ai++));
            }
            c++;
        }
        return out.toString();
    }

    /** The first pair of positions from which the files agree again on a line. */
    private static int[] resync(List<String> a, List<String> b, int i, int j) {
        for (int distance = 1; distance <= a.size() - i + b.size() - j; distance++) {
            for (int da = 0; da <= distance; da++) {
                int x = i + da;
                int y = j + distance - da;
                if (x <= a.size()
                        && y <= b.size()
                        && (x == a.size() && y == b.size()
                                || x < a.size() && y < b.size() && a.get(x).equals(b.get(y)))) {
                    return new int[] {x, y};
                }
            }
        }
        return new int[] {a.size(), b.size()};
    }

    private static String range(int from, int to) {
        int count = to - from;
        return (count == 0 ? from : from + 1) + (count == 1 ? "" : "," + count);
    }

    /** One line of a hunk; {@code line} is as the file has it, with its line break if it has one. */
    private static void line(StringBuilder out, char kind, String line) {
        boolean broken = line.endsWith("\n");
        String text = broken ? line.substring(0, line.length() - 1) : line;
        boolean crlf = broken && text.endsWith("\r");
        out.append(kind)
                .append(ControlCharacters.escape(crlf ? text.substring(0, text.length() - 1) : text))
                .append(crlf ? "\r\n" : "\n");
        if (!broken) {
            out.append("\\ No newline at end of file\n");
        }
    }

    /** The lines, each with its line break; the last one has none when the file does not end with one. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end + 1));
            start = end + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
