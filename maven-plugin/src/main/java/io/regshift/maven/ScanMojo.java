package io.regshift.maven;

import io.regshift.scan.Baseline;
import io.regshift.scan.ControlCharacters;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.report.Format;
import io.regshift.scan.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when the project uses Cloudflare's deprecated device-revocation endpoints: in
 * its sources, test sources and resources, or in the jars on its runtime and test classpaths,
 * which is where old SDK and client versions hide.
 *
 * <p>Each finding is logged as {@code [ERROR] path:line: message}; paths are relative to the
 * project's base directory, and a finding in a dependency names the entry in it, e.g. {@code
 * com.acme:legacy-client:1.0 (legacy-client-1.0.jar)!/com/acme/Client.class}.
 */
@Mojo(
        name = "scan",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class ScanMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skip the scan. */
    @Parameter(property = "regshift.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build when there are findings; when false they are logged as warnings. */
    @Parameter(property = "regshift.failOnFindings", defaultValue = "true")
    boolean failOnFindings = true;

    /**
     * Fail the build when anything was not scanned in full: an unreadable file, a file or archive
     * entry over the size limit, an archive nested too deep or over its inflation budget. A build
     * that passes then says that everything it reads was looked at.
     */
    @Parameter(property = "regshift.failOnIncomplete", defaultValue = "true")
    boolean failOnIncomplete = true;

    /**
     * Reports to write to {@code outputDirectory}, any of {@code text} ({@code regshift.txt}),
     * {@code json} ({@code regshift.json}), {@code sarif} ({@code regshift.sarif}) and {@code github}
     * ({@code regshift-github.txt}, workflow commands). The findings are logged whatever this says.
     */
    @Parameter(property = "regshift.formats")
    List<String> formats = new ArrayList<>();

    /** Where the reports go. */
    @Parameter(property = "regshift.outputDirectory", defaultValue = "${project.build.directory}/regshift")
    File outputDirectory;

    /** A baseline (from {@code writeBaseline} or {@code regshift scan --write-baseline}): only findings it does not list count. */
    @Parameter(property = "regshift.baseline")
    File baseline;

    /** Record the current findings in this file, for {@code baseline}; the build then does not fail on them. */
    @Parameter(property = "regshift.writeBaseline")
    File writeBaseline;

    /** Files and directories not to scan: {@code .gitignore} patterns, relative to the project's base directory. */
    @Parameter(property = "regshift.excludes")
    List<String> excludes = new ArrayList<>();

    /** Scan the jars on the project's runtime and test classpaths. */
    @Parameter(property = "regshift.scanDependencies", defaultValue = "true")
    boolean scanDependencies = true;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("regshift: skipped (regshift.skip)");
            return;
        }
        List<Format> reports = reports();
        // Writing a baseline accepts every finding, so the one configured (perhaps not written yet) is not needed.
        Baseline accepted = baseline == null || writeBaseline != null ? null : readBaseline(baseline);

        Path basedir = project.getBasedir().toPath();
        List<Path> directories = directories();
        List<ProjectScan.Dependency> dependencies = scanDependencies ? dependencies() : List.of();
        getLog().info("regshift: scanning "
                + count(directories.size(), "directory", "directories")
                + " of sources and resources and "
                + count(dependencies.size(), "dependency", "dependencies"));

        ProjectScan scan = new ProjectScan(basedir, excludes == null ? List.of() : excludes);
        ScanResult result;
        try {
            result = scan.scan(directories, dependencies);
        } catch (IOException e) {
            throw new MojoExecutionException("regshift: the scan could not run: " + e.getMessage(), e);
        }

        if (writeBaseline != null) {
            try {
                Files.createDirectories(writeBaseline.toPath().toAbsolutePath().getParent());
                Baseline.write(writeBaseline.toPath(), result.findings());
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "regshift: could not write the baseline " + writeBaseline + ": " + e.getMessage(), e);
            }
            getLog().info("regshift: recorded " + count(result.findings().size(), "finding", "findings")
                    + " in the baseline " + writeBaseline);
            result = result.withFindings(List.of(), result.findings().size());
        }
        if (accepted != null) {
            result = accepted.filter(result);
        }

        writeReports(reports, result, scan);
        for (ScanError e : result.errors()) {
            getLog().warn(ControlCharacters.escape(e.path()) + ": " + ControlCharacters.escape(e.message()));
        }
        for (Finding f : result.findings()) {
            String line =
                    ControlCharacters.escape(f.path()) + ":" + f.line() + ": " + ControlCharacters.escape(f.message());
            if (failOnFindings) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        getLog().info("regshift: " + TextReport.summary(result));
        boolean failOnTheFindings = !result.findings().isEmpty() && failOnFindings;
        boolean failIncomplete = !result.errors().isEmpty() && failOnIncomplete;
        if (failOnTheFindings || failIncomplete) {
            StringBuilder message = new StringBuilder();
            if (failOnTheFindings) {
                message.append(FailureSummary.of(result.findings(), dependencies));
            }
            if (failIncomplete) {
                message.append(failOnTheFindings ? "\n" : "").append(incomplete(result.errors()));
            }
            throw new MojoFailureException(message.toString());
        }
    }

    /** What was not scanned, and how to build anyway. */
    static String incomplete(List<ScanError> errors) {
        StringBuilder s = new StringBuilder("regshift could not scan ")
                .append(count(errors.size(), "path", "paths"))
                .append(" in full, so the build cannot say they are free of deprecated endpoints:\n");
        for (ScanError e : errors) {
            s.append("  - ")
                    .append(ControlCharacters.escape(e.path()))
                    .append(": ")
                    .append(ControlCharacters.escape(e.message()))
                    .append('\n');
        }
        s.append("To build anyway: exclude them (<excludes>), or report without failing:")
                .append(" <failOnIncomplete>false</failOnIncomplete> or -Dregshift.failOnIncomplete=false");
        return s.toString();
    }

    private List<Format> reports() throws MojoExecutionException {
        Set<Format> chosen = new LinkedHashSet<>();
        for (String label : formats == null ? List.<String>of() : formats) {
            String trimmed = label.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            chosen.add(Format.of(trimmed.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new MojoExecutionException(
                            "regshift: unknown format '" + trimmed + "' in formats; use text, json, sarif or github")));
        }
        return List.copyOf(chosen);
    }

    private static Baseline readBaseline(File file) throws MojoExecutionException {
        if (!file.isFile()) {
            throw new MojoExecutionException("regshift: baseline " + file
                    + ": no such file; write one with -Dregshift.writeBaseline=" + file.getName());
        }
        try {
            return Baseline.read(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("regshift: baseline " + file + " could not be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("regshift: baseline " + e.getMessage(), e);
        }
    }

    /** The source, test source and resource directories that exist, each once. */
    private List<Path> directories() {
        List<String> all = new ArrayList<>();
        all.addAll(project.getCompileSourceRoots());
        all.addAll(project.getTestCompileSourceRoots());
        for (Resource r : project.getResources()) {
            all.add(r.getDirectory());
        }
        for (Resource r : project.getTestResources()) {
            all.add(r.getDirectory());
        }
        Set<Path> existing = new LinkedHashSet<>();
        for (String directory : all) {
            if (directory == null) {
                continue;
            }
            Path path = project.getBasedir().toPath().resolve(directory).normalize();
            if (Files.isDirectory(path)) {
                existing.add(path);
            }
        }
        return List.copyOf(existing);
    }

    /** The resolved dependencies in every scope the tests see, which includes the runtime's. */
    private List<ProjectScan.Dependency> dependencies() {
        List<ProjectScan.Dependency> out = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            File file = a.getFile();
            if (file == null) {
                continue;
            }
            Path path = file.toPath();
            if (Files.isDirectory(path) || (Files.isRegularFile(path) && Scanner.isArtifact(file.getName()))) {
                out.add(new ProjectScan.Dependency(coordinates(a), path));
            } else {
                getLog().debug("regshift: not scanned, not a jar: " + a + " (" + file + ")");
            }
        }
        return out;
    }

    /** {@code groupId:artifactId:version}, with the type and classifier between when there is a classifier, as Maven prints them. */
    static String coordinates(Artifact a) {
        String classifier = a.getClassifier();
        return a.getGroupId()
                + ":"
                + a.getArtifactId()
                + (classifier == null || classifier.isEmpty() ? "" : ":" + a.getType() + ":" + classifier)
                + ":"
                + a.getBaseVersion();
    }

    private void writeReports(List<Format> reports, ScanResult result, ProjectScan scan) throws MojoExecutionException {
        if (reports.isEmpty()) {
            return;
        }
        Path directory = outputDirectory.toPath();
        try {
            Files.createDirectories(directory);
            for (Format format : reports) {
                ScanResult shown = result;
                Path file = directory.resolve(fileName(format));
                Files.writeString(file, format.render(shown, scan.rules(), false, false), StandardCharsets.UTF_8);
                getLog().info("regshift: wrote " + file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "regshift: could not write the reports to " + directory + ": " + e.getMessage(), e);
        }
    }

    static String fileName(Format format) {
        return switch (format) {
            case TEXT -> "regshift.txt";
            case JSON -> "regshift.json";
            case SARIF -> "regshift.sarif";
            case GITHUB -> "regshift-github.txt";
        };
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
