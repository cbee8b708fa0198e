package io.regshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.regshift.testkit.FakeCloudflare;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ./regshift} command of docs/migration-guide.md, in order, with bash, in a copy
 * of the sample app, against a fake Cloudflare: the guide's commands work as written.
 */
class MigrationGuideTest {
    private static final Path GUIDE = Path.of("../docs/migration-guide.md");

    @RegisterExtension
    static final FakeCloudflare cloudflare = FakeCloudflare.create();

    @TempDir
    Path home;

    @TempDir
    Path app;

    /** The {@code ./regshift} lines of the guide's {@code sh} blocks, in order. */
    static List<String> commands() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                inShell = !inShell && trimmed.equals("```sh");
            } else if (inShell && trimmed.startsWith("./regshift ")) {
                commands.add(trimmed);
            }
        }
        return commands;
    }

    @Test
    void everyCommandInTheGuideRunsAsWritten() throws Exception {
        Trees.copy(Path.of("../docs/examples/legacy-app"), app);
        Path launcher = app.resolve("regshift");
        Files.writeString(
                launcher,
                "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                        + System.getProperty("java.class.path") + "' io.regshift.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(
                app.resolve("lost-laptops.txt"),
                "f174e90a-fafe-4643-bbbc-4a0ed4fc8415\n0b7c2a11-6d0e-4a53-9e7f-3b1d2c4e5f60\n");
        Path jar = Files.createDirectories(home.resolve(".m2/repository/com/acme/legacy-client/1.0"))
                .resolve("legacy-client-1.0.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("com/acme/Endpoints.properties"));
            zip.write("revoke=/accounts/%s/devices/revoke\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("CLOUDFLARE_API_TOKEN", "test-token");
        env.put("CLOUDFLARE_BASE_URL", cloudflare.baseUrl());
        env.put("CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c353");

        List<String> commands = commands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(10);
        Map<String, Result> results = new LinkedHashMap<>();
        for (String command : commands) {
            Result result = command.startsWith("./regshift proxy ") ? serve(command, env) : run(command, env);
            assertThat(result.exit()).as(command + "\n" + result.output()).isNotEqualTo(2);
            results.put(results.containsKey(command) ? command + " (again)" : command, result);
        }

        assertThat(results.get("./regshift scan .").exit()).isEqualTo(1);
        assertThat(results.get("./regshift scan ~/.m2/repository/com/acme").output())
                .contains("legacy-client/1.0/legacy-client-1.0.jar!/com/acme/Endpoints.properties");
        assertThat(app.resolve("regshift.sarif")).isNotEmptyFile();
        assertThat(app.resolve("regshift-baseline.json")).isNotEmptyFile();
        assertThat(results.get("./regshift fix .").output()).contains("+++ b/src/offboarding-service.ts");
        assertThat(results.get("./regshift scan . (again)").output())
                .contains("config/app.yaml")
                .doesNotContain("src/offboarding-service.ts");
        assertThat(cloudflare.revokedIds("023e105f4ecef8ad9ca31a8372d0c353"))
                .containsExactlyInAnyOrder(
                        "f174e90a-fafe-4643-bbbc-4a0ed4fc8415", "0b7c2a11-6d0e-4a53-9e7f-3b1d2c4e5f60");
        assertThat(cloudflare.calls()).hasSize(1);
    }

    private record Result(int exit, String output) {}

    private Result run(String command, Map<String, String> env) throws Exception {
        Process p = start(command, env);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(command).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** Starts the proxy, waits until it answers its health check, then stops it with SIGTERM. */
    private Result serve(String command, Map<String, String> env) throws Exception {
        Path log = home.resolve("proxy.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String address = command.replaceAll(".*--listen\\s+(\\S+).*", "$1");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://" + address + "/__regshift/health"))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = 0;
        while (status == 0 && p.isAlive() && System.nanoTime() < deadline) {
            try {
                status = http.send(health, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (ConnectException notYet) {
                Thread.onSpinWait();
            }
        }
        p.destroy();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(status).as(command + "\n" + output).isEqualTo(200);
        return new Result(0, output);
    }

    private Process start(String command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command)
                .directory(app.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }
}
