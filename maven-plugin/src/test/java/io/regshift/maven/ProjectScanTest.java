package io.regshift.maven;

import static io.regshift.maven.Fixtures.LEGACY_URL;
import static io.regshift.maven.Fixtures.MODERN_URL;
import static io.regshift.maven.Fixtures.clientJar;
import static io.regshift.maven.Fixtures.javaSource;
import static io.regshift.maven.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.regshift.core.Catalog;
import io.regshift.scan.Finding;
import io.regshift.scan.ScanError;
import io.regshift.scan.ScanResult;
import io.regshift.scan.engine.Scanner;
import io.regshift.scan.walk.Walker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScanTest {
    @TempDir
    Path project;

    @TempDir
    Path work;

    private ScanResult scan(List<Path> directories, List<ProjectScan.Dependency> dependencies, String... excludes)
            throws IOException {
        return new ProjectScan(project, List.of(excludes)).scan(directories, dependencies);
    }

    @Test
    void namesFindingsInTheProjectRelativeToItsBaseDirectory() throws IOException {
        write(project, "src/main/java/com/acme/App.java", javaSource("App", LEGACY_URL));
        write(project, "src/main/resources/application.properties", "revoke=" + LEGACY_URL + "\n");

        ScanResult result =
                scan(List.of(project.resolve("src/main/java"), project.resolve("src/main/resources")), List.of());

        assertThat(result.findings())
                .extracting(Finding::path, Finding::line)
                .containsExactly(
                        tuple("src/main/java/com/acme/App.java", 3),
                        tuple("src/main/resources/application.properties", 1));
    }

    @Test
    void scansOnlyTheDirectoriesItIsGiven() throws IOException {
        write(project, "src/main/java/com/acme/App.java", javaSource("App", MODERN_URL));
        write(project, "README.md", "curl -X POST " + LEGACY_URL + "\n");
        write(project, "src/main/javadoc/overview.html", LEGACY_URL);

        ScanResult result = scan(List.of(project.resolve("src/main/java")), List.of());

        assertThat(result.findings()).isEmpty();
        assertThat(result.filesScanned()).isEqualTo(1);
    }

    @Test
    void scansNothingWhenGivenNothing() throws IOException {
        write(project, "README.md", "curl -X POST " + LEGACY_URL + "\n");

        ScanResult result = scan(List.of(), List.of());

        assertThat(result.findings()).isEmpty();
        assertThat(result.filesScanned()).isZero();
    }

    @Test
    void givesTheFingerprintsThatRegshiftScanGivesInTheBaseDirectory() throws IOException {
        write(project, "src/main/java/com/acme/App.java", javaSource("App", LEGACY_URL));
        write(project, "src/test/java/com/acme/AppTest.java", javaSource("AppTest", LEGACY_URL));
        Scanner cli = new Scanner(
                Catalog.standard(),
                new Scanner.Options(new Walker.Options(true, List.of(), List.of(), false), 1 << 20, 1));

        ScanResult fromBasedir = cli.scan(List.of(project), null);
        ScanResult result =
                scan(List.of(project.resolve("src/main/java"), project.resolve("src/test/java")), List.of());

        assertThat(result.findings())
                .extracting(Finding::fingerprint)
                .hasSize(2)
                .doesNotContainNull()
                .isEqualTo(fromBasedir.findings().stream()
                        .map(Finding::fingerprint)
                        .toList());
    }

    @Test
    void namesAFindingInADependencyByItsCoordinatesAndFileName() throws IOException {
        Path jar = clientJar(work, work.resolve("repo/legacy-client-1.0.jar"), LEGACY_URL);

        ScanResult result = scan(List.of(), List.of(new ProjectScan.Dependency("com.acme:legacy-client:1.0", jar)));

        assertThat(result.findings())
                .extracting(Finding::path)
                .containsExactly("com.acme:legacy-client:1.0 (legacy-client-1.0.jar)!/com/acme/Client.class");
    }

    @Test
    void keepsDependenciesWithTheSameFileNameApart() throws IOException {
        Path acme = clientJar(work, work.resolve("repo/acme/client-1.0.jar"), LEGACY_URL);
        Path modern = clientJar(work, work.resolve("repo/modern/client-1.0.jar"), MODERN_URL);
        Path other = clientJar(work, work.resolve("repo/other/client-1.0.jar"), LEGACY_URL);

        ScanResult result = scan(
                List.of(),
                List.of(
                        new ProjectScan.Dependency("com.acme:client:1.0", acme),
                        new ProjectScan.Dependency("io.modern:client:1.0", modern),
                        new ProjectScan.Dependency("org.other:client:1.0", other)));

        assertThat(result.findings())
                .extracting(Finding::path)
                .containsExactlyInAnyOrder(
                        "com.acme:client:1.0 (client-1.0.jar)!/com/acme/Client.class",
                        "org.other:client:1.0 (client-1.0.jar)!/com/acme/Client.class");
        assertThat(result.filesScanned()).isEqualTo(3);
    }

    @Test
    void scansTheClassesDirectoryOfAModuleThatIsNotPackagedYet() throws IOException {
        Path jar = clientJar(work, work.resolve("client.jar"), LEGACY_URL);
        Path classes = work.resolve("client/target/classes/com/acme");
        Files.createDirectories(classes);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Files.write(
                    classes.resolve("Client.class"),
                    zip.getInputStream(zip.getEntry("com/acme/Client.class")).readAllBytes());
        }

        ScanResult result = scan(
                List.of(),
                List.of(new ProjectScan.Dependency("com.acme:client:1.0", work.resolve("client/target/classes"))));

        assertThat(result.findings())
                .extracting(Finding::path)
                .containsExactly("com.acme:client:1.0 (classes)/com/acme/Client.class");
    }

    @Test
    void skipsWhatTheExcludesMatch() throws IOException {
        write(project, "src/main/java/com/acme/App.java", javaSource("App", LEGACY_URL));
        write(project, "src/main/resources/legacy/old.properties", "revoke=" + LEGACY_URL + "\n");
        write(project, "src/main/resources/new.properties", "revoke=" + LEGACY_URL + "\n");

        ScanResult result = scan(
                List.of(project.resolve("src/main/java"), project.resolve("src/main/resources")),
                List.of(),
                "*.java",
                "legacy/");

        assertThat(result.findings()).extracting(Finding::path).containsExactly("src/main/resources/new.properties");
    }

    @Test
    void prefixesADirectoryOutsideTheBaseDirectoryWithWhereItIs() throws IOException {
        Path module = project.resolve("app");
        write(project, "shared/src/com/acme/Shared.java", javaSource("Shared", LEGACY_URL));

        ScanResult result = new ProjectScan(module, List.of()).scan(List.of(project.resolve("shared/src")), List.of());

        assertThat(result.findings()).extracting(Finding::path).containsExactly("../shared/src/com/acme/Shared.java");
    }

    @Test
    void readsPatternCharactersInADirectoryNameAsThemselves() throws IOException {
        write(project, "src/[generated]/com/acme/App.java", javaSource("App", LEGACY_URL));
        write(project, "src/g/com/acme/Other.java", javaSource("Other", LEGACY_URL));

        ScanResult result = scan(List.of(project.resolve("src/[generated]")), List.of());

        assertThat(result.findings()).extracting(Finding::path).containsExactly("src/[generated]/com/acme/App.java");
    }

    @Test
    void scansTheWholeBaseDirectoryWhenItIsASourceDirectory() throws IOException {
        write(project, "App.java", javaSource("App", LEGACY_URL));
        write(project, "src/Other.java", javaSource("Other", LEGACY_URL));

        ScanResult result = scan(List.of(project, project.resolve("src")), List.of());

        assertThat(result.findings()).extracting(Finding::path).containsExactly("App.java", "src/Other.java");
    }

    @Test
    void countsTheUsesThatACommentSuppresses() throws IOException {
        write(
                project,
                "src/main/resources/application.properties",
                "# regshift:ignore kept for the rollback script\nrevoke=" + LEGACY_URL + "\n");

        ScanResult result = scan(List.of(project.resolve("src/main/resources")), List.of());

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).isEqualTo(1);
    }

    @Test
    void aZipBombDependencyIsReportedWithoutBeingInflated() throws IOException {
        Path bomb = work.resolve("bomb-1.0.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            zip.write(new byte[32 << 20]);
            zip.closeEntry();
        }

        ScanResult result = scan(List.of(), List.of(new ProjectScan.Dependency("com.acme:bomb:1.0", bomb)));

        assertThat(result.errors())
                .extracting(ScanError::path, ScanError::message)
                .containsExactly(tuple(
                        "com.acme:bomb:1.0 (bomb-1.0.jar)",
                        "over the archive inflation budget: zeros.bin inflates to more than 100 times its compressed size;"
                                + " the rest of the archive was not scanned"));
    }

    @Test
    void aDependencyContainsThePathsOfItsEntriesOnly() {
        ProjectScan.Dependency d = new ProjectScan.Dependency("com.acme:client:1.0", Path.of("repo/client-1.0.jar"));

        assertThat(d.contains("com.acme:client:1.0 (client-1.0.jar)!/com/acme/Client.class"))
                .isTrue();
        assertThat(d.contains("com.acme:client:1.0 (client-1.0.jar)")).isFalse();
        assertThat(d.contains("com.acme:client:1.0.1 (client-1.0.1.jar)!/com/acme/Client.class"))
                .isFalse();
        assertThat(d.contains("src/main/java/com/acme/Client.java")).isFalse();
    }
}
