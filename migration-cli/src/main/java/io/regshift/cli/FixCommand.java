package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.fix.FixRun;
import io.regshift.scan.ControlCharacters;
import io.regshift.scan.ScanResult;
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

/** {@code regshift fix}: rewrites the deprecated calls that can be rewritten mechanically. */
@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Rewrites deprecated SDK calls (TypeScript, Python, Go), Retrofit interfaces and curl commands"
                    + " to the replacement endpoints, and says why for the rest.",
            "Prints a unified diff and changes nothing unless --write is given."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing left to fix",
            "1:changes proposed or findings left that need a person",
            "2:errors (usage, or a file that could not be written)"
        })
final class FixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ScanScope scope;

    @Option(names = "--write", description = "Apply the changes (atomically, file by file).")
    boolean write;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "How to report the findings left for a person: text, json, sarif or github (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(
            names = {"-q", "--quiet"},
            description = "No summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Format chosen = Format.of(format)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown --format '" + format + "'; use text, json, sarif or github"));
        List<Path> roots = scope.roots(spec.commandLine());
        Scanner scanner = new Scanner(Catalog.standard(), scope.options());
        ScanResult scan = scanner.scan(roots, null);
        FixRun run = FixRun.plan(scan, roots, scope.maxFileSize);

        int proposed = run.changedFiles();
        int errorsBefore = run.errors().size();
        int written = write ? run.write() : 0;
        boolean writeFailed = run.errors().size() > errorsBefore;

        ScanResult left = scan.withFindings(run.notFixableFindings(), 0);
        left = new ScanResult(
                left.findings(),
                left.suppressed(),
                0,
                left.filesScanned(),
                left.bytesScanned(),
                run.errors(),
                left.elapsed());
        StringBuilder report = new StringBuilder();
        if (chosen == Format.TEXT) {
            if (!write) {
                report.append(run.diff());
            }
            report.append(TextReport.render(left, output == null && Main.colour(spec), true));
        } else {
            report.append(chosen.render(left, scanner.rules(), false, true));
        }
        if (output != null) {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            String changes = write
                    ? written + (written == 1 ? " file" : " files") + " rewritten"
                    : proposed + (proposed == 1 ? " file" : " files") + " would change (run with --write to apply)";
            err.println("regshift: " + changes + "; " + left.findings().size() + " findings need a person"
                    + (run.errors().isEmpty() ? "" : "; " + run.errors().size() + " problems"));
            run.errors()
                    .forEach(e -> err.println("regshift: " + ControlCharacters.escape(e.path()) + ": "
                            + ControlCharacters.escape(e.message())));
        }
        if (writeFailed) {
            return Main.EXIT_ERROR;
        }
        boolean pending = !write && proposed > 0;
        return pending || !left.findings().isEmpty() ? Main.EXIT_FINDINGS : 0;
    }
}
