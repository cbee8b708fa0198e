package io.regshift.scan.report;

import static io.regshift.scan.ControlCharacters.escape;
import static io.regshift.scan.ControlCharacters.escapeLineStart;

import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Severity;
import java.util.Locale;

/**
 * For people: each finding as {@code path:line:col: severity[rule] message}, and what to use
 * instead; then the problems and a summary. When colour is on (the caller decides: a terminal,
 * {@code --color}), the path, severity and rule id are coloured and the match in its line
 * highlighted.
 */
public final class TextReport {
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String BOLD = "\u001b[1m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private TextReport() {}

    public static String render(ScanResult result, boolean colour, boolean quiet) {
        StringBuilder out = new StringBuilder();
        for (Finding f : result.findings()) {
            String location = escapeLineStart(f.path()) + ":" + f.line() + ":" + f.column();
            out.append(colour ? BOLD + location + RESET : location)
                    .append(": ")
                    .append(styled(f.severity().label(), colour ? severityColour(f.severity()) : null))
                    .append('[')
                    .append(styled(f.ruleId(), colour ? CYAN : null))
                    .append("] ")
                    .append(escape(f.message()))
                    .append('\n');
            out.append("    | ").append(highlighted(f, colour)).append('\n');
        }
        if (quiet) {
            return out.toString();
        }
        for (ScanError e : result.errors()) {
            out.append("note: ")
                    .append(escape(e.path()))
                    .append(": ")
                    .append(escape(e.message()))
                    .append('\n');
        }
        out.append(summary(result)).append('\n');
        return out.toString();
    }

    /** One line: findings, what was dropped, what was read. */
    public static String summary(ScanResult result) {
        long files = result.findings().stream().map(Finding::path).distinct().count();
        StringBuilder s = new StringBuilder();
        int n = result.findings().size();
        s.append(
                n == 0
                        ? "no deprecated endpoint uses found"
                        : n + (n == 1 ? " finding" : " findings") + " in " + files + (files == 1 ? " file" : " files"));
        if (result.suppressed() > 0 || result.baselined() > 0) {
            s.append(" (");
            if (result.suppressed() > 0) {
                s.append(result.suppressed()).append(" suppressed");
            }
            if (result.baselined() > 0) {
                s.append(result.suppressed() > 0 ? ", " : "")
                        .append(result.baselined())
                        .append(" in the baseline");
            }
            s.append(')');
        }
        s.append("; scanned ")
                .append(result.filesScanned())
                .append(result.filesScanned() == 1 ? " file, " : " files, ")
                .append(bytes(result.bytesScanned()))
                .append(String.format(
                        Locale.ROOT, " in %.2f s", result.elapsed().toNanos() / 1e9));
        if (!result.errors().isEmpty()) {
            s.append("; ")
                    .append(result.errors().size())
                    .append(result.errors().size() == 1 ? " file" : " files")
                    .append(" not read in full");
        }
        return s.toString();
    }

    private static String styled(String text, String style) {
        return style == null ? text : style + text + RESET;
    }

    private static String severityColour(Severity severity) {
        return switch (severity) {
            case ERROR -> BOLD_RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private static String highlighted(Finding f, boolean colour) {
        String s = f.snippet();
        if (!colour
                || f.highlightStart() < 0
                || f.highlightEnd() > s.length()
                || f.highlightStart() >= f.highlightEnd()) {
            return escape(s);
        }
        return DIM
                + escape(s.substring(0, f.highlightStart()))
                + RESET
                + BOLD_RED
                + escape(s.substring(f.highlightStart(), f.highlightEnd()))
                + RESET
                + DIM
                + escape(s.substring(f.highlightEnd()))
                + RESET;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }
}
