package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the scan steps of the repository's GitHub Action (action.yml) with bash, as the runner
 * would, with `java -jar .../regshift.jar` answered by this build's classes.
 */
class GithubActionTest {
    private static final Path ACTION = Path.of("../action.yml");

    @TempDir
    Path dir;

    private static JsonNode step(String name) throws IOException {
        JsonNode steps =
                new ObjectMapper(new YAMLFactory()).readTree(ACTION.toFile()).at("/runs/steps");
        for (JsonNode step : steps) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step named " + name + " in action.yml");
    }

    /** A `java` first on the PATH that runs regshift's main class from the test classpath. */
    private Path fakeJava() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(
                java,
                "#!/usr/bin/env bash\n"
                        + "# keeps the JVM's options, drops '-jar <path>', runs this build's classes instead\n"
                        + "opts=(); while [ \"$1\" != -jar ]; do opts+=(\"$1\"); shift; done; shift 2\n"
                        + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"${opts[@]}\" -cp '"
                        + System.getProperty("java.class.path") + "' io.regshift.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private record Run(int exit, String out) {}

    private Run runStep(String name, Map<String, String> inputs, Path workspace) throws Exception {
        JsonNode step = step(name);
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", "-e", "-c", step.get("run").asText())
                .directory(workspace.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", fakeJava() + ":" + System.getenv("PATH"));
        pb.environment()
                .put(
                        "GITHUB_ACTION_PATH",
                        Path.of("..").toAbsolutePath().normalize().toString());
        pb.environment().put("GITHUB_OUTPUT", dir.resolve("github-output").toString());
        step.get("env").fields().forEachRemaining(e -> {
            Matcher input = Pattern.compile("\\$\\{\\{ inputs\\.([a-z-]+) }}")
                    .matcher(e.getValue().asText());
            pb.environment()
                    .put(
                            e.getKey(),
                            input.matches()
                                    ? inputs.getOrDefault(input.group(1), defaultOf(input.group(1)))
                                    : e.getValue().asText());
        });
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String defaultOf(String input) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readTree(ACTION.toFile())
                    .at("/inputs/" + input + "/default")
                    .asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theScanStepAnnotatesFindingsAndFailsTheJob() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("app.ts"), "client.zeroTrust.devices.revoke.create({ account_id, body })\n");
        Files.writeString(repo.resolve("notes.md"), "POST /accounts/{account_id}/devices/unrevoke\n");

        Run run = runStep("Scan", Map.of("exclude", "*.md"), repo);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("::error file=app.ts,line=1,col=8").doesNotContain("notes.md");
    }

    @Test
    void theBaselineAndFailOnFindingsInputsAreHonoured() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("app.py"), "client.zero_trust.devices.revoke.create(account_id=a, body=b)\n");
        assertThat(Main.run(
                        new java.io.PrintWriter(new java.io.StringWriter()),
                        new java.io.PrintWriter(new java.io.StringWriter()),
                        "scan",
                        "--write-baseline",
                        repo.resolve("baseline.json").toString(),
                        "--exclude",
                        "*.json",
                        repo.toString()))
                .isEqualTo(1);

        Run baselined = runStep("Scan", Map.of("baseline", "baseline.json", "exclude", "*.json"), repo);
        Files.writeString(repo.resolve("new.py"), "client.zero_trust.devices.unrevoke.create(account_id=a, body=b)\n");
        Run lenient = runStep(
                "Scan", Map.of("baseline", "baseline.json", "exclude", "*.json", "fail-on-findings", "false"), repo);

        assertThat(baselined.exit()).isZero();
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out()).contains("::error file=new.py").doesNotContain("file=app.py");
    }

    @Test
    void theScanStepFailsTheJobWhenSomethingWasNotScannedUnlessToldNotTo() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("broken.jar"), "not a zip archive");

        Run strict = runStep("Scan", Map.of(), repo);
        Run lenient = runStep("Scan", Map.of("fail-on-incomplete", "false"), repo);

        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.out())
                .contains("the scan is incomplete (--fail-on-incomplete)")
                .contains("  broken.jar: not a readable archive");
        assertThat(lenient.exit()).isZero();
    }

    @Test
    void theSarifStepWritesAReportAndNamesItAsOutput() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("x.go"), "c.ZeroTrust.Devices.Revoke.New(ctx, p)\n");

        Run run = runStep("SARIF report", Map.of(), repo);

        assertThat(run.exit()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(repo.resolve("regshift.sarif").toFile())
                        .at("/runs/0/results/0/ruleId")
                        .asText())
                .isEqualTo("revoke-sdk-go");
        assertThat(Files.readString(dir.resolve("github-output"))).isEqualTo("file=regshift.sarif\n");
    }

    @Test
    void everyInputHasADescriptionAndADefault() throws IOException {
        JsonNode inputs =
                new ObjectMapper(new YAMLFactory()).readTree(ACTION.toFile()).get("inputs");
        inputs.fields().forEachRemaining(e -> {
            assertThat(e.getValue().get("description")).as(e.getKey()).isNotNull();
            assertThat(e.getValue().get("default")).as(e.getKey()).isNotNull();
        });
        assertThat(List.of(inputs.fieldNames()).isEmpty()).isFalse();
    }
}
