package io.regshift.cli;

import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to scan, and how: the options {@code scan} and {@code fix} share. */
final class ScanScope {
    @Parameters(paramLabel = "PATH", description = "Files or directories (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Only files matching GLOB (.gitignore syntax); repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Skip files and directories matching GLOB (.gitignore syntax); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--no-ignore", description = "Also files that .gitignore files exclude.")
    boolean noIgnore;

    @Option(names = "--follow", description = "Follow symbolic links (loops are detected and reported).")
    boolean follow;

    @Option(
            names = "--max-file-size",
            paramLabel = "SIZE",
            converter = SizeConverter.class,
            description =
                    "The size limit: read at most SIZE of each file or archive entry, e.g. 50M (default: 50M); the rest is reported as not scanned (\"larger than the size limit\").")
    long maxFileSize = 50L << 20;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Files read in parallel (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    /** The roots, checked to exist. */
    List<Path> roots(CommandLine commandLine) {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(commandLine, "--jobs must be at least 1, was " + jobs);
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new CommandLine.ParameterException(commandLine, "no such file or directory: " + root);
            }
        }
        return roots;
    }

    Scanner.Options options() {
        return new Scanner.Options(new Walker.Options(!noIgnore, includes, excludes, follow), maxFileSize, jobs);
    }
}
