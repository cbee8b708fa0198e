package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.scan.Baseline;
import io.regshift.scan.ControlCharacters;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Severity;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.report.Format;
import io.regshift.scan.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regshift scan}: finds the uses of deprecated endpoints. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Finds uses of Cloudflare's deprecated device-revocation endpoints in code, config and build"
                    + " artifacts (.class, .jar, .war, .ear)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no findings",
            "1:findings",
            "2:usage error or a scan that could not run; with --fail-on-incomplete, also when anything was not"
                    + " scanned in full (2 wins over 1)"
        })
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ScanScope scope;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Report only findings that FILE (from --write-baseline) does not list.")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Record the current findings in FILE, for --baseline.")
    Path writeBaseline;

    @Option(
            names = "--include-uncertain",
            description = "Also report, as notes, bare paths such as \"/devices/revoke\" with no evidence that they are"
                    + " Cloudflare's (no account segment, host or Cloudflare context in the file). Notes do not"
                    + " change the exit code.")
    boolean includeUncertain;

    @Option(names = "--exit-zero", description = "Exit 0 even when there are findings.")
    boolean exitZero;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print findings only: no summary, no progress.")
    boolean quiet;

    @Option(
            names = "--fail-on-incomplete",
            description =
                    "Exit 2 when anything was not scanned in full: an unreadable file, a file or archive entry over"
                            + " --max-file-size, an archive nested too deep or over its inflation budget, a path that is not"
                            + " a regular file. Wins over exit 1 and --exit-zero.")
    boolean failOnIncomplete;

    @Override
    public Integer call() throws IOException {
        Format chosen = parseFormat();
        List<Path> roots = scope.roots(spec.commandLine());
        Baseline accepted = baseline == null ? null : readBaseline(baseline);

        Scanner.Options options = scope.options();
        Scanner scanner = new Scanner(
                Catalog.standard(),
                new Scanner.Options(options.walk(), options.maxFileSize(), options.jobs(), includeUncertain));
        PrintWriter err = spec.commandLine().getErr();
        Scanner.Progress progress = new Scanner.Progress();
        ProgressLine line = quiet ? ProgressLine.off() : ProgressLine.onTerminal(err, progress);
        ScanResult result;
        try {
            result = scanner.scan(roots, progress);
        } finally {
            line.close();
        }

        if (writeBaseline != null) {
            Baseline.write(writeBaseline, result.findings());
        }
        if (accepted != null) {
            result = accepted.filter(result);
        }

        String report = chosen.render(result, scanner.rules(), output == null && Main.colour(spec), quiet);
        if (output != null) {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
        }
        if (!quiet && (chosen != Format.TEXT || output != null)) {
            err.println("regshift: " + TextReport.summary(result));
        }
        if (writeBaseline != null && !quiet) {
            err.println("regshift: wrote " + result.findings().size() + " findings to the baseline " + writeBaseline);
        }
        if (failOnIncomplete && !result.errors().isEmpty()) {
            reportIncomplete(result, err, chosen == Format.TEXT && output == null && !quiet);
            return Main.EXIT_ERROR;
        }
        boolean claims = result.findings().stream().anyMatch(f -> f.severity() != Severity.NOTE);
        return !claims || exitZero ? 0 : Main.EXIT_FINDINGS;
    }

    /** Says why the exit is 2, and what was not scanned unless the report on the terminal already listed it. */
    private static void reportIncomplete(ScanResult result, PrintWriter err, boolean listedInReport) {
        int n = result.errors().size();
        err.println("regshift: error: the scan is incomplete (--fail-on-incomplete): "
                + n
                + (n == 1 ? " path was" : " paths were")
                + " not scanned in full"
                + (listedInReport ? ", listed above" : ":"));
        if (!listedInReport) {
            for (ScanError e : result.errors()) {
                err.println("  " + ControlCharacters.escape(e.path()) + ": " + ControlCharacters.escape(e.message()));
            }
        }
        err.flush();
    }

    private Format parseFormat() {
        return Format.of(format)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown --format '" + format + "'; use text, json, sarif or github"));
    }

    private Baseline readBaseline(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline " + file + ": no such file");
        }
        try {
            return Baseline.read(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline " + e.getMessage());
        }
    }
}
