package io.regshift.maven;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.RuleSet;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.Source;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Scans one Maven project with the scanner's {@link Scanner}: the directories its build reads (sources
 * and resources) and the jars it depends on.
 *
 * <p>Directories under the base directory are scanned in one walk from it, limited to them by
 * include patterns, so that findings' paths and fingerprints are the ones {@code regshift scan .}
 * gives in the same directory: for the project's files, a baseline written by either works for
 * both. A directory outside it is scanned on its own, and its findings' paths are prefixed with
 * where it is (their fingerprints stay relative to it).
 *
 * <p>Findings in a dependency are named {@code groupId:artifactId:version (file.jar)!/entry}. Their
 * fingerprints are the scanner's for {@code file.jar!/entry}, as if the jar were scanned alone.
 */
final class ProjectScan {
    /** The scanner reads at most this much of each file or archive entry, as the CLI does by default. */
    private static final long MAX_FILE_SIZE = 50L << 20;

    /**
     * A resolved dependency: a jar (or war, ear), or the classes directory of a module of the same
     * reactor that is not packaged yet.
     *
     * @param coordinates {@code groupId:artifactId:version}, as Maven prints them
     */
    record Dependency(String coordinates, Path file) {
        Dependency {
            Objects.requireNonNull(coordinates, "coordinates");
            Objects.requireNonNull(file, "file");
        }

        /** How findings name it: {@code com.acme:client:1.0 (client-1.0.jar)}. */
        String label() {
            return coordinates + " (" + file.getFileName() + ")";
        }

        /** Whether a finding's path is inside this dependency. */
        boolean contains(String path) {
            return path.startsWith(label() + "!/") || path.startsWith(label() + "/");
        }
    }

    private final Path basedir;
    private final List<String> excludes;
    private final RuleSet rules = RuleSet.fromCatalog(Catalog.standard());

    /**
     * @param basedir the project's base directory; paths are relative to it
     * @param excludes gitignore-style patterns of the project's files and directories not to scan,
     *     relative to the base directory
     */
    ProjectScan(Path basedir, List<String> excludes) {
        this.basedir = basedir.toAbsolutePath().normalize();
        this.excludes = List.copyOf(excludes);
    }

    /** The rules the scan applies, for the reports. */
    RuleSet rules() {
        return rules;
    }

    /**
     * Scans the directories (each must exist) and the dependencies.
     *
     * @throws IOException if a directory or dependency disappears before the scan starts
     */
    ScanResult scan(List<Path> directories, List<Dependency> dependencies) throws IOException {
        long started = System.nanoTime();
        Totals totals = new Totals();

        List<String> inside = new ArrayList<>();
        boolean wholeBasedir = false;
        for (Path directory : new LinkedHashSet<>(normalized(directories))) {
            if (directory.equals(basedir)) {
                wholeBasedir = true;
            } else if (directory.startsWith(basedir)) {
                inside.add(anchored(basedir.relativize(directory)));
            } else {
                String label = display(directory);
                totals.add(
                        scanner(List.of(), excludes).scan(List.of(directory), null), source -> source.withLabel(label));
            }
        }
        if (wholeBasedir || !inside.isEmpty()) {
            List<String> includes = wholeBasedir ? List.of() : inside;
            totals.add(scanner(includes, excludes).scan(List.of(basedir), null), source -> source);
        }

        // Jars go to the scanner together, so that they are read in parallel; each finding's source
        // says which jar it is in, whatever the jars' file names.
        Scanner whole = scanner(List.of(), List.of());
        Map<Path, Dependency> jars = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            if (Files.isRegularFile(d.file())) {
                jars.putIfAbsent(d.file(), d);
            }
        }
        if (!jars.isEmpty()) {
            totals.add(
                    whole.scan(List.copyOf(jars.keySet()), null),
                    source -> source.withLabel(jars.get(source.root()).label()));
        }
        for (Dependency d : dependencies) {
            if (Files.isDirectory(d.file())) {
                totals.add(whole.scan(List.of(d.file()), null), source -> source.withLabel(d.label()));
            }
        }
        return totals.result(Duration.ofNanos(System.nanoTime() - started));
    }

    /** A scanner of every file the patterns let through, {@code .gitignore} or not: the POM decides what the build reads. */
    private static Scanner scanner(List<String> includes, List<String> excludes) {
        return new Scanner(
                Catalog.standard(),
                new Scanner.Options(
                        new Walker.Options(false, includes, excludes, false),
                        MAX_FILE_SIZE,
                        Runtime.getRuntime().availableProcessors()));
    }

    private List<Path> normalized(List<Path> paths) {
        return paths.stream().map(p -> basedir.resolve(p).normalize()).toList();
    }

    /** Where a directory outside the base directory is, relative to it when that can be said. */
    private String display(Path directory) {
        Path shown = directory.getRoot() != null && directory.getRoot().equals(basedir.getRoot())
                ? basedir.relativize(directory)
                : directory;
        return shown.toString().replace('\\', '/');
    }

    /**
     * A gitignore pattern matching exactly this directory under the root: anchored with {@code /},
     * a directory with the trailing {@code /}, and the characters that are special in a pattern
     * escaped, so that {@code src/[generated]} is a name and not a character class.
     */
    static String anchored(Path relative) {
        String path = relative.toString().replace('\\', '/');
        StringBuilder pattern = new StringBuilder("/");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('/').toString();
    }

    /** Adds up the results of the scans that make up one project's. */
    private static final class Totals {
        private final List<Finding> findings = new ArrayList<>();
        private final List<ScanError> errors = new ArrayList<>();
        private int suppressed;
        private long files;
        private long bytes;

        void add(ScanResult result, UnaryOperator<Source> named) {
            for (Finding f : result.findings()) {
                findings.add(f.withSource(named.apply(f.source())));
            }
            for (ScanError e : result.errors()) {
                errors.add(e.withSource(named.apply(e.source())));
            }
            suppressed += result.suppressed();
            files += result.filesScanned();
            bytes += result.bytesScanned();
        }

        ScanResult result(Duration elapsed) {
            return new ScanResult(findings, suppressed, 0, files, bytes, errors, elapsed);
        }
    }
}
