package io.regshift.maven;

import static io.regshift.maven.Fixtures.LEGACY_URL;
import static io.regshift.maven.Fixtures.MODERN_URL;
import static io.regshift.maven.Fixtures.clientJar;
import static io.regshift.maven.Fixtures.javaSource;
import static io.regshift.maven.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal on a project as Maven hands it over: a real MavenProject with real files and jars. */
class ScanMojoTest {
    private static final String LEGACY_ENTRY =
            "com.acme:legacy-client:1.0 (legacy-client-1.0.jar)!/com/acme/Client.class";

    @TempDir
    Path basedir;

    @TempDir
    Path repository;

    private final RecordingLog log = new RecordingLog();
    private final Set<Artifact> artifacts = new LinkedHashSet<>();
    private MavenProject project;

    @BeforeEach
    void project() {
        project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
        project.addTestCompileSourceRoot(basedir.resolve("src/test/java").toString());
        project.addCompileSourceRoot(
                basedir.resolve("target/generated-sources/annotations").toString());
        project.addResource(resource("src/main/resources"));
        project.addTestResource(resource("src/test/resources"));
        project.setArtifacts(artifacts);
    }

    private Resource resource(String directory) {
        Resource r = new Resource();
        r.setDirectory(basedir.resolve(directory).toString());
        return r;
    }

    private ScanMojo mojo() {
        ScanMojo mojo = new ScanMojo();
        mojo.project = project;
        mojo.outputDirectory = basedir.resolve("target/regshift").toFile();
        mojo.setLog(log);
        return mojo;
    }

    private Artifact dependency(String groupId, String artifactId, String version, String classifier, String url) {
        String fileName = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
        Path jar = clientJar(repository, repository.resolve(groupId + "/" + fileName), url);
        DefaultArtifact a = new DefaultArtifact(
                groupId, artifactId, version, "compile", "jar", classifier, new DefaultArtifactHandler("jar"));
        a.setFile(jar.toFile());
        artifacts.add(a);
        return a;
    }

    private void legacyDependency() {
        dependency("com.acme", "legacy-client", "1.0", null, LEGACY_URL);
    }

