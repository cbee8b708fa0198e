package io.regshift.cli;

import io.regshift.core.Catalog;
import io.regshift.scan.Baseline;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.report.Format;
import io.regshift.scan.report.GithubReport;
import io.regshift.scan.report.JsonReport;
import io.regshift.scan.report.SarifReport;
import io.regshift.scan.report.TextReport;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code regshift scan}: finds the uses of deprecated endpoints. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Finds uses of Cloudflare's deprecated device-revocation endpoints in code, config and build"
          + " artifacts (.class, .jar, .war, .ear).",
      "",
      "Exit codes: 0 no findings, 1 findings, 2 usage error or a scan that could not run."
    })
final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: .).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--include", paramLabel = "GLOB", description = "Scan only files matching GLOB (.gitignore syntax); repeatable.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files and directories matching GLOB (.gitignore syntax); repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--no-ignore", description = "Scan files that .gitignore files exclude.")
  boolean noIgnore;

  @Option(names = "--follow", description = "Follow symbolic links (loops are detected and reported).")
  boolean follow;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description = "Read at most SIZE of each file or archive entry, e.g. 50M (default: 50M); the rest is reported as not scanned.")
  long maxFileSize = 50L << 20;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files read in parallel (default: the number of cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that FILE (from --write-baseline) does not list.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record the current findings in FILE, for --baseline.")
  Path writeBaseline;

  @Option(names = "--exit-zero", description = "Exit 0 even when there are findings.")
  boolean exitZero;

  @Option(names = {"-q", "--quiet"}, description = "Print findings only: no summary, no progress.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Format chosen = parseFormat();
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, was " + jobs);
    }
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file or directory: " + root);
      }
    }
    Baseline accepted = baseline == null ? null : readBaseline(baseline);

    Scanner scanner =
        new Scanner(
            Catalog.standard(),
            new Scanner.Options(new Walker.Options(!noIgnore, includes, excludes, follow), maxFileSize, jobs));
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

    String report =
        switch (chosen) {
          case TEXT -> TextReport.render(result, output == null && System.console() != null, quiet);
          case JSON -> JsonReport.render(result);
          case SARIF -> SarifReport.render(result, scanner.rules());
          case GITHUB -> GithubReport.render(result);
        };
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
    return result.findings().isEmpty() || exitZero ? 0 : Main.EXIT_FINDINGS;
  }

  private Format parseFormat() {
    for (Format f : Format.values()) {
      if (f.label().equals(format)) {
        return f;
      }
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "unknown --format '" + format + "'; use text, json, sarif or github");
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