    @Test
    void logsEachFindingAsAnErrorAndFailsWithHowToFixAndSuppress() {
        write(basedir, "src/main/java/com/acme/App.java", javaSource("App", LEGACY_URL));
        legacyDependency();

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "regshift found 2 uses of deprecated Cloudflare endpoints (1 in the project's files, 1 in 1 dependency)")
                .hasMessageContaining(
                        "upgrade com.acme:legacy-client:1.0 to a version that calls the replacement endpoint")
                .hasMessageContaining("`regshift fix`")
                .hasMessageContaining("`regshift:ignore` comment")
                .hasMessageContaining("-Dregshift.writeBaseline=regshift-baseline.json")
                .hasMessageContaining("<baseline>regshift-baseline.json</baseline>")
                .hasMessageContaining("-Dregshift.failOnFindings=false");
        assertThat(log.at("error"))
                .containsExactly(
                        "src/main/java/com/acme/App.java:3: POST /accounts/{account_id}/devices/revoke is past its end of life (2025-11-11);"
                                + " use POST /accounts/{account_id}/devices/registrations/revoke with the IDs as repeated `id` query parameters",
                        LEGACY_ENTRY
                                + ":1: compiled code calls POST /accounts/{account_id}/devices/revoke, past its end of life (2025-11-11);"
                                + " use a version of the dependency that calls POST /accounts/{account_id}/devices/registrations/revoke");
        assertThat(log.at("info")).anyMatch(line -> line.startsWith("regshift: 2 findings in 2 files; scanned "));
    }

    @Test
    void offersOnlyTheFixesThatApplyToDependencies() {
        legacyDependency();

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("regshift found 1 use of deprecated Cloudflare endpoints (1 in 1 dependency)")
                .hasMessageContaining("upgrade com.acme:legacy-client:1.0")
                .hasMessageNotContaining("regshift fix")
                .hasMessageNotContaining("regshift:ignore");
    }

    @Test
    void offersOnlyTheFixesThatApplyToTheProjectsFiles() {
        write(basedir, "src/test/resources/request.http", "POST " + LEGACY_URL + "\n");

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "regshift found 1 use of deprecated Cloudflare endpoints (1 in the project's files)")
                .hasMessageContaining("`regshift fix`")
                .hasMessageContaining("`regshift:ignore` comment")
                .hasMessageNotContaining("upgrade");
    }

    @Test
    void passesAndSaysWhatItScannedWhenNothingUsesTheDeprecatedEndpoints() throws Exception {
        write(basedir, "src/main/java/com/acme/App.java", javaSource("App", MODERN_URL));
        write(basedir, "src/main/resources/application.properties", "revoke=" + MODERN_URL + "\n");
        dependency("com.acme", "modern-client", "2.0", null, MODERN_URL);

        mojo().execute();

        assertThat(log.at("error")).isEmpty();
        assertThat(log.at("info"))
                .contains("regshift: scanning 2 directories of sources and resources and 1 dependency")
                .anyMatch(line -> line.startsWith("regshift: no deprecated endpoint uses found; scanned 3 files"));
    }

    @Test
    void scansTestSourcesTestResourcesAndGeneratedSources() {
        write(basedir, "src/test/java/com/acme/AppTest.java", javaSource("AppTest", LEGACY_URL));
        write(basedir, "src/test/resources/request.http", "POST " + LEGACY_URL + "\n");
        write(basedir, "target/generated-sources/annotations/com/acme/Gen.java", javaSource("Gen", LEGACY_URL));

        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class);

        assertThat(log.at("error"))
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly(
                        "src/test/java/com/acme/AppTest.java",
                        "src/test/resources/request.http",
                        "target/generated-sources/annotations/com/acme/Gen.java");
    }

    @Test
    void warnsInsteadWhenFailOnFindingsIsOff() throws Exception {
        legacyDependency();
        ScanMojo mojo = mojo();
        mojo.failOnFindings = false;

        mojo.execute();

        assertThat(log.at("error")).isEmpty();
        assertThat(log.at("warn")).singleElement().asString().startsWith(LEGACY_ENTRY + ":1: compiled code calls");
    }

    private void brokenDependency() {
        DefaultArtifact a = new DefaultArtifact(
                "com.acme", "broken", "1.0", "compile", "jar", null, new DefaultArtifactHandler("jar"));
        a.setFile(write(repository, "broken-1.0.jar", "not a zip archive").toFile());
        artifacts.add(a);
    }

    @Test
    void failsByDefaultNamingWhatWasNotScanned() {
        brokenDependency();

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("regshift could not scan 1 path in full")
                .hasMessageContaining("  - com.acme:broken:1.0 (broken-1.0.jar): not a readable archive")
                .hasMessageContaining("-Dregshift.failOnIncomplete=false");
    }

    @Test
    void warnsInsteadWhenFailOnIncompleteIsOff() throws Exception {
        brokenDependency();
        ScanMojo mojo = mojo();
        mojo.failOnIncomplete = false;

        mojo.execute();

        assertThat(log.at("warn"))
                .singleElement()
                .asString()
                .startsWith("com.acme:broken:1.0 (broken-1.0.jar): not a readable archive");
    }

    @Test
    void failsWithBothTheFindingsAndWhatWasNotScanned() {
        legacyDependency();
        brokenDependency();

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("regshift found 1 use of deprecated Cloudflare endpoints")
                .hasMessageContaining("\nregshift could not scan 1 path in full");
    }

    @Test
    void skipScansNothing() throws Exception {
        legacyDependency();
        ScanMojo mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(log.lines).containsExactly("info: regshift: skipped (regshift.skip)");
    }

    @Test
    void leavesTheDependenciesAloneWhenToldTo() throws Exception {
        legacyDependency();
        ScanMojo mojo = mojo();
        mojo.scanDependencies = false;

        mojo.execute();

        assertThat(log.at("info"))
                .contains("regshift: scanning 0 directories of sources and resources and 0 dependencies");
    }

    @Test
    void scansTheJarsOfEveryScopeButNotOtherFiles() throws Exception {
        Artifact test = dependency("com.acme", "legacy-testing", "1.0", null, LEGACY_URL);
        test.setScope(Artifact.SCOPE_TEST);
        DefaultArtifact pom =
                new DefaultArtifact("com.acme", "bom", "1.0", "import", "pom", null, new DefaultArtifactHandler("pom"));
        pom.setFile(write(repository, "bom-1.0.pom", "<project><url>" + LEGACY_URL + "</url></project>")
                .toFile());
        artifacts.add(pom);

        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class);

        assertThat(log.at("error"))
                .containsExactly(
                        "com.acme:legacy-testing:1.0 (legacy-testing-1.0.jar)!/com/acme/Client.class:1: compiled code calls POST"
                                + " /accounts/{account_id}/devices/revoke, past its end of life (2025-11-11); use a version of the dependency"
                                + " that calls POST /accounts/{account_id}/devices/registrations/revoke");
    }

    @Test
    void namesADependencyWithAClassifierAsMavenDoes() {
        dependency("com.acme", "legacy-client", "1.0", "shaded", LEGACY_URL);

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("upgrade com.acme:legacy-client:jar:shaded:1.0 ");
        assertThat(log.at("error"))
                .singleElement()
                .asString()
                .startsWith(
                        "com.acme:legacy-client:jar:shaded:1.0 (legacy-client-1.0-shaded.jar)!/com/acme/Client.class:1: ");
    }

    @Test
    void skipsWhatTheExcludesMatch() throws Exception {
        write(basedir, "src/test/resources/legacy/request.http", "POST " + LEGACY_URL + "\n");
        ScanMojo mojo = mojo();
        mojo.excludes = List.of("src/test/resources/legacy/");

        mojo.execute();

        assertThat(log.at("error")).isEmpty();
    }

    @Test
    void writesTheReportsItIsAskedFor() throws Exception {
        legacyDependency();
        ScanMojo mojo = mojo();
        mojo.failOnFindings = false;
        mojo.formats = List.of("json", " sarif", "text", "github");

        mojo.execute();

        Path reports = basedir.resolve("target/regshift");
        assertThat(reports.resolve("regshift.json"))
                .content(StandardCharsets.UTF_8)
                .contains("\"path\": \"" + LEGACY_ENTRY + "\"");
        assertThat(reports.resolve("regshift.txt"))
                .content(StandardCharsets.UTF_8)
                .startsWith(LEGACY_ENTRY + ":1:1: error[revoke-artifact]");
        assertThat(reports.resolve("regshift-github.txt"))
                .content(StandardCharsets.UTF_8)
                .startsWith(
                        "::error file=com.acme%3Alegacy-client%3A1.0 (legacy-client-1.0.jar)!/com/acme/Client.class,line=1,");
        assertThat(reports.resolve("regshift.sarif"))
                .content(StandardCharsets.UTF_8)
                .contains("\"uri\": \"./com.acme:legacy-client:1.0%20(legacy-client-1.0.jar)!/com/acme/Client.class\"");
    }

    @Test
    void rejectsAnUnknownFormatBeforeScanning() {
        ScanMojo mojo = mojo();
        mojo.formats = List.of("json", "html");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("regshift: unknown format 'html' in formats; use text, json, sarif or github");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void recordsABaselineThenFailsOnlyOnNewUses() throws Exception {
        write(basedir, "src/main/java/com/acme/App.java", javaSource("App", LEGACY_URL));
        legacyDependency();
        Path baseline = basedir.resolve("config/regshift-baseline.json");

        ScanMojo recording = mojo();
        recording.writeBaseline = baseline.toFile();
        recording.execute();
        assertThat(log.at("info")).contains("regshift: recorded 2 findings in the baseline " + baseline);

        log.lines.clear();
        ScanMojo accepting = mojo();
        accepting.baseline = baseline.toFile();
        accepting.execute();
        assertThat(log.at("error")).isEmpty();
        assertThat(log.at("info"))
                .anyMatch(line -> line.startsWith("regshift: no deprecated endpoint uses found (2 in the baseline)"));

        write(basedir, "src/main/resources/application.properties", "revoke=" + LEGACY_URL + "\n");
        log.lines.clear();
        ScanMojo afterANewUse = mojo();
        afterANewUse.baseline = baseline.toFile();
        assertThatThrownBy(afterANewUse::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "regshift found 1 use of deprecated Cloudflare endpoints (1 in the project's files)");
        assertThat(log.at("error"))
                .singleElement()
                .asString()
                .startsWith("src/main/resources/application.properties:1: ");
    }

    @Test
    void logsPathsWithTheirControlCharactersEscaped() {
        write(
                basedir,
                "src/main/resources/a\n::error file=x::y\u001b[31m\u0007.properties",
                "revoke=" + LEGACY_URL + "\n");
        ScanMojo mojo = mojo();
        mojo.failOnFindings = false;

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(log.at("warn"))
                .singleElement()
                .asString()
                .startsWith("src/main/resources/a\\n::error file=x::y\\x1b[31m\\x07.properties:1: ");
    }

    @Test
    void writesTheBaselineThatIsConfiguredButNotThereYet() throws Exception {
        legacyDependency();
        ScanMojo mojo = mojo();
        mojo.baseline = basedir.resolve("regshift-baseline.json").toFile();
        mojo.writeBaseline = mojo.baseline;

        mojo.execute();

        assertThat(basedir.resolve("regshift-baseline.json"))
                .content(StandardCharsets.UTF_8)
                .contains(LEGACY_ENTRY);
    }

    @Test
    void aMissingBaselineIsAnErrorThatSaysHowToWriteOne() {
        ScanMojo mojo = mojo();
        mojo.baseline = basedir.resolve("regshift-baseline.json").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("regshift: baseline " + basedir.resolve("regshift-baseline.json")
                        + ": no such file; write one with -Dregshift.writeBaseline=regshift-baseline.json");
    }

    @Test
    void aFileThatIsNotABaselineIsAnError() throws IOException {
        Path notABaseline = write(basedir, "regshift.json", "{\"findings\": []}");
        ScanMojo mojo = mojo();
        mojo.baseline = notABaseline.toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("regshift: baseline " + notABaseline + " is not a regshift baseline");
        assertThat(Files.exists(basedir.resolve("target/regshift"))).isFalse();
    }

    /** Maven's log, kept as {@code level: message} lines. */
    static final class RecordingLog implements Log {
        final List<String> lines = new ArrayList<>();

        List<String> at(String level) {
            return lines.stream()
                    .filter(l -> l.startsWith(level + ": "))
                    .map(l -> l.substring(level.length() + 2))
                    .toList();
        }

        private void add(String level, CharSequence content) {
            lines.add(level + ": " + content);
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(CharSequence content) {}

        @Override
        public void debug(CharSequence content, Throwable error) {}

        @Override
        public void debug(Throwable error) {}

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence content) {
            add("info", content);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            add("info", content);
        }

        @Override
        public void info(Throwable error) {
            add("info", error.toString());
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence content) {
            add("warn", content);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            add("warn", content);
        }

        @Override
        public void warn(Throwable error) {
            add("warn", error.toString());
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence content) {
            add("error", content);
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            add("error", content);
        }

        @Override
        public void error(Throwable error) {
            add("error", error.toString());
        }
    }
}
